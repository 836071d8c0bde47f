import { formatDateTime, formatDay, formatDistance, formatFullDay, formatHours, formatMonth, formatPoint, formatSpan, formatWhen, formatWindow, hoursText } from './format'

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

describe('formatDay and formatDateTime', () => {
  const now = new Date(2026, 10, 23, 15, 0)

  it('when the date is in this year, then month and day; in another year, then the year too', () => {
    expect(formatDay(new Date(2026, 11, 3, 8, 0), now)).toBe('12月3日')
    expect(formatDay(new Date(2025, 11, 3, 8, 0), now)).toBe('2025年12月3日')
    expect(formatDateTime(new Date(2026, 11, 2, 18, 0), now)).toBe('12月2日 18:00')
    expect(formatDateTime(new Date(2027, 0, 2, 9, 5), now)).toBe('2027年1月2日 09:05')
  })

  it('when a date stands alone or a month is named, then with the year', () => {
    expect(formatFullDay(new Date(2026, 10, 3, 8, 0))).toBe('2026年11月3日')
    expect(formatMonth('2026-03')).toBe('2026年3月')
  })
})

describe('formatSpan', () => {
  const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).toISOString()
  const now = new Date(2026, 10, 20)

  it('when on one day, then the end has only its time', () => {
    expect(formatSpan(at(2026, 11, 23, 9), at(2026, 11, 23, 11, 30), now)).toBe('11月23日 周一 09:00–11:30')
  })

  it('when over two days or in another year, then the dates are spelled out', () => {
    expect(formatSpan(at(2026, 11, 23, 22), at(2026, 11, 24, 1), now)).toBe('11月23日 周一 22:00–11月24日 01:00')
    expect(formatSpan(at(2027, 1, 2, 9), at(2027, 1, 2, 10), now)).toBe('2027年1月2日 周六 09:00–10:00')
    expect(formatSpan(at(2026, 12, 31, 20), at(2027, 1, 1, 2), now)).toBe('12月31日 周四 20:00–2027年1月1日 02:00')
  })
})

describe('formatWindow', () => {
  const now = new Date(2026, 10, 23, 15, 0)

  it('when the window is this year, then without the year; a date in another year has it', () => {
    expect(formatWindow(new Date(2026, 10, 24, 8).toISOString(), new Date(2026, 11, 8, 22).toISOString(), now)).toBe('11月24日 08:00 至 12月8日 22:00')
    expect(formatWindow(new Date(2026, 11, 24, 8).toISOString(), new Date(2027, 0, 8, 22).toISOString(), now)).toBe('12月24日 08:00 至 2027年1月8日 22:00')
  })
})

describe('hoursText', () => {
  it('when whole or half hours, then no trailing zeros; never a float’s noise', () => {
    expect(hoursText(12)).toBe('12')
    expect(hoursText(2.5)).toBe('2.5')
    expect(hoursText(2.4999999)).toBe('2.5')
  })
})
