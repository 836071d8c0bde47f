import { EMPTY_FILTER, formFromParams, ledgerUrl, moreCount, toLedgerFilter } from './ledger-filter'

describe('ledger filter', () => {
  it('sends nothing for an empty form', () => {
    expect(toLedgerFilter(EMPTY_FILTER)).toEqual({})
    expect(moreCount(EMPTY_FILTER)).toBe(0)
  })

  it('sends only what was chosen', () => {
    const form = { ...EMPTY_FILTER, status: 'open' as const, departmentId: 'dept-cg', from: '2026-11-01', overdue: true }
    expect(toLedgerFilter(form)).toEqual({ status: 'open', departmentId: 'dept-cg', from: '2026-11-01', overdue: true })
    expect(moreCount(form)).toBe(2)
  })

  it('when a source is chosen, then it is sent and counts behind 筛选', () => {
    const form = { ...EMPTY_FILTER, source: '督查' as const }
    expect(toLedgerFilter(form)).toEqual({ source: '督查' })
    expect(moreCount(form)).toBe(1)
  })

  it.each([
    [{ overdue: true, dueFrom: '2026-11-23', dueTo: '2026-11-29' }],
    [{ status: 'closed' as const, closedFrom: '2026-11-16', closedTo: '2026-11-22' }],
    [{ status: 'submitted' as const }],
    [{ source: '督查' as const, departmentId: 'dept-cg', from: '2026-11-01' }]
  ])('when the ledger is opened on %j, then its page reads back the same filter', (filter) => {
    const url = ledgerUrl(filter)
    expect(url.startsWith('/packages/staff/ledger/index?')).toBe(true)
    const params = Object.fromEntries(new URLSearchParams(url.split('?')[1]))
    expect(toLedgerFilter(formFromParams(params))).toEqual(filter)
  })
})
