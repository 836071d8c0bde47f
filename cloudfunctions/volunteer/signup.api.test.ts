import { cutStore } from '../../test/support/cut-store'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { activities, outbox, signups } from '../core/collections'
import { userIdOf } from '../core/identity'
import { STALE_MS } from '../core/moves'
import { sweepVolunteers } from './daily'
import type { NotedSignup } from './moves'

let rt: TestRuntime
let cut: ReturnType<typeof cutStore>
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
  cut = cutStore(rt)
})
afterEach(() => rt.app.close())

const HOUR = 3600000
const T0 = Date.parse('2026-11-23T09:00:00+08:00')
const t = (h: number) => new Date(T0 + h * HOUR).toISOString()

async function ok(action: string, payload: object, openid: string) {
  const res = await rt.call('volunteer', action as 'me', payload as Record<string, never>, openid)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

const register = (who: string) => ok('register', { realName: '李志愿', phone: '13812345678', team: '南宁街道志愿服务队', birthDate: '1990-05-01' }, who)

async function activity(capacity: number) {
  const input = { title: '路口劝导', type: 'traffic', description: '劝导行人不闯红灯', bring: '', place: { address: '文昌街口', lat: 25.5, lng: 103.79, radius: 300 }, startAt: t(48), endAt: t(50), capacity, signupDeadline: t(24), cancelDeadline: t(24), insurance: true }
  const { id } = await ok('create', input, 'demo-organizer')
  await ok('publish', { id }, 'demo-organizer')
  return id as string
}

const signUp = (id: string, who: string) => rt.call('volunteer', 'signUp', { id }, who)
const cancel = (id: string, who: string) => rt.call('volunteer', 'cancel', { id }, who)
type Call = (id: string, who: string) => ReturnType<typeof signUp>

/** The writes of one whole call by `who` (after the calls that warm the activity up); then one person per cut, each killed before write n. */
async function killed(id: string, call: Call, whole: string, prefix: string) {
  cut.cut(Infinity)
  expect((await call(id, whole)).status).toBe(200)
  const people: string[] = []
  for (let n = 1; n <= cut.writes; n++) people.push(`${prefix}-${n}`)
  for (const [i, who] of people.entries()) {
    cut.cut(i + 1)
    expect(await call(id, who)).toMatchObject({ status: 500 })
    cut.revive()
  }
  return people
}

/** Nothing left noted, and the activity's seats and line are what its sign-ups hold. */
async function expectAgreed(id: string) {
  rt.clock.advance(STALE_MS + 1000)
  await sweepVolunteers(rt.deps)
  const all = (await signups(cut.truth).find({ activityId: id }, { limit: 1000 })) as NotedSignup[]
  expect(all.filter((s) => s.pending).map((s) => s.userId)).toEqual([])
  const seats = all.filter((s) => s.status === 'confirmed' || s.status === 'offered').length
  const line = all.filter((s) => s.status === 'waitlisted')
  expect(line.every((s) => s.ticket !== null)).toBe(true)
  expect(new Set(line.map((s) => s.ticket)).size).toBe(line.length)
  expect(await activities(cut.truth).findOne({ _id: id })).toMatchObject({ taken: seats, waiting: line.length })
  return all
}

/** Each person's sign-up moved to `to` once: one sign-up, in that status, its history saying so once. */
function expectOnce(all: NotedSignup[], people: string[], to: string, note: string) {
  for (const who of people) {
    const mine = all.filter((s) => s.userId === userIdOf(who))
    expect({ who, statuses: mine.map((s) => s.status), moves: mine[0].history.filter((h) => h.note?.startsWith(note)).length }).toEqual({ who, statuses: [to], moves: 1 })
  }
}

/** An activity of one seat, taken by `first`. */
async function full() {
  for (const who of ['first', 'whole']) await register(who)
  const id = await activity(1)
  expect((await signUp(id, 'first')).status).toBe(200)
  return id
}

describe('signing up cut short, as in CloudBase where the sign-up and its seat cannot share a transaction', () => {
  it('when a sign-up for a free seat is killed after any of its writes, then signing up again finishes it: one seat each, answered as confirmed', async () => {
    for (let n = 1; n <= 12; n++) await register(`cut-${n}`)
    await register('whole')
    const id = await activity(50)
    const people = await killed(id, signUp, 'whole', 'cut')
    const answers = []
    for (const who of people) answers.push(await signUp(id, who))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    // cut after the seat step began (its claim, its seat), the place is the sweep's to settle: until then, unplaced
    expect(answers.map((a) => a.body.data).filter((a) => a.status !== 'confirmed')).toEqual([{ ...answers[0].body.data, status: 'waitlisted', position: null }, { ...answers[0].body.data, status: 'waitlisted', position: null }])
    expectOnce(await expectAgreed(id), people, 'confirmed', '报名成功')
  }, 180_000)

  it('when a sign-up for a full activity is killed after any of its writes and nobody signs up again, then the sweep alone puts each one begun in line once', async () => {
    for (let n = 1; n <= 12; n++) await register(`cut-${n}`)
    const id = await full()
    const people = await killed(id, signUp, 'whole', 'cut')
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweepVolunteers(rt.deps)).finished).toBe(people.length - 1)
    // killed before its first write, that sign-up never happened: the person signs up now
    expect(await signUp(id, people[0])).toMatchObject({ status: 200, body: { data: { status: 'waitlisted' } } })
    expectOnce(await expectAgreed(id), people, 'waitlisted', '名额已满')
  }, 180_000)
})

