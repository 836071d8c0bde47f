import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import type { Signup } from '../../types/volunteer'
import { activities, counters, monthly, outbox, serviceRecords, signups, stars, users, volunteers } from '../core/collections'
import { userIdOf } from '../core/identity'
import { findAll } from '../core/pages'
import { requestId } from '../../test/support/reports'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { codeAt } from './checkin-code'
import { sweepVolunteers } from './daily'
import { volunteerRepository } from './repository'
import { newSignup } from './rules'

// Drawing the first QR code under jest takes a few seconds.
jest.setTimeout(30000)

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const HOUR = 3600000
const PLACE = { address: '麒麟区南宁北路与文昌街交叉口', lat: 25.5001, lng: 103.7934, radius: 300 }

async function ok<T = any>(fn: 'volunteer' | 'users', action: string, payload: object, openid: string, request?: string): Promise<T> {
  const res = await rt.call(fn as 'volunteer', action as 'me', payload as Record<string, never>, openid, request)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

const register = (openid: string, birthDate = '1990-05-01') => ok('volunteer', 'register', { realName: '李志愿', phone: '13812345678', team: '南宁街道志愿服务队', birthDate }, openid)

/** A published activity; times are hours from the test clock's start (Monday 09:00 Beijing). */
async function activity(overrides: Record<string, unknown> = {}, from = 48, hours = 2) {
  const t = (h: number) => new Date(Date.parse('2026-11-23T09:00:00+08:00') + h * HOUR).toISOString()
  const input = { title: '文昌街路口交通文明劝导', type: 'traffic', description: '早高峰劝导行人不闯红灯', bring: '身份证、水杯', place: PLACE, startAt: t(from), endAt: t(from + hours), capacity: 30, signupDeadline: t(Math.max(from - 12, 0.5)), cancelDeadline: t(Math.max(from - 24, 0.25)), insurance: true, ...overrides }
  const created = await ok('volunteer', 'create', input, 'demo-organizer', requestId())
  await ok('volunteer', 'publish', { id: created.id }, 'demo-organizer')
  return created.id as string
}

const signup = (activityId: string, openid: string) => signups(rt.deps.store).findOne({ _id: `${activityId}:${userIdOf(openid)}` })

describe('registering', () => {
  it('when an adult registers, then they become a volunteer with a certificate number, and others never see their phone', async () => {
    const me = await register('demo-resident')
    expect(me).toMatchObject({ realName: '李志愿', phone: '13812345678', hours: 0, stars: 0, nextStar: { stars: 1, hours: 100 }, certificateNo: expect.stringMatching(/^ZYFW-2026-[0-9A-F]{8}$/) })
    expect((await ok('users', 'me', {}, 'demo-resident')).roles).toContain('volunteer')
    const id = await activity()
    await ok('volunteer', 'signUp', { id }, 'demo-resident')
    const roster = await ok('volunteer', 'roster', { id }, 'demo-organizer')
    expect(roster.rows[0]).toMatchObject({ realName: '李志愿', phone: '138****5678' })
    expect(JSON.stringify(roster)).not.toContain('13812345678')
  })

  it('when someone under 14 registers, or 16 without a guardian, then it is refused naming the field', async () => {
    expect(await rt.call('volunteer', 'register', { realName: '王小明', phone: '13800000000', team: '实验小学', birthDate: '2014-01-01' }, 'kid')).toMatchObject({ status: 400, body: { issues: [{ field: 'birthDate' }] } })
    expect(await rt.call('volunteer', 'register', { realName: '王小明', phone: '13800000000', team: '一中', birthDate: '2010-01-01' }, 'teen')).toMatchObject({ status: 400, body: { issues: [{ field: 'guardian' }] } })
    const withGuardian = await rt.call('volunteer', 'register', { realName: '王小明', phone: '13800000000', team: '一中', birthDate: '2010-01-01', guardian: { name: '王大明', phone: '13900000000', consent: true } }, 'teen')
    expect(withGuardian.status).toBe(200)
    expect((await volunteers(rt.deps.store).findOne({ _id: userIdOf('teen') }))?.guardian).toEqual({ name: '王大明', phone: '13900000000' })
  })
})

describe('correcting who a volunteer is', () => {
  const renamed = { realName: '李更正', phone: '13900001111', team: '文昌社区志愿队', birthDate: '1991-02-03' }

  it('when a volunteer with hours registers again under another name, phone and birth date, then only the team changes, a correction waits for the office, and the certificate keeps the verified name until the office approves it', async () => {
    await register('demo-volunteer')
    await ok('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 2, reason: '纸质签到表补录' }, 'demo-admin', requestId())

    const me = await ok('volunteer', 'register', renamed, 'demo-volunteer')

    expect(me).toMatchObject({ realName: '李志愿', phone: '13812345678', team: '文昌社区志愿队', correction: { realName: '李更正', phone: '13900001111', birthDate: '1991-02-03' } })
    expect(await volunteers(rt.deps.store).findOne({ _id: userIdOf('demo-volunteer') })).toMatchObject({ realName: '李志愿', phone: '13812345678', birthDate: '1990-05-01' })
    expect((await ok('volunteer', 'certificate', {}, 'demo-volunteer')).name).toBe('李志愿')

    const pending = await ok('volunteer', 'corrections', {}, 'demo-admin')
    expect(pending.items).toEqual([expect.objectContaining({ userId: userIdOf('demo-volunteer'), from: { realName: '李志愿', phone: '138****5678', birthDate: '1990-05-01' }, to: { realName: '李更正', phone: '139****1111', birthDate: '1991-02-03' } })])
    expect(JSON.stringify(pending)).not.toContain('13900001111')
    expect((await rt.call('volunteer', 'decideCorrection', { userId: userIdOf('demo-volunteer'), approve: true }, 'demo-organizer')).status).toBe(403)

    await ok('volunteer', 'decideCorrection', { userId: userIdOf('demo-volunteer'), approve: true }, 'demo-admin')

    const stored = await volunteers(rt.deps.store).findOne({ _id: userIdOf('demo-volunteer') })
    expect(stored).toMatchObject({ realName: '李更正', phone: '13900001111', birthDate: '1991-02-03', correction: null })
    expect(stored!.history.at(-1)).toMatchObject({ by: userIdOf('demo-admin'), from: { realName: '李志愿' }, to: { realName: '李更正' }, note: '创文办核准更正' })
    expect((await ok('volunteer', 'certificate', {}, 'demo-volunteer')).name).toBe('李更正')
    expect((await ok('volunteer', 'corrections', {}, 'demo-admin')).items).toEqual([])
  })

  it('when the office refuses a correction, then the verified identity stays and the refusal is recorded; without hours a volunteer corrects it directly, on the record', async () => {
    await register('demo-volunteer')
    await register('demo-resident')
    await ok('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 1, reason: '补录' }, 'demo-admin', requestId())
    await ok('volunteer', 'register', renamed, 'demo-volunteer')

    await ok('volunteer', 'decideCorrection', { userId: userIdOf('demo-volunteer'), approve: false, reason: '与身份证不符' }, 'demo-admin')
    const refused = await volunteers(rt.deps.store).findOne({ _id: userIdOf('demo-volunteer') })
    expect(refused).toMatchObject({ realName: '李志愿', correction: null })
    expect(refused!.history.at(-1)).toMatchObject({ by: userIdOf('demo-admin'), note: '创文办未核准更正：与身份证不符' })

    const direct = await ok('volunteer', 'register', renamed, 'demo-resident')
    expect(direct).toMatchObject({ realName: '李更正', correction: null })
    expect((await volunteers(rt.deps.store).findOne({ _id: userIdOf('demo-resident') }))!.history.at(-1)).toMatchObject({ by: userIdOf('demo-resident'), from: { realName: '李志愿' }, to: { realName: '李更正' } })
  })
})

describe('signing up', () => {
  it('when 300 volunteers sign up at once over HTTP for 30 places, then 30 are confirmed and 270 wait in arrival order, nobody twice; 10 cancellations offer the next 10', async () => {
    for (let i = 0; i < 300; i++) await register(`v-${i}`)
    const id = await activity({ capacity: 30 })
    await rt.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = rt.app.server.address() as AddressInfo
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/api/volunteer`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': `v-${i}` }, body: JSON.stringify({ action: 'signUp', payload: { id } }) }).then(
          (r) => r.json() as Promise<{ ok: boolean; data: { status: string; position: number | null } }>
        )
      )
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(answers.filter((a) => a.data.status === 'confirmed')).toHaveLength(30)
    expect(answers.filter((a) => a.data.status === 'waitlisted')).toHaveLength(270)
    const stored = await signups(rt.deps.store).find({ activityId: id }, { limit: 1000 })
    expect(stored).toHaveLength(300)
    expect(new Set(stored.map((s) => s.userId)).size).toBe(300)
    const tickets = stored.filter((s) => s.status === 'waitlisted').map((s) => s.ticket!).sort((a, b) => a - b)
    expect(tickets).toEqual(Array.from({ length: 270 }, (_, i) => i + 1))
    expect(await activities(rt.deps.store).findOne({ _id: id })).toMatchObject({ taken: 30, waiting: 270, tickets: 270 })

    const confirmed = stored.filter((s) => s.status === 'confirmed').slice(0, 10)
    const byUser = new Map(Array.from({ length: 300 }, (_, i) => [userIdOf(`v-${i}`), `v-${i}`]))
    for (const s of confirmed) await ok('volunteer', 'cancel', { id }, byUser.get(s.userId)!)
    const offered = await signups(rt.deps.store).find({ activityId: id, status: 'offered' }, { limit: 100 })
    expect(offered.map((s) => s.ticket).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(await activities(rt.deps.store).findOne({ _id: id })).toMatchObject({ taken: 30, waiting: 260 })
    const eleventh = stored.find((s) => s.ticket === 11)!
    expect((await ok('volunteer', 'activity', { id }, byUser.get(eleventh.userId)!)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 })
  }, 120000)

  it('when the same person signs up twice, then they hold one place', async () => {
    await register('demo-volunteer')
    const id = await activity()
    await Promise.all([ok('volunteer', 'signUp', { id }, 'demo-volunteer'), ok('volunteer', 'signUp', { id }, 'demo-volunteer')])
    expect(await signups(rt.deps.store).count({ activityId: id })).toBe(1)
    expect((await activities(rt.deps.store).findOne({ _id: id }))?.taken).toBe(1)
  })

  it('when an activity overlaps one the volunteer joined, then the sign-up is refused naming the other', async () => {
    await register('demo-volunteer')
    const first = await activity({ title: '早高峰劝导' }, 48, 2)
    const second = await activity({ title: '路口清洁' }, 49, 2)
    await ok('volunteer', 'signUp', { id: first }, 'demo-volunteer')
    const res = await rt.call('volunteer', 'signUp', { id: second }, 'demo-volunteer')
    expect(res).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: '与您已报名的「早高峰劝导」时间冲突' } })
    expect(await signup(second, 'demo-volunteer')).toBeNull()
    const later = await activity({ title: '午间清洁' }, 50, 1)
    await expect(ok('volunteer', 'signUp', { id: later }, 'demo-volunteer')).resolves.toMatchObject({ status: 'confirmed' })
  })

  it('when the cancellation deadline has passed, then a confirmed volunteer cannot cancel', async () => {
    await register('demo-volunteer')
    const id = await activity({}, 48, 2) // cancel deadline: 24 h from now
    await ok('volunteer', 'signUp', { id }, 'demo-volunteer')
    rt.clock.advance(25 * HOUR)
    expect(await rt.call('volunteer', 'cancel', { id }, 'demo-volunteer')).toMatchObject({ status: 409, body: { message: '已过取消截止时间，如确有困难请联系活动组织者' } })
    expect((await signup(id, 'demo-volunteer'))?.status).toBe('confirmed')
  })

  it('when an offered place is not confirmed within 12 hours, then it passes to the next in line; a confirmation in time keeps it', async () => {
    for (const who of ['a', 'b', 'c', 'd']) await register(who)
    const id = await activity({ capacity: 1 })
    for (const who of ['a', 'b', 'c', 'd']) await ok('volunteer', 'signUp', { id }, who)
    await ok('volunteer', 'cancel', { id }, 'a')
    expect((await signup(id, 'b'))?.status).toBe('offered')
    rt.clock.advance(11 * HOUR)
    await sweepVolunteers(rt.deps)
    expect((await signup(id, 'b'))?.status).toBe('offered')
    rt.clock.advance(2 * HOUR)
    await sweepVolunteers(rt.deps)
    expect((await signup(id, 'b'))?.status).toBe('passed')
    expect((await signup(id, 'c'))?.status).toBe('offered')
    expect(await rt.call('volunteer', 'acceptOffer', { id }, 'b')).toMatchObject({ status: 409 })
    await expect(ok('volunteer', 'acceptOffer', { id }, 'c')).resolves.toMatchObject({ status: 'confirmed' })
    expect(await activities(rt.deps.store).findOne({ _id: id })).toMatchObject({ taken: 1, waiting: 1 })
  })

  it('when the organizer lowers capacity below those signed up, then it is refused with a clear message', async () => {
    for (const who of ['a', 'b', 'c']) await register(who)
    const id = await activity({ capacity: 5 })
    for (const who of ['a', 'b', 'c']) await ok('volunteer', 'signUp', { id }, who)
    const current = await ok('volunteer', 'activity', { id }, 'demo-organizer')
    const { id: _, ...input } = { ...current, title: current.title }
    const res = await rt.call('volunteer', 'update', { id, title: input.title, type: input.type, description: input.description, bring: input.bring, place: input.place, startAt: input.startAt, endAt: input.endAt, capacity: 2, signupDeadline: input.signupDeadline, cancelDeadline: input.cancelDeadline, insurance: input.insurance }, 'demo-organizer')
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'capacity', message: '已有 3 人报名，名额不能少于 3' }] } })
    expect((await activities(rt.deps.store).findOne({ _id: id }))?.capacity).toBe(5)
  })

  /** The organizer's save of `id` as it stands, with `changes`. */
  async function edit(id: string, changes: Record<string, unknown>) {
    const d = await ok('volunteer', 'activity', { id }, 'demo-organizer')
    const input = { title: d.title, type: d.type, description: d.description, bring: d.bring, place: d.place, startAt: d.startAt, endAt: d.endAt, capacity: d.capacity, signupDeadline: d.signupDeadline, cancelDeadline: d.cancelDeadline, insurance: d.insurance }
    return rt.call('volunteer', 'update', { id, ...input, ...changes }, 'demo-organizer')
  }
  const homeCount = async () => (await counters(rt.deps.store).findOne({ _id: 'activities' }))?.value

  it('when an organizer cancels an activity, then every place in it is given up, so a clashing activity can be joined, and the home count drops', async () => {
    for (const who of ['a', 'b']) await register(who)
    const id = await activity({ capacity: 1 })
    const other = await activity({ title: '同一时间的清洁活动' })
    for (const who of ['a', 'b']) await ok('volunteer', 'signUp', { id }, who)
    expect(await rt.call('volunteer', 'signUp', { id: other }, 'a')).toMatchObject({ status: 409, body: { message: '与您已报名的「文昌街路口交通文明劝导」时间冲突' } })
    expect(await homeCount()).toBe(2)
    await ok('volunteer', 'cancelActivity', { id, reason: '暴雨预警，活动取消' }, 'demo-organizer')
    expect([(await signup(id, 'a'))?.status, (await signup(id, 'b'))?.status]).toEqual(['cancelled', 'cancelled'])
    expect((await signup(id, 'b'))?.history.at(-1)).toMatchObject({ from: 'waitlisted', to: 'cancelled', note: '活动取消：暴雨预警，活动取消' })
    expect(await homeCount()).toBe(1)
    await expect(ok('volunteer', 'signUp', { id: other }, 'a')).resolves.toMatchObject({ status: 'confirmed' })
    expect(await rt.call('volunteer', 'cancelActivity', { id, reason: '再取消一次' }, 'demo-organizer')).toMatchObject({ status: 409, body: { message: '活动已经取消了' } })
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('a'), title: '活动已取消' })).toBe(1)
    await sweepVolunteers(rt.deps)
    expect(await homeCount()).toBe(1)
  })

  it('when the organizer moves an activity, then everyone signed up is told once, their sign-ups follow the new time and the reminder comes again', async () => {
    for (const who of ['a', 'b']) await register(who)
    const id = await activity({ capacity: 1 }, 20)
    for (const who of ['a', 'b']) await ok('volunteer', 'signUp', { id }, who)
    const d = await ok('volunteer', 'activity', { id }, 'demo-organizer')
    rt.clock.advance(HOUR)
    await sweepVolunteers(rt.deps)
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('a'), title: '明天有志愿活动' })).toBe(1)
    const later = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString()
    expect((await edit(id, { startAt: later(d.startAt), endAt: later(d.endAt), place: { ...PLACE, address: '文昌街与五一路口' } })).status).toBe(200)
    const told = async () => (await findAll(outbox(rt.deps.store), { userId: { $in: [userIdOf('a'), userIdOf('b')] }, title: '活动时间地点有变' }, { userId: 1, body: 1 }))
    expect((await told()).map((m) => m.userId).sort()).toEqual([userIdOf('a'), userIdOf('b')].sort())
    expect((await told())[0].body).toBe('「文昌街路口交通文明劝导」改为 2026-11-24 13:00 在 文昌街与五一路口，请留意')
    expect((await signup(id, 'a'))?.startAt).toBe(later(d.startAt))
    expect((await edit(id, { description: '只改了说明' })).status).toBe(200)
    expect(await told()).toHaveLength(2)
    rt.clock.advance(8 * HOUR)
    await sweepVolunteers(rt.deps)
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('a'), title: { $in: ['今天有志愿活动', '明天有志愿活动'] } })).toBe(2)
  })

  it('when an activity has started, then it can be neither edited nor cancelled, and no waitlist offer runs past its start', async () => {
    for (const who of ['a', 'b', 'c']) await register(who)
    const id = await activity({ capacity: 1 }, 6)
    for (const who of ['a', 'b', 'c']) await ok('volunteer', 'signUp', { id }, who)
    await ok('volunteer', 'cancel', { id }, 'a')
    const offered = await signup(id, 'b')
    expect(offered?.status).toBe('offered')
    expect(offered?.offerExpiresAt).toBe(offered?.startAt)
    rt.clock.advance(6 * HOUR + 60000)
    expect(await rt.call('volunteer', 'acceptOffer', { id }, 'b')).toMatchObject({ status: 409, body: { message: '活动已开始，递补名额已失效' } })
    await sweepVolunteers(rt.deps)
    expect([(await signup(id, 'b'))?.status, (await signup(id, 'c'))?.status]).toEqual(['passed', 'waitlisted'])
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('c'), title: '候补递补：有名额了' })).toBe(0)
    expect(await edit(id, { description: '开始后再改' })).toMatchObject({ status: 409, body: { message: '活动已开始，不能再修改' } })
    expect(await rt.call('volunteer', 'cancelActivity', { id, reason: '下雨' }, 'demo-organizer')).toMatchObject({ status: 409, body: { message: '活动已开始，不能再取消' } })
    expect((await activities(rt.deps.store).findOne({ _id: id }))?.status).toBe('published')
  })

  it('when the organizer’s create is sent twice with one requestId (a double tap, a lost answer), then there is one draft', async () => {
    const sent = requestId()
    const input = { title: '清洁家园', type: 'cleanup', description: '清理小区卫生死角', bring: '', place: PLACE, startAt: '2026-11-30T01:00:00.000Z', endAt: '2026-11-30T03:00:00.000Z', capacity: 10, signupDeadline: '2026-11-29T01:00:00.000Z', cancelDeadline: '2026-11-29T01:00:00.000Z', insurance: true }
    const first = await ok('volunteer', 'create', input, 'demo-organizer', sent)
    expect(await ok('volunteer', 'create', input, 'demo-organizer', sent)).toMatchObject({ id: first.id })
    expect(await activities(rt.deps.store).count({ organizerId: userIdOf('demo-organizer') })).toBe(1)
  })

  it('when a resident or a volunteer tries organizer actions, then they are refused', async () => {
    await register('demo-volunteer')
    expect(await rt.call('volunteer', 'create', {}, 'demo-volunteer')).toMatchObject({ status: 403 })
    expect(await rt.call('volunteer', 'signUp', { id: 'x' }, 'demo-resident')).toMatchObject({ status: 403 })
    expect(await rt.call('volunteer', 'makeup', { userId: 'x', hours: 1, reason: 'r' }, 'demo-organizer')).toMatchObject({ status: 403 })
  })
})

describe('past the 1,000 documents a read answers', () => {
  /** `n` registered volunteers signed up for the activity, the first `confirmed` of them with a place and the rest waiting in line, written straight into the store. */
  async function crowd(activityId: string, n: number, confirmed: number) {
    const { store } = rt.deps
    const act = (await activities(store).findOne({ _id: activityId }))!
    const at = rt.clock.now().toISOString()
    const people = Array.from({ length: n }, (_, i) => ({ i, openid: `crowd-${i}`, userId: userIdOf(`crowd-${i}`) }))
    await insertAll(store, users(store), people.map(({ i, openid, userId }) => ({ _id: userId, openid, nickname: `志愿者${i}`, roles: ['resident', 'volunteer'], createdAt: at, updatedAt: at, history: [] })))
    await insertAll(store, volunteers(store), people.map(({ i, userId }) => ({ _id: userId, realName: `张${i}`, phone: `139${String(i).padStart(8, '0')}`, team: '南宁街道志愿服务队', birthDate: '1990-05-01', guardian: null, registeredAt: at, hours: 0, makeupHours: 0, activities: 0, certificateNo: `ZYFW-2026-${String(i).padStart(8, '0')}`, correction: null, history: [] })))
    const signupOf = ({ i, userId }: (typeof people)[number]): Signup => newSignup(act, userId, i < confirmed ? null : i - confirmed + 1, at, [])
    await insertAll(store, signups(store), people.map(signupOf))
    await activities(store).update({ _id: activityId }, { $set: { taken: confirmed, waiting: n - confirmed, tickets: n - confirmed } })
    return people
  }

  it('when 1,500 people signed up, then the roster lists every one of them, places first and then the line in ticket order', async () => {
    const id = await activity({ capacity: 1000 })
    await crowd(id, 1500, 1000)
    const roster = await ok('volunteer', 'roster', { id }, 'demo-organizer')
    expect(roster.rows).toHaveLength(1500)
    expect(new Set(roster.rows.map((r: { userId: string }) => r.userId)).size).toBe(1500)
    expect(roster.rows.slice(0, 1000).every((r: { status: string }) => r.status === 'confirmed')).toBe(true)
    expect(roster.rows.slice(1000).map((r: { ticket: number }) => r.ticket)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1))
    expect(roster.rows[1499]).toMatchObject({ realName: '张1499', nickname: '志愿者1499', phone: '139****1499', status: 'waitlisted' })
    expect(await signups(rt.deps.store).count({ activityId: id })).toBe(1500)
  }, 120000)

  it('when a volunteer served 1,200 activities, then the certificate lists every one, newest first', async () => {
    await register('demo-volunteer')
    const userId = userIdOf('demo-volunteer')
    const day = (i: number) => new Date(Date.parse('2022-01-01T08:00:00+08:00') + i * 86400000).toISOString()
    await volunteers(rt.deps.store).update({ _id: userId }, { $set: { hours: 2400, activities: 1200 } })
    await insertAll(rt.deps.store, serviceRecords(rt.deps.store), Array.from({ length: 1200 }, (_, i) => ({ _id: `a${i}:${userId}`, userId, activityId: `a${i}`, activityTitle: `第${i + 1}次劝导`, hours: 2, kind: 'verified' as const, reason: null, by: 'organizer', at: day(i), month: day(i).slice(0, 7) })))
    const certificate = await ok('volunteer', 'certificate', {}, 'demo-volunteer')
    expect(certificate.activities).toHaveLength(1200)
    expect(certificate.activities[0].title).toBe('第1200次劝导')
    expect(certificate.activities[1199].title).toBe('第1次劝导')
  }, 120000)

  it('when an activity with 1,200 sign-ups is cancelled, then every one of the 1,200 is told why, once', async () => {
    const id = await activity({ capacity: 1000 })
    const people = await crowd(id, 1200, 1000)
    await ok('volunteer', 'cancelActivity', { id, reason: '暴雨预警，活动取消' }, 'demo-organizer')
    expect(await activities(rt.deps.store).findOne({ _id: id })).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，活动取消' })
    const told = (await findAll(outbox(rt.deps.store), { createdAt: rt.clock.now().toISOString(), title: '活动已取消' }, { userId: 1 })).map((m) => m.userId)
    expect(told.sort()).toEqual(people.map((p) => p.userId).sort())
    expect(await signups(rt.deps.store).count({ activityId: id, status: 'cancelled' })).toBe(1200)
  }, 120000)
})

describe('checking in and counting hours', () => {
  async function onSite(id: string, who: string, lat = PLACE.lat, lng = PLACE.lng) {
    const { code } = codeAt(await volunteerRepository(rt.deps.store).secret(), id, rt.deps.clock.now())
    return rt.call('volunteer', 'checkIn', { id, code, lat, lng }, who)
  }

  it('when the code is current, then check-in works; a code from two windows ago (a forwarded screenshot) is refused', async () => {
    await register('demo-volunteer')
    const id = await activity({}, 1, 2)
    await ok('volunteer', 'signUp', { id }, 'demo-volunteer')
    rt.clock.advance(HOUR)
    const old = codeAt(await volunteerRepository(rt.deps.store).secret(), id, rt.deps.clock.now())
    rt.clock.advance(61000)
    expect(await rt.call('volunteer', 'checkIn', { id, code: old.code }, 'demo-volunteer')).toMatchObject({ status: 400, body: { issues: [{ field: 'code' }] } })
    expect((await signup(id, 'demo-volunteer'))?.checkInAt).toBeNull()
    const fresh = await ok('volunteer', 'code', { id }, 'demo-organizer')
    expect(fresh.qr).toMatch(/^data:image\/png;base64,/)
    await expect(ok('volunteer', 'checkIn', { id, code: `cwt-checkin:${id}:${fresh.code}` }, 'demo-volunteer')).resolves.toMatchObject({ checkInAt: expect.any(String) })
    expect(await rt.call('volunteer', 'checkIn', { id, code: fresh.code }, 'demo-volunteer')).toMatchObject({ status: 409, body: { message: '您已签到过了' } })
  })

  it('when the volunteer is outside the radius, then check-in is refused with the distance', async () => {
    await register('demo-volunteer')
    const id = await activity({}, 1, 2)
    await ok('volunteer', 'signUp', { id }, 'demo-volunteer')
    rt.clock.advance(HOUR)
    const res = await onSite(id, 'demo-volunteer', PLACE.lat + 0.01, PLACE.lng)
    expect(res.status).toBe(409)
    expect(res.body.message).toMatch(/^您距离活动地点约 1\d{3} 米/)
    expect((await onSite(id, 'demo-volunteer')).status).toBe(200)
  })

  it('when the roster is confirmed, then hours are capped at the schedule, under 60% counts nothing, no-shows are recorded, and a forgotten check-out closes at the end', async () => {
    for (const who of ['full', 'short', 'absent', 'forgot']) await register(who)
    const id = await activity({}, 1, 2) // 10:00–12:00
    for (const who of ['full', 'short', 'absent', 'forgot']) await ok('volunteer', 'signUp', { id }, who)
    rt.clock.advance(HOUR - 20 * 60000) // 09:40, early
    await onSite(id, 'full')
    rt.clock.advance(60 * 60000) // 10:40
    await onSite(id, 'forgot')
    rt.clock.advance(10 * 60000) // 10:50
    await onSite(id, 'short')
    rt.clock.advance(30 * 60000) // 11:20
    const { code } = codeAt(await volunteerRepository(rt.deps.store).secret(), id, rt.deps.clock.now())
    await ok('volunteer', 'checkOut', { id, code, lat: PLACE.lat, lng: PLACE.lng }, 'short')
    rt.clock.advance(2 * HOUR) // 13:20
    await ok('volunteer', 'checkOut', { id, code: codeAt(await volunteerRepository(rt.deps.store).secret(), id, rt.deps.clock.now()).code, lat: PLACE.lat, lng: PLACE.lng }, 'full').catch(() => undefined)
    rt.clock.advance(HOUR) // 14:20, check-out has closed
    await sweepVolunteers(rt.deps)
    expect(await signup(id, 'forgot')).toMatchObject({ autoCheckout: true })
    const roster = await ok('volunteer', 'confirmRoster', { id }, 'demo-organizer')
    const row = (who: string) => roster.rows.find((r: { userId: string }) => r.userId === userIdOf(who))
    expect(row('full')).toMatchObject({ attendance: 'present', hours: 2 })
    expect(row('short')).toMatchObject({ attendance: 'short', hours: 0 })
    expect(row('absent')).toMatchObject({ attendance: 'absent', hours: 0 })
    expect(row('forgot')).toMatchObject({ attendance: 'present', hours: 1.3, autoCheckout: true })
    expect(await serviceRecords(rt.deps.store).count({ activityId: id })).toBe(2)
    expect((await volunteers(rt.deps.store).findOne({ _id: userIdOf('full') }))?.hours).toBe(2)
    expect(await rt.call('volunteer', 'confirmRoster', { id }, 'demo-organizer')).toMatchObject({ status: 409 })
    expect((await volunteers(rt.deps.store).findOne({ _id: userIdOf('full') }))?.hours).toBe(2)
    const listed = (await ok('volunteer', 'organized', {}, 'demo-organizer')).items.find((c: { id: string }) => c.id === id)
    expect(listed.rosterConfirmedAt).toBe(roster.confirmedAt)

    const exported = await ok('volunteer', 'exportRoster', { id }, 'demo-organizer')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.app.inject({ method: 'GET', url: exported.url })).rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet('活动名单')!.getRow(3).values).toContain('出勤')
    expect(exported.rows).toBe(4)
  })

  it('when the office adds make-up hours, then they are kept apart from verified hours, with the reason', async () => {
    await register('demo-volunteer')
    const sent = requestId()
    const me = await ok('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 3.5, reason: '2026 年 10 月线下服务，纸质签到表补录' }, 'demo-admin', sent)
    // the page sent it twice (a retry after a lost answer): counted once
    expect(await ok('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 3.5, reason: '2026 年 10 月线下服务，纸质签到表补录' }, 'demo-admin', sent)).toEqual(me)
    expect(me).toMatchObject({ hours: 0, makeupHours: 3.5 })
    const records = await ok('volunteer', 'hours', {}, 'demo-volunteer')
    expect(records.items).toEqual([expect.objectContaining({ kind: 'makeup', hours: 3.5, reason: '2026 年 10 月线下服务，纸质签到表补录' })])
    expect(await rt.call('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 1, reason: '' }, 'demo-admin', requestId())).toMatchObject({ status: 400 })
  })

  it('when the office adds make-up hours or looks a phone up, then it sees masked phones only, needs the last 4 digits or the whole number, and is held to 20 phone searches an hour', async () => {
    await register('demo-volunteer')

    const added = await rt.call('volunteer', 'makeup', { userId: userIdOf('demo-volunteer'), hours: 1, reason: '纸质签到表补录' }, 'demo-admin', requestId())
    expect(added.body.data).toMatchObject({ userId: userIdOf('demo-volunteer'), phone: '138****5678', makeupHours: 1 })
    expect(JSON.stringify(added.body)).not.toContain('13812345678')

    // each extra digit in front of the shown four would reveal one hidden digit in ten tries
    for (const keyword of ['45678', '8', '345678']) {
      expect(await rt.call('volunteer', 'volunteers', { keyword }, 'demo-admin')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', issues: [{ field: 'keyword' }] } })
    }
    expect((await ok('volunteer', 'volunteers', { keyword: '13812345678' }, 'demo-admin')).total).toBe(1)
    for (let i = 1; i < 20; i++) expect((await rt.call('volunteer', 'volunteers', { keyword: String(1000 + i) }, 'demo-admin')).status).toBe(200)
    expect(await rt.call('volunteer', 'volunteers', { keyword: '5678' }, 'demo-admin')).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } })
    expect((await rt.call('volunteer', 'volunteers', { keyword: '李志' }, 'demo-admin')).status).toBe(200)
    rt.clock.advance(HOUR)
    expect((await ok('volunteer', 'volunteers', { keyword: '5678' }, 'demo-admin')).total).toBe(1)
  })

  it('when the office looks a volunteer up for make-up hours, then it finds them by real name, team or the phone’s last digits, with the phone masked', async () => {
    await register('demo-volunteer')
    rt.clock.advance(60_000)
    await ok('volunteer', 'register', { realName: '王芳', phone: '13900004321', team: '文昌社区志愿队', birthDate: '1980-02-02' }, 'demo-resident')
    const all = await ok('volunteer', 'volunteers', {}, 'demo-admin')
    expect(all.total).toBe(2)
    expect(all.items[0]).toMatchObject({ userId: userIdOf('demo-resident'), realName: '王芳', phone: '139****4321', team: '文昌社区志愿队', hours: 0 })
    expect((await ok('volunteer', 'volunteers', { keyword: '李志' }, 'demo-admin')).items.map((v: { realName: string }) => v.realName)).toEqual(['李志愿'])
    expect((await ok('volunteer', 'volunteers', { keyword: '文昌' }, 'demo-admin')).items.map((v: { realName: string }) => v.realName)).toEqual(['王芳'])
    expect((await ok('volunteer', 'volunteers', { keyword: '4321' }, 'demo-admin')).total).toBe(1)
    expect((await ok('volunteer', 'volunteers', { keyword: '.*' }, 'demo-admin')).total).toBe(0)
    expect(JSON.stringify(all)).not.toContain('13900004321')
    expect((await rt.call('volunteer', 'volunteers', {}, 'demo-organizer')).status).toBe(403)
  })
})

describe('my activities', () => {
  it('when an activity ends and its roster is confirmed, then it reads 已结束 then 已完成 to the volunteer and 已确认 to the organizer, upcoming listed first', async () => {
    await register('demo-volunteer')
    const past = await activity({}, 1, 2)
    const later = await activity({}, 72)
    const soon = await activity({}, 48)
    for (const id of [past, later, soon]) await ok('volunteer', 'signUp', { id }, 'demo-volunteer')
    rt.clock.advance(4 * HOUR)
    const listed = await ok('volunteer', 'mine', {}, 'demo-volunteer')
    expect(listed.items.map((c: { id: string; stage: string }) => [c.id, c.stage])).toEqual([[soon, 'published'], [later, 'published'], [past, 'ended']])
    expect((await ok('volunteer', 'mine', { page: 2, pageSize: 2 }, 'demo-volunteer')).items.map((c: { id: string }) => c.id)).toEqual([past])

    await ok('volunteer', 'confirmRoster', { id: past }, 'demo-organizer')
    expect((await ok('volunteer', 'mine', {}, 'demo-volunteer')).items[2]).toMatchObject({ id: past, stage: 'completed' })
    expect(await ok('volunteer', 'activity', { id: past }, 'demo-volunteer')).toMatchObject({ stage: 'completed' })
    expect((await ok('volunteer', 'organized', {}, 'demo-organizer')).items.find((c: { id: string }) => c.id === past)).toMatchObject({ stage: 'confirmed' })
    expect((await activities(rt.deps.store).findOne({ _id: past }))?.rosterConfirmedAt).not.toBeNull()
  })
})

describe('volunteer stars of the month', () => {
  it('when the office ranks a month, then candidates come by hours then activities; at least 10 are published after the notice period', async () => {
    const month = '2026-10'
    for (let i = 0; i < 12; i++) {
      await register(`s-${i}`)
      await monthly(rt.deps.store).insert({ _id: `${month}:${userIdOf(`s-${i}`)}`, userId: userIdOf(`s-${i}`), month, hours: 10 + (i % 4), activities: i })
    }
    const ranked = await ok('volunteer', 'starCandidates', { month }, 'demo-admin')
    expect(ranked.map((c: { hours: number; activities: number }) => [c.hours, c.activities]).slice(0, 4)).toEqual([[13, 11], [13, 7], [13, 3], [12, 10]])
    const ids = ranked.map((c: { userId: string }) => c.userId)
    expect(await rt.call('volunteer', 'publishStars', { month, userIds: ids.slice(0, 9) }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'userIds' }] } })
    await ok('volunteer', 'publishStars', { month, userIds: ids.slice(0, 10) }, 'demo-admin')
    expect(await rt.call('volunteer', 'finalizeStars', { month }, 'demo-admin')).toMatchObject({ status: 409 })
    rt.clock.advance(6 * 24 * HOUR)
    await expect(ok('volunteer', 'finalizeStars', { month }, 'demo-admin')).resolves.toMatchObject({ status: 'published' })
    const visible = await ok('volunteer', 'stars', {}, 'demo-resident')
    expect(visible[0]).toMatchObject({ month, status: 'published' })
    expect(visible[0].winners).toHaveLength(10)
    expect(JSON.stringify(visible)).not.toContain(userIdOf('s-0'))
  })

  it('when fewer than 10 volunteers qualify, then all of them must be chosen and the notice says so', async () => {
    const month = '2026-10'
    for (let i = 0; i < 3; i++) {
      await register(`f-${i}`)
      await monthly(rt.deps.store).insert({ _id: `${month}:${userIdOf(`f-${i}`)}`, userId: userIdOf(`f-${i}`), month, hours: 5 + i, activities: 1 })
    }
    const ids = (await ok('volunteer', 'starCandidates', { month }, 'demo-admin')).map((c: { userId: string }) => c.userId)
    expect(await rt.call('volunteer', 'publishStars', { month, userIds: ids.slice(0, 2) }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'userIds', message: expect.stringContaining('3 人') }] } })
    const note = '本月符合条件的志愿者仅 3 人，全部入选'
    await expect(ok('volunteer', 'publishStars', { month, userIds: ids }, 'demo-admin')).resolves.toMatchObject({ winners: expect.any(Array), note })
    expect(await stars(rt.deps.store).findOne({ _id: month })).toMatchObject({ status: 'notice', note })
    expect((await ok('volunteer', 'stars', {}, 'demo-resident'))[0]).toMatchObject({ month, note })
  })

  it('when the office publishes stars for a month not yet over, then it is refused and nothing is stored', async () => {
    const month = '2026-11'
    await register('f-0')
    await monthly(rt.deps.store).insert({ _id: `${month}:${userIdOf('f-0')}`, userId: userIdOf('f-0'), month, hours: 5, activities: 1 })
    expect(await rt.call('volunteer', 'publishStars', { month, userIds: [userIdOf('f-0')] }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'month', message: '2026年11月还没有结束，月底后再评选' }] } })
    expect(await stars(rt.deps.store).findOne({ _id: month })).toBeNull()
  })

  it('when a volunteer has no hours yet, then no certificate is issued and the message says how to earn one', async () => {
    await register('demo-volunteer')
    const res = await rt.call('volunteer', 'certificate', {}, 'demo-volunteer')
    expect(res).toMatchObject({ status: 409, body: { code: 'NO_HOURS', message: expect.stringContaining('组织者确认') } })
  })

  it('when a volunteer has verified hours, then the certificate names the city office as the department list calls it, and its number verifies', async () => {
    await register('demo-volunteer')
    const userId = userIdOf('demo-volunteer')
    await serviceRecords(rt.deps.store).insert({ _id: `a1:${userId}`, userId, activityId: 'a1', activityTitle: '文昌街路口劝导', hours: 2, kind: 'verified', reason: null, by: 'organizer', at: '2026-11-20T10:00:00+08:00', month: '2026-11' })
    await volunteers(rt.deps.store).update({ _id: userId }, { $set: { hours: 2, activities: 1 } })
    await ok('campaign' as 'volunteer', 'saveDepartment', { id: 'dept-wm', name: '曲靖市文明办', short: '文明办' }, 'demo-admin')

    const certificate = await ok('volunteer', 'certificate', {}, 'demo-volunteer')

    expect(certificate).toMatchObject({ name: '李志愿', hours: 2, issuer: '曲靖市文明办', activities: [{ title: '文昌街路口劝导', hours: 2 }] })
    expect(await ok('volunteer', 'verify', { no: certificate.no }, 'demo-resident')).toEqual({ valid: true, name: '李*愿', hours: 2, activities: 1 })
  })

  it('when anyone checks a certificate number, then a real one answers the masked name and hours', async () => {
    const me = await register('demo-volunteer')
    expect(await ok('volunteer', 'verify', { no: me.certificateNo }, 'demo-resident')).toEqual({ valid: true, name: '李*愿', hours: 0, activities: 0 })
    expect(await ok('volunteer', 'verify', { no: 'ZYFW-2026-00000000' }, 'demo-resident')).toMatchObject({ valid: false })
  })
})
