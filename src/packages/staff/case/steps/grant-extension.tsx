import { api } from '@/services/api'
import { ExtensionQuote, Note } from './fields'
import { optional, type Step } from './step'

export const grantExtension: Step = {
  fields: ['note'],
  send: (id, d) => api.call('reports', 'grantExtension', { id, note: optional(d.note) }),
  done: '已同意延期',
  Form: (p) => (
    <>
      <ExtensionQuote detail={p.detail} />
      <Note {...p} placeholder="意见（选填）" />
    </>
  )
}
