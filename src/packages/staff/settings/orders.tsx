import { useEffect, useState } from 'react'
import { Button, Cell, InputNumber } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { OrderThresholds, Settings } from '@contract'
import { api } from '@/services/api'
import { FieldError } from './sheet'
import { useSave } from './use-save'

const prefix = 'staff-settings'

const FIELDS: { key: keyof OrderThresholds; title: string; description: string }[] = [
  { key: 'white', title: '白色督办', description: '问题超期满这些工作日，建议开具白色督办单' },
  { key: 'yellow', title: '黄色督办', description: '白色督办单下发满这些工作日仍未办结，建议升级为黄色' },
  { key: 'red', title: '红色督办', description: '黄色督办单下发满这些工作日仍未办结，建议升级为红色' }
]

/** 督办阈值: when the hourly sweep proposes each level. It only proposes; the office issues. */
export function OrdersTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [values, setValues] = useState(settings.orderThresholds)
  const save = useSave()
  const dirty = JSON.stringify(values) !== JSON.stringify(settings.orderThresholds)

  // A fresh copy from the server replaces the form unless it has unsaved edits.
  useEffect(() => {
    if (!dirty) setValues(settings.orderThresholds)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.orderThresholds])

  const submit = async () => {
    if (await save.run(() => api.call('campaign', 'setOrderThresholds', values), '阈值已保存')) await onSaved()
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>每小时检查一次，只提出建议，由创文办确认开具</Text>
      </View>
      <Cell.Group className={`${prefix}__group`}>
        {FIELDS.map((f) => (
          <Cell
            key={f.key}
            align="center"
            title={f.title}
            description={save.issues[f.key] ? <FieldError message={save.issues[f.key]} /> : f.description}
            extra={<InputNumber value={values[f.key]} min={1} max={60} onChange={(v) => setValues((all) => ({ ...all, [f.key]: Number(v) }))} />}
          />
        ))}
      </Cell.Group>
      <View className={`${prefix}__footer`}>
        <FieldError message={save.error} />
        <Button block type="primary" disabled={!dirty} loading={save.saving} onClick={submit}>
          {dirty ? '保存阈值' : '没有改动'}
        </Button>
      </View>
    </View>
  )
}
