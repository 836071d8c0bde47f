import { useEffect, useRef, useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Button, Cell, Checkbox, DatePicker, Input, InputNumber, NoticeBar, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ANSWER_REVEAL_LABELS, ANSWER_REVEALS, AUDIENCE_LABELS, AUDIENCES, type AnswerReveal, type Audience } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import {
  clearDraft,
  emptyForm,
  fieldOf,
  fromSummary,
  hasContent,
  LIMITS,
  loadDraft,
  MAX_PER_POINT,
  QUIZ_SAVED,
  quotaKey,
  quotaRows,
  saveDraft,
  setQuota,
  toInput,
  totalQuestions,
  validate,
  type ErrorKey,
  type FormErrors,
  type QuizForm
} from '../quiz-form'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime } from '@/utils/format'

const prefix = 'quiz-edit'
type TimeField = 'opensAt' | 'closesAt'
const TIME_LABELS: Record<TimeField, string> = { opensAt: '开始时间', closesAt: '结束时间' }

/** 新建答题 / 编辑答题: window, questions drawn per knowledge point, time, tries, pass mark and who may take it. */
export default function QuizEdit() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [form, setForm] = useState<QuizForm>(() => (params.id ? emptyForm() : loadDraft()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  const [picking, setPicking] = useState<TimeField | null>(null)
  const editing = useRef(!!params.id)

  const quiz = useRequest(async () => {
    if (!params.id) return null
    const found = await api.call('quiz', 'quiz', { quizId: params.id })
    setForm(fromSummary(found))
    return found
  }, [params.id])
  // One item is enough: only the active count per knowledge point is wanted here.
  const bank = useRequest(() => api.call('quiz', 'questions', { page: 1, pageSize: 1, active: true }), [])
  const schools = useRequest(() => api.call('quiz', 'units', { kind: 'school' }), [])
  const available = bank.data?.points ?? []

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: params.id ? '编辑答题' : '新建答题' })
  }, [params.id])

  // Only a new quiz lives on the phone; an existing one is on the server already.
  useEffect(() => {
    if (!editing.current && hasContent(form)) saveDraft(form)
  }, [form])

  const update = (next: (f: QuizForm) => QuizForm, touched: ErrorKey[]) => {
    setForm(next)
    if (touched.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k as ErrorKey))))
    setFormError('')
  }
  const change = (patch: Partial<QuizForm>, touched: ErrorKey[]) => update((f) => ({ ...f, ...patch }), touched)

  const save = async () => {
    if (saving) return
    const found = validate(form, available)
    setErrors(found)
    setFormError('')
    const first = Object.values(found)[0]
    if (first) {
      Taro.showToast({ title: first, icon: 'none' })
      return
    }
    const input = toInput(form, available)
    setSaving(true)
    try {
      const saved = id ? await api.call('quiz', 'saveQuiz', { id, ...input }) : await api.call('quiz', 'saveQuiz', input, { requestId: form.requestId })
      if (!editing.current) {
        editing.current = true
        clearDraft()
        setId(saved.id)
      }
      Taro.eventCenter.trigger(QUIZ_SAVED, saved.id)
      Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
        else void Taro.redirectTo({ url: `/packages/quiz/office/index?id=${saved.id}` })
      }, 800)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '保存失败，请稍后再试')
      const { fields, others, text } = err.byField((path) => fieldOf(path, input))
      setErrors(fields)
      setFormError(text)
      Taro.showToast({ title: Object.values(fields)[0] ?? (others[0] || err.message), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const error = (key: ErrorKey) => (errors[key] ? <Text className={`${prefix}__error`}>{errors[key]}</Text> : null)
  const label = (text: string, required = false) => (
    <Text className={`${prefix}__label`}>
      {text}
      {required && <Text className={`${prefix}__required`}>*</Text>}
    </Text>
  )

  // Papers already drawn keep their questions, so the draw is fixed once anyone has handed one in.
  const drawn = (quiz.data?.participants ?? 0) > 0
  const rows = quotaRows(form, available)
  const total = totalQuestions(form)
  const ready = (!params.id || !!quiz.data) && !!bank.data && !!schools.data
  const loadError = quiz.error ?? bank.error ?? schools.error
  const reload = () => Promise.all([quiz.reload(), bank.reload(), schools.reload()])

  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={!loadError && !ready} error={loadError} ready={ready} onRetry={reload} rows={12}>
        <View className={`${prefix}__body`}>
          {drawn && (
            <View className={`${prefix}__notice`}>
              <NoticeBar content={`已有 ${quiz.data?.participants} 人交卷：抽题数量不能再改，时间、次数等其他设置仍可修改`} wrap />
            </View>
          )}

          <View className={`cwt-section ${prefix}__section`}>
            <View className={`${prefix}__block`}>
              {label('答题名称', true)}
              <Input className={`${prefix}__input`} value={form.title} onChange={(title) => change({ title }, ['title'])} placeholder="如：2026 年文明城市创建应知应会知识竞答" maxLength={40} clearable />
              {error('title')}
            </View>
            <View className={`${prefix}__block`}>
              {label('答题说明')}
              <TextArea className={`${prefix}__textarea`} value={form.description} onChange={(description) => change({ description }, ['description'])} placeholder="答题首页给参加的人看：内容范围、奖励等" maxLength={500} showCount />
              {error('description')}
            </View>
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            {(['opensAt', 'closesAt'] as TimeField[]).map((f) => (
              <View key={f}>
                <Cell
                  className={`${prefix}__cell`}
                  title={label(TIME_LABELS[f], true)}
                  extra={
                    <Text className={`${prefix}__value`}>
                      {formatDateTime(form[f])} <ArrowRight size={12} color="var(--cwt-text-hint)" />
                    </Text>
                  }
                  clickable
                  onClick={() => setPicking(f)}
                />
                {error(f)}
              </View>
            ))}
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            <View className={`${prefix}__quota-head`}>
              {label('各知识点抽题数量', true)}
              <Text className={`${prefix}__total`}>
                共 <Text className={`${prefix}__em`}>{total}</Text> 题
              </Text>
            </View>
            <Text className={`${prefix}__hint ${prefix}__hint--top`}>每份试卷从各知识点的在用题目中随机抽取，选项顺序每份打乱</Text>
            {rows.map((r) => (
              <View key={r.point}>
                <View className={`${prefix}__quota`} data-label={`${r.point}抽题数`}>
                  <View className={`${prefix}__quota-text`}>
                    <Text className={`${prefix}__quota-point`}>{r.point}</Text>
                    <Text className={`${prefix}__quota-available ${r.available < r.count ? `${prefix}__quota-available--short` : ''}`}>可用 {r.available} 道</Text>
                  </View>
                  <InputNumber
                    value={r.count}
                    min={0}
                    max={Math.max(r.count, Math.min(r.available, MAX_PER_POINT))}
                    disabled={drawn}
                    onChange={(v) => update((f) => setQuota(f, r.point, Number(v) || 0), [quotaKey(r.point), 'quotas'])}
                  />
                </View>
                {error(quotaKey(r.point))}
              </View>
            ))}
            {rows.length === 0 && <Text className={`${prefix}__hint`}>题库里还没有在用的题目，请先到题库新增或导入</Text>}
            {error('quotas')}
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            <Cell
              className={`${prefix}__cell`}
              title={label('答题时长（分钟）', true)}
              description="从开始作答计时，到时按已保存的答案自动交卷"
              extra={<InputNumber value={form.timeLimitMinutes} min={LIMITS.timeLimitMinutes[0]} max={LIMITS.timeLimitMinutes[1]} step={5} onChange={(v) => change({ timeLimitMinutes: Number(v) }, ['timeLimitMinutes'])} />}
            />
            {error('timeLimitMinutes')}
            <Cell
              className={`${prefix}__cell`}
              title={label('每人可答次数', true)}
              description="排行取每人最好的一次"
              extra={<InputNumber value={form.attemptsAllowed} min={LIMITS.attemptsAllowed[0]} max={LIMITS.attemptsAllowed[1]} onChange={(v) => change({ attemptsAllowed: Number(v) }, ['attemptsAllowed'])} />}
            />
            {error('attemptsAllowed')}
            <Cell
              className={`${prefix}__cell`}
              title={label('及格分', true)}
              description="满分 100，达到即计为知晓"
              extra={<InputNumber value={form.passMark} min={LIMITS.passMark[0]} max={LIMITS.passMark[1]} step={5} onChange={(v) => change({ passMark: Number(v) }, ['passMark'])} />}
            />
            {error('passMark')}
            <View className={`${prefix}__block`}>
              {label('何时公布答案和解析', true)}
              <Radio.Group className={`${prefix}__reveal`} value={form.reveal} onChange={(v) => change({ reveal: v as AnswerReveal }, ['reveal'])}>
                {ANSWER_REVEALS.map((r) => (
                  <Radio key={r} value={r}>
                    {ANSWER_REVEAL_LABELS[r]}
                  </Radio>
                ))}
              </Radio.Group>
              <Text className={`${prefix}__hint`}>提前公布会让后面的作答和知晓率失真，建议答题结束后公布；错题本也按此时间显示</Text>
              {error('reveal')}
            </View>
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            <View className={`${prefix}__block`}>
              {label('参加对象', true)}
              <Radio.Group className={`${prefix}__audience`} value={form.audience} onChange={(v) => change({ audience: v as Audience }, ['audience', 'schoolIds'])}>
                {AUDIENCES.map((a) => (
                  <Radio key={a} value={a}>
                    {AUDIENCE_LABELS[a]}
                  </Radio>
                ))}
              </Radio.Group>
              {error('audience')}
            </View>
            {form.audience === 'students' && (
              <View className={`${prefix}__block`}>
                {label('可以参加的学校', true)}
                {schools.data && schools.data.length > 0 ? (
                  <Checkbox.Group className={`${prefix}__schools`} value={form.schoolIds} onChange={(v) => change({ schoolIds: v as string[] }, ['schoolIds'])}>
                    {schools.data.map((s) => (
                      <Checkbox key={s.id} value={s.id} label={s.name} />
                    ))}
                  </Checkbox.Group>
                ) : (
                  <Text className={`${prefix}__hint ${prefix}__link`} onClick={() => Taro.navigateTo({ url: '/packages/quiz/units/index' })}>
                    还没有学校，先去「学校与社区」添加 ›
                  </Text>
                )}
                {error('schoolIds')}
              </View>
            )}
          </View>

          {formError && <Text className={`${prefix}__error ${prefix}__error--form`}>{formError}</Text>}
        </View>

        <View className={`${prefix}__bar`}>
          <Button className={`${prefix}__save`} block type="primary" loading={saving} onClick={save}>
            {id ? '保存修改' : '发布答题'}
          </Button>
        </View>
      </LoadState>

      <DatePicker
        visible={!!picking}
        title={picking ? TIME_LABELS[picking] : ''}
        type="datetime"
        showChinese
        minuteStep={5}
        value={picking ? dayjs(form[picking]).toDate() : new Date()}
        startDate={dayjs().subtract(1, 'year').startOf('year').toDate()}
        endDate={dayjs().add(2, 'year').endOf('year').toDate()}
        onConfirm={(_, v) => {
          if (!picking) return
          const [y, m, d, h, min] = v.map(Number)
          change({ [picking]: new Date(y, m - 1, d, h, min).toISOString() }, ['opensAt', 'closesAt'])
        }}
        onClose={() => setPicking(null)}
      />
    </View>
  )
}
