import { clockOffset, dueWarnings, extendedText, formatLeft, isUrgent, msLeft, stillGiven, warningText } from './countdown'

describe('clockOffset', () => {
  const server = '2026-11-23T01:00:00.000Z'
  const serverMs = Date.parse(server)

  it('when the phone runs an hour behind, then the offset adds that hour back', () => {
    const phone = serverMs - 3600_000
    expect(clockOffset(server, phone - 100, phone + 100)).toBe(3600_000)
  })

  it('when the answer took a while, then the server time is placed at the middle of the request', () => {
    expect(clockOffset(server, serverMs - 400, serverMs + 200)).toBe(100)
  })

  it('when the server time cannot be read, then the phone clock is used as is', () => {
    expect(clockOffset('soon', 0, 10)).toBe(0)
  })
})

describe('msLeft', () => {
  const deadline = '2026-11-23T01:20:00.000Z'
  const at = Date.parse(deadline)

  it('when the phone is an hour fast, then the time left still follows the server', () => {
    const offset = -3600_000
    expect(msLeft(deadline, offset, at - 90_000 + 3600_000)).toBe(90_000)
  })

  it('when the deadline has passed, then nothing is left rather than a negative time', () => {
    expect(msLeft(deadline, 0, at + 5000)).toBe(0)
  })
})

describe('formatLeft', () => {
  it('when under an hour, then minutes and seconds, with seconds rounded up', () => {
    expect(formatLeft(20 * 60_000)).toBe('20:00')
    expect(formatLeft(59_001)).toBe('01:00')
    expect(formatLeft(500)).toBe('00:01')
    expect(formatLeft(0)).toBe('00:00')
  })

  it('when an hour or more, then hours too', () => {
    expect(formatLeft(3723_000)).toBe('1:02:03')
  })
})

describe('isUrgent', () => {
  it('when under a minute is left, then it is urgent; at a minute it is not yet', () => {
    expect(isUrgent(59_999)).toBe(true)
    expect(isUrgent(60_000)).toBe(false)
  })
})

describe('dueWarnings', () => {
  it('when the time left falls under 5 and then 1 minute, then each warning is due once', () => {
    expect(dueWarnings(5 * 60_000 + 1000, [])).toEqual([])
    expect(dueWarnings(5 * 60_000, [])).toEqual([5])
    expect(dueWarnings(4 * 60_000, [5])).toEqual([])
    expect(dueWarnings(59_000, [5])).toEqual([1])
    expect(dueWarnings(30_000, [5, 1])).toEqual([])
  })

  it('when a paper is reopened with 40 seconds left, then both are due at once and it says the time really left', () => {
    expect(dueWarnings(40_000, [])).toEqual([5, 1])
    expect(warningText(40_000)).toBe('答题还剩 1 分钟')
  })

  it('when time is up, then no warning is due: the hand-in notice says it', () => {
    expect(dueWarnings(0, [])).toEqual([])
  })

  it('when the office gives more time after both warnings, then the paper says the new time and both warnings are due again as it runs down', () => {
    expect(extendedText(10 * 60_000 + 30_000)).toBe('创文办已为您延长答题时间，还剩 11 分钟')
    expect(stillGiven([5, 1], 11 * 60_000)).toEqual([])
    expect(stillGiven([5, 1], 3 * 60_000)).toEqual([5])
    expect(dueWarnings(5 * 60_000, stillGiven([5, 1], 11 * 60_000))).toEqual([5])
  })
})
