import { beijingDay } from '@contract/calendar'
import { dayWithWeekday, deadlineDay, deadlineLabel } from './deadline'

// 2026-11-23 is a Monday.
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString()

describe('deadlineDay', () => {
  it('finds the deadline day N working days on, skipping weekends and days off', () => {
    expect(deadlineDay('2026-11-23T09:00:00+08:00', 0)).toBe('2026-11-23')
    expect(deadlineDay('2026-11-26T09:00:00+08:00', 3)).toBe('2026-12-01')
    expect(deadlineDay('2026-11-26T09:00:00+08:00', 3, { off: ['2026-11-30'], workdays: ['2026-11-28'] })).toBe('2026-12-01')
  })

  it('takes the day in Beijing, whatever zone the instant is written in', () => {
    expect(beijingDay('2026-11-23T17:00:00Z')).toBe('2026-11-24')
    expect(deadlineDay('2026-11-27T17:00:00Z', 1)).toBe('2026-11-30')
  })
})

describe('deadlineLabel', () => {
  const now = '2026-11-23T10:00:00+08:00'

  it('says how many working days are left', () => {
    expect(deadlineLabel(endOf('2026-11-26'), now)).toEqual({ text: '剩 3 个工作日', tone: 'normal' })
    expect(deadlineLabel(endOf('2026-11-24'), now)).toEqual({ text: '剩 1 个工作日', tone: 'due' })
    expect(deadlineLabel(endOf('2026-11-30'), '2026-11-27T10:00:00+08:00')).toEqual({ text: '剩 1 个工作日', tone: 'due' })
  })

  it('says when it is due today', () => {
    expect(deadlineLabel(endOf('2026-11-23'), now)).toEqual({ text: '今天到期', tone: 'due' })
  })

  it('says by how many calendar days it ran over', () => {
    expect(deadlineLabel(endOf('2026-11-21'), now)).toEqual({ text: '已超期 2 天', tone: 'late' })
    expect(deadlineLabel(endOf('2026-11-22'), '2026-11-23T00:00:01+08:00')).toEqual({ text: '已超期 1 天', tone: 'late' })
  })

  it('names the date when no known working day lies before it', () => {
    expect(deadlineLabel(endOf('2026-11-29'), '2026-11-27T10:00:00+08:00')).toEqual({ text: '11月29日到期', tone: 'due' })
  })
})

it('writes a day with its weekday', () => {
  expect(dayWithWeekday('2026-11-26')).toBe('11月26日（周四）')
})
