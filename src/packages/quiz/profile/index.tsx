import { useEffect, useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Button, Cell, Input, Picker } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { back } from '../people'
import { bindingOptions, firstValue, NONE, type Binding } from './binding'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'quiz-profile'

type Field = 'schoolId' | 'className' | 'communityId' | 'code'

export default function ProfilePage() {
  const bound = useRequest(() => api.call('quiz', 'profile'), [])
  const schools = useRequest(() => api.call('quiz', 'units', { kind: 'school' }), [])
  const communities = useRequest(() => api.call('quiz', 'units', { kind: 'community' }), [])
  const [form, setForm] = useState<Binding | null>(null)
  const [picking, setPicking] = useState<'school' | 'community' | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const [saving, setSaving] = useState(false)
  const [code, setCode] = useState('')

  // The form starts from what is bound; once the person changes it, a reload does not overwrite the choice.
  const profile = bound.data
  useEffect(() => {
    if (profile && !form) setForm({ schoolId: profile.school?.id ?? null, className: profile.className, communityId: profile.community?.id ?? null })
  }, [profile, form])

  const reload = () => Promise.all([bound.reload(), schools.reload(), communities.reload()])
  const ready = !!form && !!schools.data && !!communities.data
  const error = bound.error ?? schools.error ?? communities.error
  const loading = bound.loading || schools.loading || communities.loading

  const change = (next: Partial<Binding>, fields: Field[]) => {
    setForm((f) => (f ? { ...f, ...next } : f))
    setErrors((e) => ({ ...e, ...Object.fromEntries(fields.map((k) => [k, undefined])), form: undefined }))
  }

  const save = async () => {
    if (!form || saving) return
    if (form.schoolId && !form.className) return setErrors({ className: '请选择班级' })
    setSaving(true)
    setErrors({})
    try {
      await api.call('quiz', 'bind', { schoolId: form.schoolId, className: form.schoolId ? form.className : null, communityId: form.communityId, ...(form.schoolId && code.trim() ? { code: code.trim() } : {}) })
      Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(back, 800)
    } catch (e) {
      if (e instanceof ApiError) {
        const named = { schoolId: e.field('schoolId'), className: e.field('className'), communityId: e.field('communityId'), code: e.field('code') }
        setErrors(Object.values(named).some(Boolean) ? named : { form: e.message })
      } else {
        setErrors({ form: '保存失败，请稍后再试' })
      }
    } finally {
      setSaving(false)
    }
  }

  const school = (schools.data ?? []).find((s) => s.id === form?.schoolId)
  const community = (communities.data ?? []).find((c) => c.id === form?.communityId)
  const options = bindingOptions(schools.data ?? [], communities.data ?? [])
  const errorLine = (field: Field) => errors[field] && <Text className={`${prefix}__error`}>{errors[field]}</Text>
  const value = (text: string | null, placeholder: string) => (
    <Text className={`${prefix}__value ${text ? '' : `${prefix}__value--empty`}`}>
      {text ?? placeholder} <ArrowRight size={12} />
    </Text>
  )

  return (
    <View className={prefix}>
      <ModeMeta />
      <Text className={`${prefix}__intro`}>绑定后，您的答题成绩计入所在学校、班级或社区的参与率和知晓率统计。学生请绑定学校和班级，居民请绑定所在社区。</Text>
      <LoadState loading={loading} error={error} ready={ready} onRetry={reload} rows={5}>
        {form && (
          <>
            <Cell.Group className={`${prefix}__group`} title="学生：学校与班级">
              <Cell
                className={`${prefix}__school`}
                title="学校 / 班级"
                extra={value(school ? `${school.name} · ${form.className ?? '未选班级'}` : null, options.schools.length ? '请选择' : '暂无可选学校')}
                clickable={options.schools.length > 0}
                onClick={() => options.schools.length > 0 && setPicking('school')}
              />
            </Cell.Group>
            {errorLine('schoolId')}
            {errorLine('className')}
            {form.schoolId && (
              <>
                <Cell
                  className={`${prefix}__code`}
                  title="班级邀请码"
                  description={profile?.confirmed && profile.school?.id === form.schoolId && profile.className === form.className ? '已核实' : '向班主任索取；未填写的成绩单独统计，不计入学校和班级'}
                  extra={<Input align="right" value={code} onChange={(v) => (setCode(v), change({}, ['code']))} placeholder="6 位邀请码" maxLength={12} />}
                />
                {errorLine('code')}
              </>
            )}

            <Cell.Group className={`${prefix}__group`} title="居民：所在社区">
              <Cell
                className={`${prefix}__community`}
                title="社区"
                extra={value(community?.name ?? null, options.communities.length ? '请选择' : '暂无可选社区')}
                clickable={options.communities.length > 0}
                onClick={() => options.communities.length > 0 && setPicking('community')}
              />
            </Cell.Group>
            {errorLine('communityId')}

            <Text className={`${prefix}__hint`}>找不到您的学校或社区？请联系创文办添加。</Text>
            {errors.form && <Text className={`${prefix}__error ${prefix}__error--form`}>{errors.form}</Text>}
            <View className={`${prefix}__actions`}>
              <Button className={`${prefix}__save`} type="primary" block loading={saving} onClick={save}>
                保存
              </Button>
            </View>
          </>
        )}
      </LoadState>

      <Picker
        visible={picking === 'school'}
        title="选择学校和班级"
        options={[options.schools]}
        value={school && form?.className ? [school.id, form.className] : firstValue(options.schools)}
        onConfirm={(_, [schoolId, className]) =>
          schoolId === NONE ? change({ schoolId: null, className: null }, ['schoolId', 'className']) : change({ schoolId: String(schoolId), className: String(className) }, ['schoolId', 'className'])
        }
        onClose={() => setPicking(null)}
      />
      <Picker
        visible={picking === 'community'}
        title="选择社区"
        options={[options.communities]}
        value={community ? [community.id] : firstValue(options.communities)}
        onConfirm={(_, [communityId]) => change({ communityId: communityId === NONE ? null : String(communityId) }, ['communityId'])}
        onClose={() => setPicking(null)}
      />
    </View>
  )
}
