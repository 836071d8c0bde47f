import { nextRefresh, secondsLeft } from './countdown'

describe('nextRefresh', () => {
  const t = Date.parse('2026-11-23T09:00:00Z')

  it('when the code lasts longer than 30 s, then it refreshes after 30 s', () => {
    expect(nextRefresh(t, '2026-11-23T09:01:00Z')).toBe(t + 30_000)
  })

  it('when the code expires sooner, then it refreshes at the expiry', () => {
    expect(nextRefresh(t, '2026-11-23T09:00:12Z')).toBe(t + 12_000)
  })

  it('when the expiry is past or unreadable, then it waits a second or the full 30 s', () => {
    expect(nextRefresh(t, '2026-11-23T08:59:00Z')).toBe(t + 1000)
    expect(nextRefresh(t, 'soon')).toBe(t + 30_000)
  })
})

describe('secondsLeft', () => {
  it('when time remains, then whole seconds rounded up; when past, zero', () => {
    expect(secondsLeft(10_500, 0)).toBe(11)
    expect(secondsLeft(0, 5)).toBe(0)
  })
})
