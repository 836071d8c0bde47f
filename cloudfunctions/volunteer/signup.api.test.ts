import { cutStore } from '../../test/support/cut-store'
import { requestId } from '../../test/support/reports'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { activities, counters, outbox, signups } from '../core/collections'
import { userIdOf } from '../core/identity'
import { STALE_MS } from '../core/moves'
import { sweepVolunteers } from './daily'
import type { NotedActivity, NotedSignup } from './moves'

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
  const res = await rt.call('volunteer', action as 'me', payload as Record<string, never>, openid, requestId())
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

describe('the line moving cut short: an offer lapsing, places added', () => {
  /** An activity a month off (no reminder falls in the test), its times counted from the clock. */
  function details(capacity: number) {
    const from = (h: number) => new Date(rt.clock.now().getTime() + h * HOUR).toISOString()
    return { title: '清洁家园', type: 'cleanup', description: '清理小区卫生死角', bring: '', place: { address: '文昌社区', lat: 25.5, lng: 103.79, radius: 300 }, startAt: from(30 * 24), endAt: from(30 * 24 + 2), capacity, signupDeadline: from(29 * 24), cancelDeadline: from(29 * 24), insurance: true }
  }

  /** One seat, held by `<tag>-seat`, and `<tag>-1` … `<tag>-n` in line. */
  async function lined(tag: string, n: number) {
    const line = Array.from({ length: n }, (_, i) => `${tag}-${i + 1}`)
    for (const who of [`${tag}-seat`, ...line]) await register(who)
    const { id } = await ok('create', details(1), 'demo-organizer')
    await ok('publish', { id }, 'demo-organizer')
    for (const who of [`${tag}-seat`, ...line]) await ok('signUp', { id }, who)
    return { id: id as string, line }
  }

  const statusOf = async (id: string, who: string) => (await signups(cut.truth).findOne({ activityId: id, userId: userIdOf(who) }))?.status
  const told = (who: string) => outbox(cut.truth).count({ userId: userIdOf(who), title: '候补递补：有名额了' })

  /** `<tag>-1`'s offer, made when the seat's holder cancelled, lapsed by the clock: the next sweep passes it on. */
  async function lapsing(tag: string) {
    const { id, line } = await lined(tag, 2)
    await ok('cancel', { id }, `${tag}-seat`)
    rt.clock.advance(13 * HOUR)
    return { id, line }
  }

  /** The lapsed offer passed once and the seat offered to the next, told once; then the next takes it, so no offer is left to lapse later. */
  async function expectPassedOn(id: string, [first, next]: string[]) {
    const all = await expectAgreed(id)
    expectOnce(all, [first], 'passed', '递补未在规定时间内确认')
    expect([await statusOf(id, next), await told(first), await told(next)]).toEqual(['offered', 1, 1])
    await ok('acceptOffer', { id }, next)
  }

  it('when the sweep is killed after any write of an offer lapsing, then the next sweep passes it on once, seats and line agreeing', async () => {
    const whole = await lapsing('whole')
    cut.cut(Infinity)
    await sweepVolunteers(rt.deps)
    const writes = cut.writes
    cut.revive()
    await expectPassedOn(whole.id, whole.line)
    expect(writes).toBeGreaterThan(3)
    for (let n = 1; n <= writes; n++) {
      const { id, line } = await lapsing(`cut-${n}`)
      cut.cut(n)
      await expect(sweepVolunteers(rt.deps)).rejects.toThrow('function killed')
      cut.revive()
      await expectPassedOn(id, line)
    }
  }, 240_000)

  /** One seat held and three in line; the organizer makes it three seats. */
  async function widening(tag: string) {
    const { id, line } = await lined(tag, 3)
    const widen = () => rt.call('volunteer', 'update', { id, ...details(3) }, 'demo-organizer')
    return { id, line, widen }
  }

  /** The two places added offered to the first two in line, each told once, the third still waiting; the activity noted nowhere. */
  async function expectWidened(id: string, line: string[]) {
    await expectAgreed(id)
    expect(await activities(cut.truth).findOne({ _id: id })).toMatchObject({ capacity: 3, taken: 3, waiting: 1 })
    expect(((await activities(cut.truth).findOne({ _id: id })) as NotedActivity).pending).toBeUndefined()
    const seen = []
    for (const who of line) seen.push([await statusOf(id, who), await told(who)])
    expect(seen).toEqual([['offered', 1], ['offered', 1], ['waitlisted', 0]])
  }

  it('when an edit adding places is killed after any of its writes, then saving again or the sweep offers them once', async () => {
    const whole = await widening('whole')
    cut.cut(Infinity)
    expect((await whole.widen()).status).toBe(200)
    const writes = cut.writes
    cut.revive()
    await expectWidened(whole.id, whole.line)
    for (let n = 1; n <= writes; n++) {
      for (const finisher of ['save', 'sweep']) {
        const { id, line, widen } = await widening(`cut-${n}-${finisher}`)
        cut.cut(n)
        expect((await widen()).status).toBe(500)
        cut.revive()
        rt.clock.advance(STALE_MS + 1000)
        if (finisher === 'save') expect(await widen()).toMatchObject({ status: 200, body: { data: { capacity: 3 } } })
        else await sweepVolunteers(rt.deps)
        // killed before its first write, that edit never happened: the organizer saves it now
        if (n === 1 && finisher === 'sweep') {
          expect(await activities(cut.truth).findOne({ _id: id })).toMatchObject({ capacity: 1, taken: 1, waiting: 3 })
          await widen()
        }
        await expectWidened(id, line)
      }
    }
  }, 300_000)

  it('when cancelling an activity is killed after any of its writes, then cancelling again or the sweep gives up every place, each told once, the home count right', async () => {
    const cancelOf = (id: string) => rt.call('volunteer', 'cancelActivity', { id, reason: '暴雨预警' }, 'demo-organizer')
    const heard = (who: string) => outbox(cut.truth).count({ userId: userIdOf(who), title: '活动已取消' })
    const whole = await lined('whole', 2)
    cut.cut(Infinity)
    expect((await cancelOf(whole.id)).status).toBe(200)
    const writes = cut.writes
    cut.revive()
    for (let n = 1; n <= writes; n++) {
      for (const finisher of ['again', 'sweep']) {
        const { id, line } = await lined(`cut-${n}-${finisher}`, 2)
        cut.cut(n)
        expect((await cancelOf(id)).status).toBe(500)
        cut.revive()
        rt.clock.advance(STALE_MS + 1000)
        if (finisher === 'again' || n === 1) expect(await cancelOf(id)).toMatchObject({ status: 200, body: { data: { status: 'cancelled' } } })
        await sweepVolunteers(rt.deps)
        const people = [`cut-${n}-${finisher}-seat`, ...line]
        const seen = []
        for (const who of people) seen.push([await statusOf(id, who), await heard(who)])
        expect({ n, finisher, seen }).toEqual({ n, finisher, seen: people.map(() => ['cancelled', 1]) })
        expect(((await activities(cut.truth).findOne({ _id: id })) as NotedActivity).pending).toBeUndefined()
      }
    }
    expect((await counters(cut.truth).findOne({ _id: 'activities' }))?.value).toBe(await activities(cut.truth).count({ status: 'published' }))
  }, 300_000)

  it('when a sign-up is killed inside its seat step, then the person looking at the activity five minutes later finds it placed', async () => {
    for (let n = 1; n <= 12; n++) await register(`cut-${n}`)
    await register('whole')
    const id = await activity(50)
    const people = await killed(id, signUp, 'whole', 'cut')
    const looks = []
    rt.clock.advance(STALE_MS + 1000)
    for (const who of people.slice(1)) looks.push((await ok('activity', { id }, who)).mySignup)
    expect(looks.map((s) => s.status)).toEqual(people.slice(1).map(() => 'confirmed'))
    expectOnce(await expectAgreed(id), people.slice(1), 'confirmed', '报名成功')
  }, 180_000)
})
