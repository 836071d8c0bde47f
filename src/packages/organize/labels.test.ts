import { starsMonth } from '../../../types/volunteer'
import { signupLabel, waitlistPositions } from './labels'

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

