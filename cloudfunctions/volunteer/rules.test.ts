import { ageOn, countHours, maskName, maskPhone, starLevel } from './rules'

const schedule = { startAt: '2026-11-28T07:00:00.000Z', endAt: '2026-11-28T09:00:00.000Z' } // 2 h

describe('hours', () => {
  it('when someone stays the whole time or longer, then the hours are capped at the schedule', () => {
    expect(countHours(schedule, { checkInAt: '2026-11-28T06:30:00.000Z', checkOutAt: '2026-11-28T10:00:00.000Z' }, 0.6)).toEqual({ attendance: 'present', minutes: 120, hours: 2 })
  })

  it('when someone is there for 60% of the schedule, then it counts; just under, then it does not', () => {
    expect(countHours(schedule, { checkInAt: '2026-11-28T07:48:00.000Z', checkOutAt: null }, 0.6)).toEqual({ attendance: 'present', minutes: 72, hours: 1.2 })
    expect(countHours(schedule, { checkInAt: '2026-11-28T07:49:00.000Z', checkOutAt: null }, 0.6)).toEqual({ attendance: 'short', minutes: 71, hours: 0 })
  })

  it('when someone never checked in, then they are a no-show', () => {
    expect(countHours(schedule, { checkInAt: null, checkOutAt: null }, 0.6)).toEqual({ attendance: 'absent', minutes: 0, hours: 0 })
  })

  it('when the place of a visit is still 待核实 or was refused, then it earns nothing; once approved it counts', () => {
    const visit = { checkInAt: '2026-11-28T07:00:00.000Z', checkOutAt: '2026-11-28T09:00:00.000Z' }
    expect(countHours(schedule, { ...visit, placeCheck: 'pending' }, 0.6)).toEqual({ attendance: 'absent', minutes: 0, hours: 0 })
    expect(countHours(schedule, { ...visit, placeCheck: 'refused' }, 0.6)).toEqual({ attendance: 'absent', minutes: 0, hours: 0 })
    expect(countHours(schedule, { ...visit, placeCheck: 'approved' }, 0.6)).toEqual({ attendance: 'present', minutes: 120, hours: 2 })
  })
})

describe('stars and masks', () => {
  it('when hours cross a threshold, then the level rises and the next one is named', () => {
    expect(starLevel(99.5, [100, 300, 600, 1000, 1500])).toEqual({ stars: 0, nextStar: { stars: 1, hours: 100 } })
    expect(starLevel(300, [100, 300, 600, 1000, 1500])).toEqual({ stars: 2, nextStar: { stars: 3, hours: 600 } })
    expect(starLevel(2000, [100, 300, 600, 1000, 1500])).toEqual({ stars: 5, nextStar: null })
  })

  it('when a phone or a name is shown to others, then only part of it is', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskName('王明')).toBe('王*')
    expect(maskName('欧阳晓明')).toBe('欧**明')
  })

  it('when a birthday has not come yet this year, then the age is one less', () => {
    expect(ageOn('2010-11-24', '2026-11-23')).toBe(15)
    expect(ageOn('2010-11-23', '2026-11-23')).toBe(16)
  })
})
