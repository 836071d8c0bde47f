import type { ReportDetail, Settings } from '@contract'
import type { FieldErrors } from '@/hooks/use-submit'
import type { Photo } from '@/services/photos'

/** Everything any step's form holds; each step keeps its own, so a note typed for one is not sent with another. */
export interface Draft {
  note: string
  reason: string
  duplicateOf: string
  departmentId: string
  gridId: string
  deadlineDays: number
  days: number
  afterPhotos: Photo[]
}

export const EMPTY: Draft = { note: '', reason: '', duplicateOf: '', departmentId: '', gridId: '', deadlineDays: 3, days: 3, afterPhotos: [] }

export interface StepProps {
  detail: ReportDetail
  draft: Draft
  set: (change: Partial<Draft>) => void
  errors: FieldErrors<keyof Draft>
  /** Calendar for the assign form's deadline preview; weekends only until it is known. */
  holidays: Settings['holidays']
  grids: Settings['grids']
  onUploading: (busy: boolean) => void
}

/** One staff step on a case: its form, what it sends, and what it says once through. */
export interface Step {
  /** The payload fields its form shows, so a server message about any other field still reaches the user. */
  fields: (keyof Draft)[]
  send: (id: string, draft: Draft) => Promise<ReportDetail>
  done: string
  Form: (props: StepProps) => JSX.Element
}

export const optional = (text: string) => (text.trim() ? text.trim() : undefined)
