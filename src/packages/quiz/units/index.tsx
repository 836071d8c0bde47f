import { useState } from 'react'
import { Add, ArrowRight, Close, Location } from '@nutui/icons-react-taro'
import { Button, Cell, Input, Popup, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { UNIT_KIND_LABELS, type Unit } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { addClasses, emptyUnit, fromUnit, removeClass, toUnitInput, unitFieldOf, validateUnit, type UnitErrors, type UnitField, type UnitForm } from '../unit-form'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'quiz-units'
type Kind = Unit['kind']

/** 学校与社区: what students and residents bind to, and what the awareness figures are cut by. */
export default function QuizUnits() {
  const [kind, setKind] = useState<Kind>('school')
  const list = useRequest(() => api.call('quiz', 'units', { kind }), [kind])
  const [editing, setEditing] = useState<{ id: string | null; form: UnitForm } | null>(null)
  const [errors, setErrors] = useState<UnitErrors>({})
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  // each class's invitation code, for the teacher to hand out: a student who gives it counts in the school's figures
  const [codes, setCodes] = useState<Record<string, string>>({})

  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const open = (id: string | null, form: UnitForm) => {
    setErrors({})
    setFormError('')
    setEditing({ id, form })
    setCodes({})
    if (id && kind === 'school') {
      api.call('quiz', 'classCodes', { schoolId: id }).then(setCodes, () => undefined)
    }
  }

  const change = (form: UnitForm, touched: UnitField[]) => {
    setEditing((e) => (e ? { ...e, form } : e))
    if (touched.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k as UnitField))))
    setFormError('')
  }

  const add = () => {
    if (!editing) return
    const { form, repeated } = addClasses(editing.form)
    change(form, ['classes'])
    if (repeated.length) Taro.showToast({ title: `${repeated.join('、')} 已在列表中`, icon: 'none' })
  }

  // On failure the sheet stays open with everything typed, and the server's word under the field it names.
  const save = async () => {
    if (!editing || saving) return
    const found = validateUnit(editing.form, kind)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) {
      Taro.showToast({ title: first, icon: 'none' })
      return
    }
    setSaving(true)
    try {
      await api.call('quiz', 'saveUnit', { ...toUnitInput(editing.form, kind), ...(editing.id ? { id: editing.id } : {}) })
      setEditing(null)
      Taro.showToast({ title: '已保存', icon: 'success' })
      await list.reload()
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '保存失败，请稍后再试')
      const { fields, others, text } = err.byField(unitFieldOf)
      setErrors(fields)
      setFormError(text)
      Taro.showToast({ title: Object.values(fields)[0] ?? (others[0] || err.message), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const label = UNIT_KIND_LABELS[kind]
  const f = editing?.form
  const error = (field: UnitField) => (errors[field] ? <Text className={`${prefix}__error`}>{errors[field]}</Text> : null)
  return (
    <View className={prefix}>
      <ModeMeta />
      <Tabs className={`${prefix}__tabs`} value={kind} onChange={(v) => setKind(v as Kind)} activeType="line">
        <Tabs.TabPane title="学校" value="school" />
        <Tabs.TabPane title="社区" value="community" />
      </Tabs>

      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>{list.data ? `共 ${list.data.length} 个${label}` : ''}</Text>
        <Button size="small" type="primary" icon={<Add size={12} />} onClick={() => open(null, emptyUnit())}>
          新增{label}
        </Button>
      </View>

      <LoadState loading={list.loading} error={list.error} ready={!!list.data} onRetry={list.reload} rows={8}>
        {list.data &&
          (list.data.length === 0 ? (
            <Blank
              icon={<Location size={48} color="var(--cwt-border-strong)" />}
              title={`还没有${label}`}
              description={kind === 'school' ? '添加学校和班级后，学生可绑定班级，统计按学校、班级排名' : '添加社区后，居民可绑定社区，统计按社区排名'}
              action={{ text: `新增${label}`, onClick: () => open(null, emptyUnit()) }}
            />
          ) : (
            <Cell.Group className={`${prefix}__list`}>
              {list.data.map((u) => (
                <Cell
                  key={u.id}
                  clickable
                  onClick={() => open(u.id, fromUnit(u))}
                  title={u.name}
                  description={[kind === 'school' ? `${u.classes.length} 个班级` : '', u.members === null ? '未登记人数' : `登记 ${u.members} 人`].filter(Boolean).join(' · ')}
                  extra={<ArrowRight size={12} />}
                />
              ))}
            </Cell.Group>
          ))}
      </LoadState>

      <Popup visible={!!editing} position="bottom" round closeable title={editing?.id ? `编辑${label}` : `新增${label}`} onClose={() => setEditing(null)}>
        {f && (
          <View className={`${prefix}__editor`}>
            <View className={`${prefix}__block`}>
              <Text className={`${prefix}__label`}>{label}名称</Text>
              <Input className={`${prefix}__input`} value={f.name} onChange={(name) => change({ ...f, name }, ['name'])} placeholder={kind === 'school' ? '如：南宁市第一中学' : '如：文昌社区'} maxLength={40} clearable />
              {error('name')}
            </View>

            {kind === 'school' && (
              <View className={`${prefix}__block`}>
                <Text className={`${prefix}__label`}>班级</Text>
                {f.classes.length > 0 && (
                  <View className={`${prefix}__classes`}>
                    {f.classes.map((c) => (
                      <View key={c} className={`${prefix}__class`}>
                        <Text>{c}</Text>
                        {codes[c] && <Text className={`${prefix}__code`}>邀请码 {codes[c]}</Text>}
                        <View className={`${prefix}__class-remove`} onClick={() => change(removeClass(f, c), ['classes'])}>
                          <Close size={10} color="var(--cwt-text-hint)" />
                        </View>
                      </View>
                    ))}
                  </View>
                )}
                <View className={`${prefix}__add`}>
                  <Input className={`${prefix}__input ${prefix}__add-input`} value={f.typing} onChange={(typing) => change({ ...f, typing }, ['classes'])} onConfirm={add} placeholder="如：七年级1班，多个用逗号隔开" maxLength={400} />
                  <Button size="small" fill="outline" type="primary" disabled={!f.typing.trim()} onClick={add}>
                    添加
                  </Button>
                </View>
                {error('classes')}
              </View>
            )}

            <View className={`${prefix}__block`}>
              <Text className={`${prefix}__label`}>{kind === 'school' ? '在校学生人数' : '登记居民人数'}（选填）</Text>
              <Input className={`${prefix}__input`} type="number" value={f.members} onChange={(members) => change({ ...f, members }, ['members'])} placeholder="填写后统计显示参与率" maxLength={7} />
              {error('members')}
            </View>

            {formError && <Text className={`${prefix}__error ${prefix}__error--form`}>{formError}</Text>}
            <Button className={`${prefix}__save`} block type="primary" loading={saving} onClick={save}>
              保存
            </Button>
          </View>
        )}
      </Popup>
    </View>
  )
}
