import type { CaseSource, LedgerFilter, ReportStatus } from '@contract'

/** The ledger's filter form; empty strings mean "any". */
export interface FilterForm {
  status: ReportStatus | 'open' | ''
  categoryId: string
  departmentId: string
  gridId: string
  from: string
  to: string
  overdue: boolean
  source: CaseSource | ''
}

export const EMPTY_FILTER: FilterForm = { status: '', categoryId: '', departmentId: '', gridId: '', from: '', to: '', overdue: false, source: '' }

/** The same filter for ledger, stats and export: only what was chosen. */
export function toLedgerFilter(form: FilterForm): LedgerFilter {
  const filter: LedgerFilter = {}
  if (form.status) filter.status = form.status
  if (form.categoryId) filter.categoryId = form.categoryId
  if (form.departmentId) filter.departmentId = form.departmentId
  if (form.gridId) filter.gridId = form.gridId
  if (form.from) filter.from = form.from
  if (form.to) filter.to = form.to
  if (form.overdue) filter.overdue = true
  if (form.source) filter.source = form.source
  return filter
}

/** How many of the filters behind 更多 are set, for its badge. */
export const moreCount = (form: FilterForm) => [form.source, form.gridId, form.from || form.to, form.overdue].filter(Boolean).length
