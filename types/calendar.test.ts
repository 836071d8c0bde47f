import { beijingDateTime, beijingDay, deadlineAfter, endOfBeijingDay, isCalendarDay, isWorkingDay, startOfBeijingDay, workingDaysBetween } from './calendar'

const plain = { off: [], workdays: [] }
/** 国庆 2026 as the office would enter it: 10-01..10-07 off, Sun 09-20 and Sat 10-10 worked. */
const national = {
  off: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10']
}

describe('isCalendarDay', () => {
  it('when a day has the form and the calendar has it, then it is one; a leap day only in a leap year', () => {
    expect(['2026-12-31', '2028-02-29', '2027-02-28'].map(isCalendarDay)).toEqual([true, true, true])
  })
  it('when a day has the form but no such day exists, or lacks the form, then it is not', () => {
    expect(['2027-02-30', '2027-02-29', '2026-13-01', '2026-04-31', '2026-1-1', ''].map(isCalendarDay)).toEqual([false, false, false, false, false, false])
  })
})

describe('beijingDay', () => {
  it.each([
    ['2026-11-20T15:59:59.999Z', '2026-11-20'],
    ['2026-11-20T16:00:00.000Z', '2026-11-21'],
    ['2026-11-21T00:30:00+08:00', '2026-11-21'],
    ['2026-11-20T23:30:00-05:00', '2026-11-21']
  ])('when the instant is %s, then the Beijing day is %s', (at, day) => {
    expect(beijingDay(at)).toBe(day)
  })

  it('when given a Date, then it uses the instant', () => {
    expect(beijingDay(new Date(Date.UTC(2026, 11, 31, 16)))).toBe('2027-01-01')
  })

  it.each(['2026-11-20', '2026-11-20T10:00:00', 'yesterday'])('when the string %s names no instant, then it throws RangeError', (at) => {
    expect(() => beijingDay(at)).toThrow(RangeError)
  })

  it('when the Date is invalid, then it throws RangeError', () => {
    expect(() => beijingDay(new Date('nope'))).toThrow(RangeError)
  })
})

describe('beijingDateTime', () => {
  it('when formatting a UTC instant, then it shows Beijing wall time to the minute', () => {
    expect(beijingDateTime('2026-11-22T17:05:59Z')).toBe('2026-11-23 01:05')
  })
})

describe('startOfBeijingDay / endOfBeijingDay', () => {
  it('when given a day, then it spans 00:00 to 23:59:59.999 Beijing', () => {
    expect(startOfBeijingDay('2026-11-23')).toBe('2026-11-22T16:00:00.000Z')
    expect(endOfBeijingDay('2026-11-23')).toBe('2026-11-23T15:59:59.999Z')
  })

  it('when the day is the first of a year, then the start falls on the previous UTC year', () => {
    expect(startOfBeijingDay('2027-01-01')).toBe('2026-12-31T16:00:00.000Z')
  })

  it.each(['2026-02-30', '2026-13-01', '2026-2-3', '2026-11-23T00:00:00Z', ''])('when the day is %p, then it throws RangeError', (day) => {
    expect(() => startOfBeijingDay(day)).toThrow(RangeError)
    expect(() => endOfBeijingDay(day)).toThrow(RangeError)
  })
})

describe('isWorkingDay', () => {
  it.each([
    { day: '2026-11-20', calendar: plain, working: true, what: 'a plain Friday' },
    { day: '2026-11-21', calendar: plain, working: false, what: 'a plain Saturday' },
    { day: '2026-11-22', calendar: plain, working: false, what: 'a plain Sunday' },
    { day: '2026-11-23', calendar: plain, working: true, what: 'a plain Monday' },
    { day: '2026-10-01', calendar: national, working: false, what: 'a Thursday declared off' },
    { day: '2026-10-10', calendar: national, working: true, what: 'a Saturday declared a workday' },
    { day: '2026-09-20', calendar: national, working: true, what: 'a Sunday declared a workday' },
    { day: '2026-10-11', calendar: national, working: false, what: 'the Sunday after a 调休 Saturday' },
    { day: '2026-10-10', calendar: { off: ['2026-10-10'], workdays: ['2026-10-10'] }, working: false, what: 'a Saturday in both lists' }
  ])('when the day is $what ($day), then working is $working', ({ day, calendar, working }) => {
    expect(isWorkingDay(day, calendar)).toBe(working)
  })

  it('when the day is malformed, then it throws rather than counting it as a weekday', () => {
    expect(() => isWorkingDay('2026-11-31', plain)).toThrow(RangeError)
  })
})

