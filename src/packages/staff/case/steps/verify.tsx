import { api } from '@/services/api'
import { Note } from './fields'
import { optional, type Step } from './step'

export const verify: Step = {
  fields: ['note'],
  send: (id, d) => api.call('reports', 'verify', { id, note: optional(d.note) }),
  done: '已核查办结',
  Form: (p) => <Note {...p} placeholder="核查意见（选填）" />
}
