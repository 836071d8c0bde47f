import { EMPTY_FILTER, moreCount, toLedgerFilter } from './ledger-filter'

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
})
