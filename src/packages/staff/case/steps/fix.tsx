import { api } from '@/services/api'
import { AfterPhotos, Note } from './fields'
import type { Step } from './step'

export const fix: Step = {
  fields: ['afterPhotos', 'note'],
  send: (id, d) => api.call('reports', 'fix', { id, afterPhotos: d.afterPhotos.map((p) => p.fileId), note: d.note.trim() }),
  done: '已报整改完成',
  Form: (p) => (
    <>
      <AfterPhotos {...p} />
      <Note {...p} placeholder="整改情况说明（必填）" />
    </>
  )
}
