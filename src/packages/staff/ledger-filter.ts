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
  /** Closed, or due, within these days: set by a figure tapped elsewhere (the cockpit), shown as a removable tag. */
  closedFrom: string
  closedTo: string
  dueFrom: string
  dueTo: string
}

export const EMPTY_FILTER: FilterForm = { status: '', categoryId: '', departmentId: '', gridId: '', from: '', to: '', overdue: false, source: '', closedFrom: '', closedTo: '', dueFrom: '', dueTo: '' }

const DAYS = ['from', 'to', 'closedFrom', 'closedTo', 'dueFrom', 'dueTo'] as const
const IDS = ['categoryId', 'departmentId', 'gridId'] as const

/** The same filter for ledger, stats and export: only what was chosen. */
export function toLedgerFilter(form: FilterForm): LedgerFilter {
  const filter: LedgerFilter = {}
  if (form.status) filter.status = form.status
  for (const f of IDS) if (form[f]) filter[f] = form[f]
  for (const f of DAYS) if (form[f]) filter[f] = form[f]
  if (form.overdue) filter.overdue = true
  if (form.source) filter.source = form.source
  return filter
}

/** How many of the filters behind 更多 are set, for its badge. */
export const moreCount = (form: FilterForm) => [form.source, form.gridId, form.from || form.to, form.overdue].filter(Boolean).length

/** The ledger opened on a filter: every figure elsewhere that counts cases taps through to exactly them. */
export function ledgerUrl(filter: LedgerFilter): string {
  const query = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `/packages/staff/ledger/index${query ? `?${query}` : ''}`
}

/** The form a ledger URL asks for (page params arrive as strings); what it does not name stays empty. */
export function formFromParams(params: Partial<Record<string, string>>): FilterForm {
  const form = { ...EMPTY_FILTER }
  const value = (k: string) => (params[k] ? decodeURIComponent(params[k]) : '')
  form.status = value('status') as FilterForm['status']
  form.source = value('source') as FilterForm['source']
  for (const f of [...IDS, ...DAYS]) form[f] = value(f)
  form.overdue = value('overdue') === 'true'
  return form
}
