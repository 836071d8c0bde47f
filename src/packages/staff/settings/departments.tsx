import { useState } from 'react'
import { Button, Cell, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Settings } from '@contract'
import { api } from '@/services/api'
import { FieldError, Sheet } from './sheet'
import { useSave } from './use-save'

interface Draft {
  id?: string
  name: string
  short: string
}

const prefix = 'staff-settings'

/** 责任单位: the departments cases are assigned to, with the short name dense tables use. */
export function DepartmentsTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<Draft | null>(null)
  const save = useSave()

  const open = (d: Draft) => {
    save.clear()
    setDraft(d)
  }
  const change = (c: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...c } : d))

  const submit = async () => {
    if (!draft) return
    const payload = { id: draft.id, name: draft.name.trim(), short: draft.short.trim() }
    if (await save.run(() => api.call('campaign', 'saveDepartment', payload), '单位已保存')) {
      setDraft(null)
      await onSaved()
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>{settings.departments.length} 个责任单位</Text>
        <Button size="small" type="primary" onClick={() => open({ name: '', short: '' })}>
          新增单位
        </Button>
      </View>
      <Cell.Group className={`${prefix}__group`}>
        {settings.departments.map((d) => (
          <Cell key={d._id} clickable title={d.name} extra={<Text className={`${prefix}__extra`}>简称 {d.short}</Text>} onClick={() => open({ id: d._id, name: d.name, short: d.short })} />
        ))}
      </Cell.Group>

      <Sheet visible={!!draft} title={draft?.id ? '编辑责任单位' : '新增责任单位'} saving={save.saving} error={save.error} onClose={() => setDraft(null)} onSubmit={submit}>
        {draft && (
          <>
            <Cell.Group className={`${prefix}__form`}>
              <Cell title="单位名称" extra={<Input value={draft.name} onChange={(name) => change({ name })} placeholder="如：市城市管理局" maxLength={30} align="right" />} />
              <Cell title="简称" extra={<Input value={draft.short} onChange={(short) => change({ short })} placeholder="如：城管" maxLength={8} align="right" />} />
            </Cell.Group>
            <FieldError message={save.issues.name} />
            <FieldError message={save.issues.short} />
          </>
        )}
      </Sheet>
    </View>
  )
}
