import { activities, serviceRecords, signups, volunteers } from '../core/collections'
import { userIdOf } from '../core/identity'
import { requestId } from '../../test/support/reports'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { codeAt } from './checkin-code'
import { sweepVolunteers } from './daily'
import { volunteerRepository } from './repository'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const MINUTE = 60000
const HOUR = 60 * MINUTE
const PLACE = { address: '麒麟区南宁北路与文昌街交叉口', lat: 25.5001, lng: 103.7934, radius: 300 }

async function ok<T = any>(action: string, payload: object, openid: string): Promise<T> {
  const res = await rt.call('volunteer', action as 'me', payload as Record<string, never>, openid, requestId())
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

const t = (h: number) => new Date(Date.parse('2026-11-23T09:00:00+08:00') + h * HOUR).toISOString()
const plan = (overrides: Record<string, unknown> = {}) => ({ title: '文昌街路口交通文明劝导', type: 'traffic', description: '早高峰劝导行人不闯红灯', bring: '', place: PLACE, startAt: t(1), endAt: t(3), capacity: 30, signupDeadline: t(0.5), cancelDeadline: t(0.25), insurance: true, ...overrides })

/** A published activity 10:00–12:00 with `people` signed up, the clock at 10:00. */
async function activityWith(people: string[], overrides: Record<string, unknown> = {}) {
  const { id } = await ok('create', plan(overrides), 'demo-organizer')
  await ok('publish', { id }, 'demo-organizer')
  for (const who of people) {
    await ok('register', { realName: '李志愿', phone: '13812345678', team: '南宁街道志愿服务队', birthDate: '1990-05-01' }, who)
    await ok('signUp', { id }, who)
  }
  rt.clock.advance(HOUR)
  return id as string
}

const code = async (id: string) => codeAt(await volunteerRepository(rt.deps.store).secret(), id, rt.deps.clock.now()).code
const signup = (id: string, who: string) => signups(rt.deps.store).findOne({ _id: `${id}:${userIdOf(who)}` })
const row = async (id: string, who: string) => (await ok('roster', { id }, 'demo-organizer')).rows.find((r: { userId: string }) => r.userId === userIdOf(who))

describe('where the volunteer is', () => {
  it('when a check-in brings a latitude without a longitude, then it is refused naming the field and nothing is recorded', async () => {
    const id = await activityWith(['demo-volunteer'])
    const res = await rt.call('volunteer', 'checkIn', { id, code: await code(id), lat: PLACE.lat }, 'demo-volunteer')
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'lng', message: '请同时提供经度和纬度' }] } })
    expect((await signup(id, 'demo-volunteer'))?.checkInAt).toBeNull()
  })

  it('when the activity has a place and the check-in or check-out comes without a location, then it is recorded as 待核实, the roster cannot be confirmed until the organizer decides, and only an approved visit earns hours', async () => {
    const id = await activityWith(['kept', 'doubted', 'located'])
    expect(await ok('checkIn', { id, code: await code(id) }, 'kept')).toMatchObject({ checkInAt: expect.any(String), placeCheck: 'pending' })
    await ok('checkIn', { id, code: await code(id) }, 'doubted')
    await ok('checkIn', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'located')
    rt.clock.advance(2 * HOUR)
    await ok('checkOut', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'kept')
    await ok('checkOut', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'doubted')
    // a located check-in, then a check-out with no location: that part is unverified too
    expect(await ok('checkOut', { id, code: await code(id) }, 'located')).toMatchObject({ placeCheck: 'pending' })
    expect(await row(id, 'kept')).toMatchObject({ placeCheck: 'pending' })

    const early = await rt.call('volunteer', 'confirmRoster', { id }, 'demo-organizer')
    expect(early).toMatchObject({ status: 409, body: { message: '还有 3 人的签到待核实，请先在名单中核实' } })
    expect((await activities(rt.deps.store).findOne({ _id: id }))?.rosterConfirmedAt).toBeNull()
    expect(await serviceRecords(rt.deps.store).count({ activityId: id })).toBe(0)

    expect(await rt.call('volunteer', 'reviewAttendance', { id, userId: userIdOf('kept'), approve: true }, 'demo-volunteer')).toMatchObject({ status: 403 })
    await ok('reviewAttendance', { id, userId: userIdOf('kept'), approve: true }, 'demo-organizer')
    await ok('reviewAttendance', { id, userId: userIdOf('located'), approve: true }, 'demo-organizer')
    await ok('reviewAttendance', { id, userId: userIdOf('doubted'), approve: false }, 'demo-organizer')
    expect(await signup(id, 'doubted')).toMatchObject({ placeCheck: 'refused', history: expect.arrayContaining([expect.objectContaining({ by: userIdOf('demo-organizer'), note: '组织者核实：未认可签到位置' })]) })

    const roster = await ok('confirmRoster', { id }, 'demo-organizer')
    const hours = (who: string) => roster.rows.find((r: { userId: string }) => r.userId === userIdOf(who))
    expect(hours('kept')).toMatchObject({ attendance: 'present', hours: 2, placeCheck: 'approved' })
    expect(hours('doubted')).toMatchObject({ attendance: 'absent', hours: 0, placeCheck: 'refused' })
    expect(await serviceRecords(rt.deps.store).count({ activityId: id })).toBe(2)
    expect((await volunteers(rt.deps.store).findOne({ _id: userIdOf('doubted') }))?.hours).toBe(0)
    expect(await rt.call('volunteer', 'reviewAttendance', { id, userId: userIdOf('doubted'), approve: true }, 'demo-organizer')).toMatchObject({ status: 409 })
  })

  it('when the activity has no place on the map, then a check-in without a location is simply recorded', async () => {
    const id = await activityWith(['demo-volunteer'], { place: { ...PLACE, lat: null, lng: null } })
    expect(await ok('checkIn', { id, code: await code(id) }, 'demo-volunteer')).toMatchObject({ checkInAt: expect.any(String), placeCheck: null })
  })
})

