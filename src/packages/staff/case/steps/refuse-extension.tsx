import { api } from '@/services/api'
import { ExtensionQuote, Note } from './fields'
import type { Step } from './step'

export const refuseExtension: Step = {
  fields: ['note'],
  send: (id, d) => api.call('reports', 'refuseExtension', { id, note: d.note.trim() }),
  done: '已不同意延期',
  Form: (p) => (
    <>
      <ExtensionQuote detail={p.detail} />
      <Note {...p} placeholder="不同意的理由（必填），责任单位会看到" />
    </>
  )
}
