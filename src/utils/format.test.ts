import { formatDistance, formatHours, formatPoint, formatWhen } from './format'

describe('formatDistance', () => {
  it('when close by, then it says metres rounded to ten', () => {
    expect(formatDistance(0)).toBe('10 米内')
    expect(formatDistance(12)).toBe('10 米')
    expect(formatDistance(318)).toBe('320 米')
    expect(formatDistance(994)).toBe('990 米')
  })

  it('when a kilometre or more, then it says kilometres', () => {
    expect(formatDistance(1000)).toBe('1.0 公里')
    expect(formatDistance(2460)).toBe('2.5 公里')
    expect(formatDistance(12400)).toBe('12 公里')
  })
})

describe('formatWhen', () => {
  // Local times, so the test reads the same in any time zone.
  const at = (...parts: [number, number, number, number, number, number?]) => new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5] ?? 0).toISOString()
  const now = new Date(2026, 10, 23, 15, 0)

  it('when recent, then minutes', () => {
    expect(formatWhen(at(2026, 11, 23, 14, 59, 40), now)).toBe('刚刚')
    expect(formatWhen(at(2026, 11, 23, 14, 35), now)).toBe('25 分钟前')
  })

  it('when today, yesterday, this year or earlier, then it says so', () => {
    expect(formatWhen(at(2026, 11, 23, 9, 30), now)).toBe('今天 09:30')
    expect(formatWhen(at(2026, 11, 22, 18, 2), now)).toBe('昨天 18:02')
    expect(formatWhen(at(2026, 11, 3, 8, 0), now)).toBe('11月3日 08:00')
    expect(formatWhen(at(2025, 11, 3, 8, 0), now)).toBe('2025年11月3日')
  })
})

describe('formatHours', () => {
  it('when under an hour, a day or two, or longer, then it says so in hours or days, never 0h', () => {
    expect(formatHours(null)).toBe('—')
    expect(formatHours(0)).toBe('<1 小时')
    expect(formatHours(18)).toBe('18 小时')
    expect(formatHours(30.25)).toBe('30 小时')
    expect(formatHours(84)).toBe('3.5 天')
  })
})

describe('formatPoint', () => {
  it('when a point is shown, then latitude comes first, both labelled, to five places', () => {
    expect(formatPoint({ lat: 25.4972, lng: 103.7971 })).toBe('纬度 25.49720，经度 103.79710')
  })
})
