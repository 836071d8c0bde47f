import { starsMonth } from '../../../types/volunteer'
import { hoursText, signupLabel, timeRange, waitlistPositions } from './labels'

describe('signupLabel', () => {
  it('when waitlisted, then it says the place in line', () => {
    expect(signupLabel('waitlisted', 2)).toBe('候补 2')
    expect(signupLabel('waitlisted')).toBe('候补')
  })

  it('when not waitlisted, then it says the status', () => {
    expect(signupLabel('confirmed')).toBe('已报名')
    expect(signupLabel('offered')).toBe('待确认')
    expect(signupLabel('cancelled')).toBe('已取消')
    expect(signupLabel('passed')).toBe('已递补失效')
  })
})

describe('waitlistPositions', () => {
  it('when people wait, then they are numbered by ticket, others left out', () => {
    const rows = [
      { userId: 'a', status: 'waitlisted' as const, ticket: 7 },
      { userId: 'b', status: 'confirmed' as const, ticket: null },
      { userId: 'c', status: 'waitlisted' as const, ticket: 3 },
      { userId: 'd', status: 'passed' as const, ticket: 1 }
    ]
    expect([...waitlistPositions(rows)]).toEqual([
      ['c', 1],
      ['a', 2]
    ])
  })
})

describe('timeRange', () => {
  const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).toISOString()
  const now = new Date(2026, 10, 20)

  it('when on one day, then the end has only its time', () => {
    expect(timeRange(at(2026, 11, 23, 9), at(2026, 11, 23, 11, 30), now)).toBe('11月23日 周一 09:00–11:30')
  })

  it('when over two days or in another year, then the dates are spelled out', () => {
    expect(timeRange(at(2026, 11, 23, 20), at(2026, 11, 24, 8), now)).toBe('11月23日 周一 20:00–11月24日 08:00')
    expect(timeRange(at(2027, 1, 2, 9), at(2027, 1, 2, 10), now)).toBe('2027年1月2日 周六 09:00–10:00')
  })
})

describe('starsMonth', () => {
  it('when in January, then it is December of the year before', () => {
    expect(starsMonth(new Date('2027-01-15T12:00:00+08:00'))).toBe('2026-12')
    expect(starsMonth(new Date('2026-03-31T12:00:00+08:00'))).toBe('2026-02')
  })

  it('when it is already the 1st in Beijing but not in UTC, then the month just ended is the Beijing one', () => {
    expect(starsMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11')
    expect(starsMonth(new Date('2026-11-30T15:30:00Z'))).toBe('2026-10')
  })
})

describe('hoursText', () => {
  it('when whole or half hours, then no trailing zeros', () => {
    expect(hoursText(12)).toBe('12')
    expect(hoursText(2.5)).toBe('2.5')
    expect(hoursText(1.04)).toBe('1')
  })
})
