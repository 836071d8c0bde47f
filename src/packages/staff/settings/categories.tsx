import { useState } from 'react'
import { Button, Cell, Input, InputNumber, Picker } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Settings } from '@contract'
import { api } from '@/services/api'
import { FieldError, Sheet } from './sheet'
import { useSave } from './use-save'

interface Draft {
  id?: string
  name: string
  /** null: a group (大类); otherwise the group a kind belongs to. */
  parentId: string | null
  departmentId: string
  deadlineDays: number
}

const prefix = 'staff-settings'

/** 问题类别: groups and their kinds, each kind with the department and deadline an assignment starts from. */
export function CategoriesTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [picking, setPicking] = useState<'group' | 'department' | null>(null)
  const save = useSave()
  const { categories, departments } = settings

  const open = (d: Draft) => {
    save.clear()
    setDraft(d)
  }
  const change = (c: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...c } : d))

  const submit = async () => {
    if (!draft) return
    const { id, name, parentId, departmentId, deadlineDays } = draft
    const payload = parentId ? { id, name: name.trim(), parentId, departmentId, deadlineDays } : { id, name: name.trim(), parentId }
    if (await save.run(() => api.call('campaign', 'saveCategory', payload), '类别已保存')) {
      setDraft(null)
      await onSaved()
    }
  }

  const isKind = draft?.parentId !== null
  const group = categories.find((g) => g.id === draft?.parentId)
  const department = departments.find((d) => d._id === draft?.departmentId)
  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>
          {categories.length} 个大类 · {categories.reduce((n, g) => n + g.kinds.length, 0)} 类问题
        </Text>
        <View className={`${prefix}__buttons`}>
          <Button size="small" onClick={() => open({ name: '', parentId: null, departmentId: '', deadlineDays: 3 })}>
            新增大类
          </Button>
          <Button size="small" type="primary" onClick={() => open({ name: '', parentId: categories[0]?.id ?? '', departmentId: '', deadlineDays: 3 })}>
            新增问题类型
          </Button>
        </View>
      </View>
      {categories.map((g) => (
        <Cell.Group
          key={g.id}
          className={`${prefix}__group`}
          title={
            <View className={`${prefix}__group-title`}>
              <Text>
                {g.name}（{g.kinds.length}）
              </Text>
              <Text className={`${prefix}__link`} onClick={() => open({ id: g.id, name: g.name, parentId: null, departmentId: '', deadlineDays: 3 })}>
                改名
              </Text>
            </View>
          }
        >
          {g.kinds.map((k) => (
            <Cell
              key={k.id}
              clickable
              title={k.name}
              description={k.department?.name ?? '未设默认单位'}
              extra={<Text className={`${prefix}__extra`}>{k.deadlineDays ? `${k.deadlineDays} 个工作日` : '当日整改'}</Text>}
              onClick={() => open({ id: k.id, name: k.name, parentId: g.id, departmentId: k.department?.id ?? '', deadlineDays: k.deadlineDays })}
            />
          ))}
        </Cell.Group>
      ))}

      <Sheet
        visible={!!draft}
        title={draft ? `${draft.id ? '编辑' : '新增'}${isKind ? '问题类型' : '大类'}` : ''}
        saving={save.saving}
        error={save.error}
        onClose={() => setDraft(null)}
        onSubmit={submit}
      >
        {draft && (
          <>
            <Cell.Group className={`${prefix}__form`}>
              <Cell title="名称" extra={<Input value={draft.name} onChange={(name) => change({ name })} placeholder={isKind ? '如：井盖破损/缺失' : '如：市政设施'} maxLength={20} align="right" />} />
              {isKind && (
                <>
                  <Cell title="所属大类" extra={group?.name ?? '请选择'} clickable onClick={() => setPicking('group')} />
                  <Cell title="默认责任单位" extra={<Text className={department ? '' : `${prefix}__placeholder`}>{department?.name ?? '请选择'}</Text>} clickable onClick={() => setPicking('department')} />
                  <Cell title="默认整改时限" description="工作日，0 为当日整改" extra={<InputNumber value={draft.deadlineDays} min={0} max={60} onChange={(v) => change({ deadlineDays: Number(v) })} />} />
                </>
              )}
            </Cell.Group>
            <FieldError message={save.issues.name} />
            <FieldError message={save.issues.parentId} />
            <FieldError message={save.issues.departmentId} />
            <FieldError message={save.issues.deadlineDays} />
          </>
        )}
      </Sheet>
      <Picker
        visible={picking === 'group'}
        title="所属大类"
        options={[categories.map((g) => ({ label: g.name, value: g.id }))]}
        value={[draft?.parentId ?? '']}
        onConfirm={(_, [v]) => change({ parentId: String(v) })}
        onClose={() => setPicking(null)}
      />
      <Picker
        visible={picking === 'department'}
        title="默认责任单位"
        options={[departments.map((d) => ({ label: d.name, value: d._id }))]}
        value={[draft?.departmentId ?? '']}
        onConfirm={(_, [v]) => change({ departmentId: String(v) })}
        onClose={() => setPicking(null)}
      />
    </View>
  )
}
