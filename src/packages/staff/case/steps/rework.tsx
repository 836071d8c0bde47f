import { api } from '@/services/api'
import { Reason } from './fields'
import type { Step } from './step'

export const rework: Step = {
  fields: ['reason'],
  send: (id, d) => api.call('reports', 'rework', { id, reason: d.reason.trim() }),
  done: '已退回重改',
  Form: (p) => <Reason {...p} placeholder="退回重改的原因（必填），责任单位会看到" />
}
