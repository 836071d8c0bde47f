import { api } from '@/services/api'
import { Reason } from './fields'
import type { Step } from './step'

export const sendBack: Step = {
  fields: ['reason'],
  send: (id, d) => api.call('reports', 'sendBack', { id, reason: d.reason.trim() }),
  done: '已退回创文办',
  Form: (p) => <Reason {...p} placeholder="退回原因（必填），如：不属于本单位职责" />
}