describe('deadlineAfter', () => {
  it('when a case is assigned on Friday with 1 working day, then it is due at the end of Monday', () => {
    expect(deadlineAfter('2026-11-20T10:00:00+08:00', 1, plain)).toBe('2026-11-23T15:59:59.999Z')
    expect(deadlineAfter('2026-11-20T10:00:00+08:00', 1, plain)).toBe(endOfBeijingDay('2026-11-23'))
  })

  it('when N is 0 (立行立改), then it is due at the end of the start day, even a Sunday', () => {
    expect(deadlineAfter('2026-11-22T09:00:00+08:00', 0, plain)).toBe(endOfBeijingDay('2026-11-22'))
  })

  it('when the start is late Friday evening UTC but already Saturday in Beijing, then Saturday is the start day', () => {
    // 16:30Z Friday is 00:30 Saturday in Beijing; 1 working day is still Monday, but 0 is Saturday.
    expect(deadlineAfter('2026-11-20T16:30:00Z', 1, plain)).toBe(endOfBeijingDay('2026-11-23'))
    expect(deadlineAfter('2026-11-20T16:30:00Z', 0, plain)).toBe(endOfBeijingDay('2026-11-21'))
  })

  it('when the start is 23:59 Beijing on Thursday, then Friday is the first working day', () => {
    expect(deadlineAfter('2026-11-19T15:59:00Z', 1, plain)).toBe(endOfBeijingDay('2026-11-20'))
  })

  it('when 5 working days start on a Monday, then it is due the next Monday', () => {
    expect(deadlineAfter('2026-11-23T08:00:00+08:00', 5, plain)).toBe(endOfBeijingDay('2026-11-30'))
  })

  it('when the span crosses 国庆, then the holidays are skipped and the 调休 Saturday counts', () => {
    expect(deadlineAfter('2026-09-30T10:00:00+08:00', 1, national)).toBe(endOfBeijingDay('2026-10-08'))
    expect(deadlineAfter('2026-09-30T10:00:00+08:00', 3, national)).toBe(endOfBeijingDay('2026-10-10'))
    expect(deadlineAfter('2026-09-30T10:00:00+08:00', 4, national)).toBe(endOfBeijingDay('2026-10-12'))
  })

  it('when the next day is a 调休 Sunday, then it is the first working day', () => {
    expect(deadlineAfter('2026-09-18T10:00:00+08:00', 1, national)).toBe(endOfBeijingDay('2026-09-20'))
  })

  it('when N is 365, then it is accepted and lands about 73 weeks on', () => {
    expect(deadlineAfter('2026-11-23T08:00:00+08:00', 365, plain)).toBe(endOfBeijingDay('2028-04-17'))
  })

  it.each([-1, 1.5, 366, Number.NaN, Number.POSITIVE_INFINITY])('when N is %p, then it throws RangeError', (n) => {
    expect(() => deadlineAfter('2026-11-23T08:00:00+08:00', n, plain)).toThrow(RangeError)
  })

  it('when the start names no instant, then it throws RangeError', () => {
    expect(() => deadlineAfter('2026-11-23', 1, plain)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it.each([
    { from: '2026-11-20', to: '2026-11-23', calendar: plain, count: 1 },
    { from: '2026-11-20', to: '2026-11-20', calendar: plain, count: 0 },
    { from: '2026-11-23', to: '2026-11-20', calendar: plain, count: 0 },
    { from: '2026-11-23', to: '2026-11-30', calendar: plain, count: 5 },
    { from: '2026-09-30', to: '2026-10-12', calendar: national, count: 4 },
    { from: '2026-12-31', to: '2027-01-04', calendar: plain, count: 2 }
  ])('when counting from $from to $to, then there are $count working days', ({ from, to, calendar, count }) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(count)
  })

  it('when it counts up to a deadline day, then it agrees with deadlineAfter', () => {
    const due = deadlineAfter('2026-09-25T09:00:00+08:00', 7, national)
    expect(workingDaysBetween('2026-09-25', beijingDay(due), national)).toBe(7)
  })

  it('when a day is malformed, then it throws RangeError', () => {
    expect(() => workingDaysBetween('2026-11-20', 'soon', plain)).toThrow(RangeError)
    expect(() => workingDaysBetween('20261120', '2026-11-23', plain)).toThrow(RangeError)
  })
})

describe('time zone of the server', () => {
  const saved = process.env.TZ
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  })

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'])('when the process runs in %s, then every answer is the same', (tz) => {
    process.env.TZ = tz
    expect(beijingDay('2026-11-20T16:30:00Z')).toBe('2026-11-21')
    expect(beijingDateTime(new Date('2026-03-08T18:00:00Z'))).toBe('2026-03-09 02:00')
    expect(startOfBeijingDay('2026-03-08')).toBe('2026-03-07T16:00:00.000Z')
    expect(isWorkingDay('2026-11-21', plain)).toBe(false)
    expect(deadlineAfter('2026-11-20T10:00:00+08:00', 1, plain)).toBe('2026-11-23T15:59:59.999Z')
    expect(workingDaysBetween('2026-03-06', '2026-03-09', plain)).toBe(1)
  })
})

describe('the calendar the staff pages count with', () => {
  it('counts weekends as off unless declared 调休, and declared days off as off', () => {
    expect(isWorkingDay('2026-11-27', plain)).toBe(true)
    expect(isWorkingDay('2026-11-28', plain)).toBe(false)
    expect(isWorkingDay('2026-11-28', { off: [], workdays: ['2026-11-28'] })).toBe(true)
    expect(isWorkingDay('2026-11-25', { off: ['2026-11-25'], workdays: [] })).toBe(false)
  })

  it('counts the working days after one day up to another', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23', plain)).toBe(0)
    expect(workingDaysBetween('2026-11-27', '2026-11-30', plain)).toBe(1)
    expect(workingDaysBetween('2026-11-23', '2026-11-30', { off: ['2026-11-24'], workdays: [] })).toBe(4)
  })
})
