import { useEffect, useState } from 'react'
import { Del } from '@nutui/icons-react-taro'
import { Button, Cell, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Settings } from '@contract'
import { api } from '@/services/api'
import { FieldError } from './sheet'
import { useSave } from './use-save'

const prefix = 'staff-settings'

/** 驳回理由: the list the office picks from when it does not accept a report. Edited in place, saved together. */
export function ReasonsTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [reasons, setReasons] = useState(settings.rejectReasons)
  const save = useSave()
  const dirty = JSON.stringify(reasons) !== JSON.stringify(settings.rejectReasons)

  // A fresh copy from the server replaces the list unless it has unsaved edits.
  useEffect(() => {
    if (!dirty) setReasons(settings.rejectReasons)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.rejectReasons])

  const edit = (i: number, text: string) => setReasons((list) => list.map((r, j) => (j === i ? text : r)))
  const remove = (i: number) => setReasons((list) => list.filter((_, j) => j !== i))

  const submit = async () => {
    const cleaned = reasons.map((r) => r.trim()).filter(Boolean)
    if (await save.run(() => api.call('campaign', 'setRejectReasons', { reasons: cleaned }), '理由已保存')) {
      setReasons(cleaned)
      await onSaved()
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>不予受理时从中选择，市民会看到</Text>
        <Button size="small" onClick={() => setReasons((list) => [...list, ''])}>
          添加理由
        </Button>
      </View>
      <Cell.Group className={`${prefix}__group`}>
        {reasons.map((r, i) => (
          <Cell
            key={i}
            align="center"
            title={<Input className={`${prefix}__reason`} value={r} onChange={(text) => edit(i, text)} placeholder="理由，最多 20 字" maxLength={20} />}
            extra={<Del className={`${prefix}__remove`} size={14} color="var(--cwt-text-hint)" onClick={() => remove(i)} />}
          />
        ))}
      </Cell.Group>
      <View className={`${prefix}__footer`}>
        <FieldError message={save.error || save.issues.reasons} />
        <Button block type="primary" disabled={!dirty} loading={save.saving} onClick={submit}>
          {dirty ? '保存理由' : '没有改动'}
        </Button>
      </View>
    </View>
  )
}
