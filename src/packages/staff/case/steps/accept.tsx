import { api } from '@/services/api'
import { Note } from './fields'
import { optional, type Step } from './step'

export const accept: Step = {
  fields: ['note'],
  send: (id, d) => api.call('reports', 'accept', { id, note: optional(d.note) }),
  done: '已受理',
  Form: (p) => <Note {...p} placeholder="受理意见（选填）" />
}
