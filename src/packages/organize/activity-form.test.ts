import { emptyForm, fieldOf, hasContent, moveStart, restoreForm, setDay, setTime, toInput, validate } from './activity-form'

const now = new Date(2026, 10, 23, 10, 17)

describe('emptyForm', () => {
  it('when new, then it starts tomorrow at nine with the deadlines before it', () => {
    const f = emptyForm(now)
    expect(new Date(f.startAt)).toEqual(new Date(2026, 10, 24, 9, 0))
    expect(new Date(f.endAt)).toEqual(new Date(2026, 10, 24, 11, 0))
    expect(new Date(f.signupDeadline)).toEqual(new Date(2026, 10, 23, 20, 0))
    expect(new Date(f.cancelDeadline)).toEqual(new Date(2026, 10, 24, 7, 0))
    expect(f.radius).toBe(300)
    expect(validate(f)).toEqual({ title: '请填写活动名称', type: '请选择活动类型', description: '请填写活动内容', address: '请填写活动地点', insurance: '请选择是否已为志愿者购买保险' })
  })
})

describe('validate', () => {
  const filled = { ...emptyForm(now), title: '文明劝导', type: 'traffic' as const, description: '劝导行人', address: '人民路口', insurance: false }

  it('when filled in, then nothing is wrong', () => {
    expect(validate(filled)).toEqual({})
  })

  it('when the times are out of order or a coordinate is half typed, then it names the field', () => {
    expect(validate({ ...filled, endAt: filled.startAt, lat: '30.', lng: '' })).toEqual({
      endAt: '结束时间应晚于开始时间',
      lat: '纬度应为 -90 到 90 之间的数字',
      lng: '经度应为 -180 到 180 之间的数字'
    })
  })
})

describe('insurance', () => {
  it('when new, then neither answer is chosen for the organizer', () => {
    expect(emptyForm(now).insurance).toBeNull()
    expect(restoreForm({ title: '护河' }, now).insurance).toBeNull()
  })
  it('when 未购买 is chosen, then it is sent as false', () => {
    expect(toInput({ ...emptyForm(now), insurance: false }).insurance).toBe(false)
  })
})

describe('times', () => {
  const f = emptyForm(now)
  it('when the start moves two days later, then the end and both deadlines move with it, keeping their distance', () => {
    const later = new Date(2026, 10, 26, 14, 30).toISOString()
    const moved = moveStart(f, later)
    expect(new Date(moved.startAt)).toEqual(new Date(2026, 10, 26, 14, 30))
    expect(new Date(moved.endAt)).toEqual(new Date(2026, 10, 26, 16, 30))
    expect(new Date(moved.signupDeadline)).toEqual(new Date(2026, 10, 26, 1, 30))
    expect(new Date(moved.cancelDeadline)).toEqual(new Date(2026, 10, 26, 12, 30))
    expect(validate({ ...moved, title: 't', type: 'traffic', description: 'd', address: 'a', insurance: true })).toEqual({})
  })
  it('when only the day is picked, then the time of day stays; when only the time is picked, then the day stays', () => {
    expect(new Date(setDay(f.endAt, [2026, 12, 1]))).toEqual(new Date(2026, 11, 1, 11, 0))
    expect(new Date(setTime(f.endAt, [17, 45]))).toEqual(new Date(2026, 10, 24, 17, 45))
  })
})

describe('toInput', () => {
  it('when both coordinates are given, then the place has them; otherwise neither', () => {
    const f = { ...emptyForm(now), title: ' 清洁 ', type: 'cleanup' as const, address: '公园', lat: '30.25', lng: '120.17' }
    expect(toInput(f).place).toEqual({ address: '公园', lat: 30.25, lng: 120.17, radius: 300 })
    expect(toInput(f).title).toBe('清洁')
    expect(toInput({ ...f, lng: '' }).place).toEqual({ address: '公园', lat: null, lng: null, radius: 300 })
  })
})

describe('fieldOf', () => {
  it('when the server names a nested place field, then it lands on that input', () => {
    expect(fieldOf('place.lat')).toBe('lat')
    expect(fieldOf('place')).toBe('address')
    expect(fieldOf('capacity')).toBe('capacity')
    expect(fieldOf('id')).toBeNull()
  })
})

describe('restoreForm', () => {
  it('when the saved draft is broken, then the bad fields fall back and the good ones stay', () => {
    const f = restoreForm({ title: '护河', type: 'nope', capacity: 'many', startAt: 'soon', insurance: false }, now)
    expect(f.title).toBe('护河')
    expect(f.type).toBe('')
    expect(f.capacity).toBe(20)
    expect(f.startAt).toBe(emptyForm(now).startAt)
    expect(f.insurance).toBe(false)
    expect(hasContent(f)).toBe(true)
    expect(hasContent(restoreForm(null, now))).toBe(false)
  })
})
