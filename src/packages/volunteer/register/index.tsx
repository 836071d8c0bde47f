import { useState, type ReactNode } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Button, Cell, Checkbox, DatePicker, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { fieldIn, useSubmit } from '@/hooks/use-submit'
import { api } from '@/services/api'
import { ageOn, isMobile, needsGuardian } from '../format'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatFullDay } from '@/utils/format'

interface Form {
  realName: string
  phone: string
  team: string
  birthDate: string
  guardianName: string
  guardianPhone: string
  consent: boolean
}

type Field = keyof Form
type Errors = Partial<Record<Field, string>>

const prefix = 'vol-register'
const EMPTY: Form = { realName: '', phone: '', team: '', birthDate: '', guardianName: '', guardianPhone: '', consent: false }
const ORDER: Field[] = ['realName', 'phone', 'team', 'birthDate', 'guardianName', 'guardianPhone', 'consent']
// The server names the guardian's fields inside `guardian`.
const SERVER_FIELDS: Record<string, Field> = { 'guardian.name': 'guardianName', 'guardian.phone': 'guardianPhone', 'guardian.consent': 'consent', guardian: 'consent' }

function validate(f: Form, minor: boolean): Errors {
  const e: Errors = {}
  if (!f.realName.trim()) e.realName = '请填写真实姓名'
  if (!isMobile(f.phone.trim())) e.phone = '请填写 11 位手机号'
  if (!f.team.trim()) e.team = '请填写所在团队或单位，没有可填「个人」'
  if (!f.birthDate) e.birthDate = '请选择出生日期'
  if (minor) {
    if (!f.guardianName.trim()) e.guardianName = '请填写监护人姓名'
    if (!isMobile(f.guardianPhone.trim())) e.guardianPhone = '请填写监护人的 11 位手机号'
    if (!f.consent) e.consent = '请确认监护人已同意'
  }
  return e
}

