import { useState } from 'react'
import { Add, ArrowRight, Close } from '@nutui/icons-react-taro'
import { Button, Input, Picker, Popup, Radio, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionKind, type QuestionView } from '@contract'
import { api, ApiError } from '@/services/api'
import {
  addOption,
  MAX_OPTIONS,
  OPTION_LETTERS,
  questionFieldOf,
  removeOption,
  toggleAnswer,
  toQuestionInput,
  validateQuestion,
  withKind,
  type QuestionErrors,
  type QuestionField,
  type QuestionForm
} from '../question-form'

const prefix = 'quiz-bank'

export interface QuestionEditorProps {
  /** The question being edited (with its id), or a new one (id null); null closes the sheet. */
  editing: { id: string | null; form: QuestionForm } | null
  /** Knowledge points to pick from. */
  points: string[]
  onChange: (form: QuestionForm) => void
  onClose: () => void
  onSaved: (saved: QuestionView) => void
}

/** The bank's question form in a bottom sheet; what was typed stays when saving fails, and closing does not lose it either. */
export function QuestionEditor({ editing, points, onChange, onClose, onSaved }: QuestionEditorProps) {
  const [errors, setErrors] = useState<QuestionErrors>({})
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  const [pickingPoint, setPickingPoint] = useState(false)
  const f = editing?.form

  const change = (next: QuestionForm, touched: QuestionField[]) => {
    onChange(next)
    if (touched.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k as QuestionField))))
    setFormError('')
  }

  const save = async () => {
    if (!editing || !f || saving) return
    const found = validateQuestion(f)
    setErrors(found)
    setFormError('')
    const first = Object.values(found)[0]
    if (first) {
      Taro.showToast({ title: first, icon: 'none' })
      return
    }
    setSaving(true)
    try {
      const saved = await api.call('quiz', 'saveQuestion', { ...toQuestionInput(f), ...(editing.id ? { id: editing.id } : {}) })
      setErrors({})
      onSaved(saved)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '保存失败，请稍后再试')
      const { fields, others, text } = err.byField(questionFieldOf)
      setErrors(fields)
      setFormError(text)
      Taro.showToast({ title: Object.values(fields)[0] ?? (others[0] || err.message), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const error = (field: QuestionField) => (errors[field] ? <Text className={`${prefix}__error`}>{errors[field]}</Text> : null)
  const label = (text: string, required = false, hint = '') => (
    <View className={`${prefix}__label`}>
      <Text>{text}</Text>
      {required && <Text className={`${prefix}__required`}>*</Text>}
      {hint && <Text className={`${prefix}__label-hint`}>{hint}</Text>}
    </View>
  )

  return (
    <>
      <Popup visible={!!editing} position="bottom" round closeable title={editing?.id ? '编辑题目' : '新增题目'} onClose={onClose}>
        {f && (
          <View className={`${prefix}__editor`}>
            <View className={`${prefix}__fields`}>
              <View className={`${prefix}__block`}>
                {label('题型', true)}
                <Radio.Group value={f.kind} direction="horizontal" onChange={(v) => change(withKind(f, v as QuestionKind), ['kind', 'options', 'answer'])}>
                  {QUESTION_KINDS.map((k) => (
                    <Radio key={k} value={k} shape="button">
                      {QUESTION_KIND_LABELS[k]}
                    </Radio>
                  ))}
                </Radio.Group>
              </View>

              <View className={`${prefix}__block`}>
                {label('题干', true)}
                <TextArea className={`${prefix}__textarea`} value={f.stem} onChange={(stem) => change({ ...f, stem }, ['stem'])} placeholder="如：机动车行经人行横道时，遇行人正在通过，应当怎么做？" maxLength={300} showCount />
                {error('stem')}
              </View>

              <View className={`${prefix}__block`}>
                {label('选项与答案', true, f.kind === 'multiple' ? '点字母标出所有正确选项' : '点字母标出正确答案')}
                {f.options.map((option, i) => {
                  const right = f.answer.includes(i)
                  return (
                    <View key={i} className={`${prefix}__option`}>
                      <View className={`${prefix}__letter ${right ? `${prefix}__letter--right` : ''}`} onClick={() => change(toggleAnswer(f, i), ['answer'])}>
                        <Text>{f.kind === 'judge' ? (right ? '✓' : '') : OPTION_LETTERS[i]}</Text>
                      </View>
                      {f.kind === 'judge' ? (
                        <Text className={`${prefix}__judge`} onClick={() => change(toggleAnswer(f, i), ['answer'])}>
                          {option}
                        </Text>
                      ) : (
                        <Input
                          className={`${prefix}__input ${prefix}__option-input`}
                          value={option}
                          onChange={(text) => change({ ...f, options: f.options.map((o, j) => (j === i ? text : o)) }, ['options'])}
                          placeholder={`选项 ${OPTION_LETTERS[i]}`}
                          maxLength={100}
                        />
                      )}
                      {f.kind !== 'judge' && f.options.length > 2 && (
                        <View className={`${prefix}__remove`} onClick={() => change(removeOption(f, i), ['options', 'answer'])}>
                          <Close size={12} color="var(--cwt-text-hint)" />
                        </View>
                      )}
                    </View>
                  )
                })}
                {f.kind !== 'judge' && f.options.length < MAX_OPTIONS && (
                  <Button className={`${prefix}__add-option`} size="small" fill="dashed" icon={<Add size={12} />} onClick={() => change(addOption(f), ['options'])}>
                    添加选项
                  </Button>
                )}
                {error('options')}
                {error('answer')}
              </View>

              <View className={`${prefix}__block`}>
                {label('解析', true, '交卷后给答题人看，请写明依据')}
                <TextArea className={`${prefix}__textarea ${prefix}__textarea--tall`} value={f.explanation} onChange={(explanation) => change({ ...f, explanation }, ['explanation'])} placeholder="为什么是这个答案，出自哪条规定" maxLength={500} showCount />
                {error('explanation')}
              </View>

              <View className={`${prefix}__block`}>
                {label('知识点', true)}
                <View className={`${prefix}__input ${prefix}__select`} onClick={() => setPickingPoint(true)}>
                  <Text className={f.point ? '' : `${prefix}__placeholder`}>{f.point || '请选择'}</Text>
                  <ArrowRight size={12} color="var(--cwt-text-hint)" />
                </View>
                {error('point')}
              </View>

              <View className={`${prefix}__block`}>
                {label('出处', false, '法规名称和条款，常识题可不填')}
                <Input className={`${prefix}__input`} value={f.source} onChange={(source) => change({ ...f, source }, ['source'])} placeholder="如：《中华人民共和国道路交通安全法》第四十七条" maxLength={100} clearable />
                {error('source')}
              </View>

              {editing?.id && (
                <View className={`${prefix}__block ${prefix}__switch`}>
                  <View className={`${prefix}__switch-text`}>
                    <Text>在用</Text>
                    <Text className={`${prefix}__label-hint`}>停用后不再被抽到，已交的答卷和成绩不受影响</Text>
                  </View>
                  <Switch checked={f.active} onChange={(active) => change({ ...f, active }, ['active'])} />
                </View>
              )}
            </View>

            {formError && <Text className={`${prefix}__error ${prefix}__error--form`}>{formError}</Text>}
            <Button className={`${prefix}__save`} block type="primary" loading={saving} onClick={save}>
              保存
            </Button>
          </View>
        )}
      </Popup>

      <Picker
        visible={pickingPoint}
        title="知识点"
        options={[points.map((p) => ({ label: p, value: p }))]}
        value={[f?.point || points[0]]}
        onConfirm={(_, [v]) => f && v && change({ ...f, point: String(v) }, ['point'])}
        onClose={() => setPickingPoint(false)}
      />
    </>
  )
}
