import { api } from '@/services/api'
import { Note } from './fields'
import { optional, type Step } from './step'

export const start: Step = {
  fields: ['note'],
  send: (id, d) => api.call('reports', 'start', { id, note: optional(d.note) }),
  done: '已开始整改',
  Form: (p) => <Note {...p} placeholder="备注（选填）" />
}
