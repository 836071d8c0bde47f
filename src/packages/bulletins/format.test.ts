import { exportName, monthOptions, percent, periodOptions } from './format'

// Monday 30 November 2026, 08:00 in Beijing
const now = new Date('2026-11-30T00:00:00Z')

describe('bulletin periods', () => {
  it('when the office opens a weekly bulletin on a Monday, then last week (Monday–Sunday) comes first, then the weeks before', () => {
    const weeks = periodOptions('week', now, 3)
    expect(weeks.map((w) => w.start)).toEqual(['2026-11-23', '2026-11-16', '2026-11-09'])
    expect(weeks[0].label).toBe('2026年11月23日—11月29日')
  })

  it('when a monthly one, then the month just ended comes first, across the new year too', () => {
    expect(periodOptions('month', now, 2).map((m) => m.start)).toEqual(['2026-10-01', '2026-09-01'])
    expect(periodOptions('month', new Date('2027-01-05T02:00:00Z'), 2).map((m) => m.label)).toEqual(['2026年12月', '2026年11月'])
  })

  it('when late on the last evening of a month in Beijing, then the ranking months start from the Beijing month', () => {
    expect(monthOptions(new Date('2026-11-30T17:00:00Z'), 2).map((m) => m.month)).toEqual(['2026-12', '2026-11'])
  })

  it('when a rate had nothing to divide, then a dash; downloads are named by the number', () => {
    expect([percent(null), percent(92.5)]).toEqual(['—', '92.5%'])
    expect(exportName('2026年第3期', 'docx')).toBe('创文通报-2026年第3期.docx')
  })
})