describe('checking out after the end', () => {
  it('when the activity has ended, then the organizer still shows the code and volunteers check out with it for two hours; after that both are refused and the sweep checks out at the end whoever forgot', async () => {
    const id = await activityWith(['leaver', 'forgot']) // 10:00–12:00, the clock at 10:00
    for (const who of ['leaver', 'forgot']) await ok('checkIn', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, who)
    rt.clock.advance(2 * HOUR + 30 * MINUTE) // 12:30
    const shown = await ok('code', { id }, 'demo-organizer')
    expect(await ok('checkOut', { id, code: shown.code, lat: PLACE.lat, lng: PLACE.lng }, 'leaver')).toMatchObject({ checkOutAt: rt.clock.now().toISOString() })

    rt.clock.advance(89 * MINUTE) // 13:59
    await sweepVolunteers(rt.deps)
    expect(await signup(id, 'forgot')).toMatchObject({ checkOutAt: null, autoCheckout: false })
    await ok('code', { id }, 'demo-organizer')

    rt.clock.advance(2 * MINUTE) // 14:01
    expect(await rt.call('volunteer', 'code', { id }, 'demo-organizer')).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: '活动已结束 2 小时，签到码已停用；未签退的志愿者按活动结束时间自动签退' } })
    const late = await rt.call('volunteer', 'checkOut', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'forgot')
    expect(late).toMatchObject({ status: 409, body: { message: '签退时间已过（活动结束后 2 小时内），系统按活动结束时间为您签退' } })
    expect(await signup(id, 'forgot')).toMatchObject({ checkOutAt: null, codeTries: 0 })

    await sweepVolunteers(rt.deps)
    expect(await signup(id, 'forgot')).toMatchObject({ checkOutAt: t(3), autoCheckout: true })
    expect(await signup(id, 'leaver')).toMatchObject({ autoCheckout: false })
  })
})

describe('guessing the code', () => {
  it('when a volunteer types 5 wrong codes, then the activity locks for them for 10 minutes, even for the right code, and others are not locked', async () => {
    const id = await activityWith(['guesser', 'neighbour'])
    const right = await code(id)
    const wrong = String((Number(right) + 1) % 1000000).padStart(6, '0')
    for (let i = 1; i <= 4; i++) {
      const res = await rt.call('volunteer', 'checkIn', { id, code: wrong, lat: PLACE.lat, lng: PLACE.lng }, 'guesser')
      expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'code', message: expect.stringContaining(`再输错 ${5 - i} 次`) }] } })
    }
    expect(await rt.call('volunteer', 'checkIn', { id, code: wrong, lat: PLACE.lat, lng: PLACE.lng }, 'guesser')).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', message: '签到码输错次数过多，请 10 分钟后再试' } })
    rt.clock.advance(3 * MINUTE)
    expect(await rt.call('volunteer', 'checkIn', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'guesser')).toMatchObject({ status: 429, body: { message: '签到码输错次数过多，请 7 分钟后再试' } })
    expect((await signup(id, 'guesser'))?.checkInAt).toBeNull()
    await ok('checkIn', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'neighbour')

    rt.clock.advance(7 * MINUTE)
    expect(await ok('checkIn', { id, code: await code(id), lat: PLACE.lat, lng: PLACE.lng }, 'guesser')).toMatchObject({ checkInAt: expect.any(String) })
  })

  it('when 40 wrong guesses race over the same signup, then at most 5 are judged and the rest are refused as locked', async () => {
    const id = await activityWith(['guesser'])
    const right = await code(id)
    const guesses = Array.from({ length: 40 }, (_, i) => String((Number(right) + 1 + i) % 1000000).padStart(6, '0'))
    const answers = await Promise.all(guesses.map((g) => rt.call('volunteer', 'checkIn', { id, code: g, lat: PLACE.lat, lng: PLACE.lng }, 'guesser')))
    expect(answers.filter((a) => a.status === 400)).toHaveLength(4)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(36)
  })
})

describe('what volunteers read of an activity', () => {
  it('when an organizer writes abuse into the description, then the activity is refused naming the field and not stored', async () => {
    const res = await rt.call('volunteer', 'create', plan({ description: '傻逼才不来，加微信领补贴' }), 'demo-organizer', requestId())
    expect(res).toMatchObject({ status: 400, body: { code: 'CONTENT_REJECTED', issues: [{ field: 'description' }] } })
    expect(await activities(rt.deps.store).count({})).toBe(0)
  })
})
