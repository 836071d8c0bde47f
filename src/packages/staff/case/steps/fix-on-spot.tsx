import { api } from '@/services/api'
import { AfterPhotos, Note } from './fields'
import type { Step } from './step'

export const fixOnSpot: Step = {
  fields: ['afterPhotos', 'note'],
  send: (id, d) => api.call('reports', 'fixOnSpot', { id, afterPhotos: d.afterPhotos.map((p) => p.fileId), note: d.note.trim() }),
  done: '已立行立改',
  Form: (p) => (
    <>
      <AfterPhotos {...p} />
      <Note {...p} placeholder="现场处置情况（必填）" />
    </>
  )
}