export default function RegisterPage() {
  const [form, setForm] = useState<Form>(EMPTY)
  const submission = useSubmit(fieldIn(ORDER, SERVER_FIELDS), '注册失败，请稍后再试')
  const { errors, error: failure, busy: saving } = submission
  const [picking, setPicking] = useState(false)

  const age = form.birthDate ? ageOn(form.birthDate) : null
  const minor = age !== null && needsGuardian(age)

  const change = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }))
    submission.clear(...(Object.keys(patch) as Field[]))
  }

  // On failure everything typed stays; the field the server named says why.
  const submit = async () => {
    if (saving) return
    const found = validate(form, minor)
    submission.show(found)
    const first = ORDER.map((f) => found[f]).find(Boolean)
    if (first) return Taro.showToast({ title: first, icon: 'none' })
    const register = () =>
      api.call('volunteer', 'register', {
        realName: form.realName.trim(),
        phone: form.phone.trim(),
        team: form.team.trim(),
        birthDate: form.birthDate,
        ...(minor ? { guardian: { name: form.guardianName.trim(), phone: form.guardianPhone.trim(), consent: form.consent } } : {})
      })
    await submission.run(register, {
      done: (me) => {
        // with hours earned, a new name, phone or birth date waits for the office
        Taro.showToast(me.correction ? { title: '信息更正已提交，待创文办审核', icon: 'none', duration: 2500 } : { title: '注册成功', icon: 'success' })
        setTimeout(() => {
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
          else void Taro.redirectTo({ url: '/packages/volunteer/mine/index' })
        }, 800)
      },
      failed: (err, named) => Taro.showToast({ title: ORDER.map((f) => named[f]).find(Boolean) ?? err.message, icon: 'none', duration: 3000 })
    })
  }

  const fieldError = (name: Field) => errors[name] && <Text className={`${prefix}__field-error`}>{errors[name]}</Text>
  // The message goes under the input, where the eye is, rather than squeezed under the label.
  const field = (name: Field, input: ReactNode) => (
    <View className={`${prefix}__field`}>
      {input}
      {fieldError(name)}
    </View>
  )

  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__intro`}>
        <Text className={`${prefix}__intro-title`}>成为文明城市志愿者</Text>
        <Text className={`${prefix}__intro-text`}>注册后可报名参加志愿活动，服务时长经组织者确认后计入，可开具志愿服务记录证明。</Text>
      </View>

      <Cell.Group className={`${prefix}__cells`} title="基本信息">
        <Cell align="center" className={`${prefix}__cell`} title="真实姓名" extra={field('realName', <Input align="right" className={`${prefix}__input ${prefix}__real-name`} value={form.realName} onChange={(v) => change({ realName: v })} placeholder="与身份证一致" maxLength={20} />)} />
        <Cell align="center" className={`${prefix}__cell`} title="手机号" extra={field('phone', <Input align="right" className={`${prefix}__input ${prefix}__phone`} type="tel" value={form.phone} onChange={(v) => change({ phone: v })} placeholder="11 位手机号" maxLength={11} />)} />
        <Cell align="center" className={`${prefix}__cell`} title="团队/单位" extra={field('team', <Input align="right" className={`${prefix}__input ${prefix}__team`} value={form.team} onChange={(v) => change({ team: v })} placeholder="如 翠峰社区志愿服务队" maxLength={30} />)} />
        <Cell
          align="center"
          className={`${prefix}__cell ${prefix}__birth`}
          title="出生日期"
          extra={field(
            'birthDate',
            <Text className={`${prefix}__pick ${form.birthDate ? '' : `${prefix}__pick--empty`}`}>
              {form.birthDate ? `${formatFullDay(form.birthDate)}（${age} 岁）` : '请选择'} <ArrowRight size={12} />
            </Text>
          )}
          clickable
          onClick={() => setPicking(true)}
        />
      </Cell.Group>

      {age !== null && age < 14 && <Text className={`${prefix}__hint`}>未满 14 周岁暂不能注册志愿者，可以和家长一起参加亲子志愿活动</Text>}

      {minor && (
        <Cell.Group className={`${prefix}__cells`} title="监护人信息（未满 18 周岁需填写）">
          <Cell align="center" className={`${prefix}__cell`} title="监护人姓名" extra={field('guardianName', <Input align="right" className={`${prefix}__input ${prefix}__guardian-name`} value={form.guardianName} onChange={(v) => change({ guardianName: v })} placeholder="父母或其他监护人" maxLength={20} />)} />
          <Cell align="center" className={`${prefix}__cell`} title="监护人手机" extra={field('guardianPhone', <Input align="right" className={`${prefix}__input ${prefix}__guardian-phone`} type="tel" value={form.guardianPhone} onChange={(v) => change({ guardianPhone: v })} placeholder="11 位手机号" maxLength={11} />)} />
          <Cell
            className={`${prefix}__cell`}
            description={fieldError('consent')}
            title={
              <Checkbox className={`${prefix}__consent`} checked={form.consent} onChange={(consent) => change({ consent })}>
                监护人已知悉并同意我参加志愿服务
              </Checkbox>
            }
          />
        </Cell.Group>
      )}

      <Text className={`${prefix}__privacy`}>真实姓名和手机号仅用于开具证明和活动联络，只有您本人能看到完整信息。</Text>
      {failure && <Text className={`${prefix}__failure`}>{failure}</Text>}
      <View className={`${prefix}__submit`}>
        <Button type="primary" size="large" block loading={saving} onClick={submit}>
          提交注册
        </Button>
      </View>

      <DatePicker
        visible={picking}
        title="出生日期"
        type="date"
        showChinese
        startDate={new Date(1930, 0, 1)}
        endDate={new Date()}
        defaultValue={form.birthDate ? dayjs(form.birthDate).toDate() : new Date(2000, 0, 1)}
        onClose={() => setPicking(false)}
        onConfirm={(_, [y, m, d]) => change({ birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` })}
      />
    </View>
  )
}