describe('cancelling cut short', () => {
  /** `seats` people hold the seats, as many again wait in line; a cancellation offers its seat to the next. */
  async function fullWithLine(seats: number) {
    const holders = Array.from({ length: seats }, (_, i) => `seat-${i + 1}`)
    const line = Array.from({ length: seats }, (_, i) => `line-${i + 1}`)
    for (const who of [...holders, ...line]) await register(who)
    const id = await activity(seats)
    for (const who of [...holders, ...line]) expect((await signUp(id, who)).status).toBe(200)
    return { id, holders, line }
  }

  /** Each freed seat offered to one in line, each offer told once; nobody told of an offer they did not get. */
  async function expectOffersToldOnce(all: NotedSignup[], line: string[], freed: number) {
    const offered = all.filter((s) => s.status === 'offered').map((s) => s.userId)
    expect(offered).toHaveLength(freed)
    for (const who of line) {
      const told = await outbox(cut.truth).count({ userId: userIdOf(who), title: '候补递补：有名额了' })
      expect({ who, told }).toEqual({ who, told: offered.includes(userIdOf(who)) ? 1 : 0 })
    }
  }

  it('when a cancellation is killed after any of its writes, then cancelling again finishes it, answered as cancelled, its seat offered and told once', async () => {
    const { id, holders, line } = await fullWithLine(14)
    const people = await killed(id, (a, who) => cancel(a, who === 'whole' ? holders.at(-1)! : who), 'whole', 'seat')
    expect(people.length).toBeLessThan(holders.length)
    for (const who of people) expect(await cancel(id, who)).toMatchObject({ status: 200, body: { data: { status: 'cancelled' } } })
    const all = await expectAgreed(id)
    expectOnce(all, [holders.at(-1)!, ...people], 'cancelled', '本人取消')
    await expectOffersToldOnce(all, line, people.length + 1)
  }, 240_000)

  it('when a cancellation is killed after any of its writes and nobody cancels again, then the sweep alone finishes each one begun, its seat offered and told once', async () => {
    const { id, holders, line } = await fullWithLine(14)
    const people = await killed(id, (a, who) => cancel(a, who === 'whole' ? holders.at(-1)! : who), 'whole', 'seat')
    expect(people.length).toBeLessThan(holders.length)
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweepVolunteers(rt.deps)).finished).toBe(people.length - 1)
    // killed before its first write, that cancellation never happened: the person cancels now
    expect(await cancel(id, people[0])).toMatchObject({ status: 200, body: { data: { status: 'cancelled' } } })
    const all = await expectAgreed(id)
    expectOnce(all, [holders.at(-1)!, ...people], 'cancelled', '本人取消')
    await expectOffersToldOnce(all, line, people.length + 1)
  }, 240_000)
})
