import { Cell, InputNumber } from '@nutui/nutui-react-taro'
import { api } from '@/services/api'
import { FieldError, prefix, Reason } from './fields'
import type { Step } from './step'

export const requestExtension: Step = {
  fields: ['days', 'reason'],
  send: (id, d) => api.call('reports', 'requestExtension', { id, days: d.days, reason: d.reason.trim() }),
  done: '已申请延期',
  Form: (p) => (
    <>
      <Cell
        className={`${prefix}__cell`}
        title="延期天数"
        description="工作日，同意后期限顺延"
        extra={<InputNumber value={p.draft.days} min={1} max={30} onChange={(v) => p.set({ days: Number(v) })} />}
      />
      <FieldError message={p.errors.days} />
      <Reason {...p} placeholder="延期原因（必填）" />
    </>
  )
}
