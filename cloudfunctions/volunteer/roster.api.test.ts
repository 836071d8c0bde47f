import { cutStore } from '../../test/support/cut-store'
import { requestId } from '../../test/support/reports'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { activities, monthly, serviceRecords, signups, volunteers } from '../core/collections'
import { userIdOf } from '../core/identity'
import { STALE_MS } from '../core/moves'
import { sweepVolunteers } from './daily'
import type { NotedActivity } from './moves'
import { newSignup } from './rules'

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
const PEOPLE = ['v-1', 'v-2']
const ACTIVITIES = 20

async function ok(action: string, payload: object, openid: string) {
  const res = await rt.call('volunteer', action as 'me', payload as Record<string, never>, openid, requestId())
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

/** Activities of 10:00–12:00 where both people were on site the whole time; the clock then past their end. */
async function attendedActivities() {
  for (const who of PEOPLE) await ok('register', { realName: '李志愿', phone: '13812345678', team: '南宁街道志愿服务队', birthDate: '1990-05-01' }, who)
  const ids: string[] = []
  for (let i = 0; i < ACTIVITIES; i++) {
    const input = { title: `路口劝导 ${i + 1}`, type: 'traffic', description: '劝导行人不闯红灯', bring: '', place: { address: '文昌街口', lat: 25.5, lng: 103.79, radius: 300 }, startAt: t(1), endAt: t(3), capacity: 30, signupDeadline: t(0.5), cancelDeadline: t(0.25), insurance: true }
    const { id } = await ok('create', input, 'demo-organizer')
    await ok('publish', { id }, 'demo-organizer')
    const activity = (await activities(cut.truth).findOne({ _id: id }))!
    // on site the whole time: set straight in the store, as the check-in tests walk it through the code
    for (const who of PEOPLE) await signups(cut.truth).insert({ ...newSignup(activity, userIdOf(who), null, t(0), []), checkInAt: t(1), checkOutAt: t(3) })
    ids.push(id)
  }
  rt.clock.set(t(4))
  return ids
}

const confirm = (id: string) => rt.call('volunteer', 'confirmRoster', { id }, 'demo-organizer')

/** Confirms two rosters whole, the second's writes (the first makes each person's month) counted; then one per cut, killed before write n. */
async function killedConfirms(ids: string[]) {
  for (const id of ids.slice(0, 2)) {
    cut.cut(Infinity)
    expect((await confirm(id)).status).toBe(200)
  }
  const writes = cut.writes
  expect(writes + 2).toBeLessThanOrEqual(ids.length)
  const killed = ids.slice(2, 2 + writes)
  for (const [i, id] of killed.entries()) {
    cut.cut(i + 1)
    expect(await confirm(id)).toMatchObject({ status: 500 })
    cut.revive()
  }
  return [...ids.slice(0, 2), ...killed]
}

/** Two hours a confirmed roster, once each: the sign-ups, the service records, each person's hours and month. */
async function expectCountedOnce(ids: string[]) {
  rt.clock.advance(STALE_MS + 1000)
  await sweepVolunteers(rt.deps)
  const store = cut.truth
  const left = (await activities(store).find({ _id: { $in: ids } }, { limit: ids.length })) as NotedActivity[]
  expect(left.filter((a) => a.pending || !a.rosterConfirmedAt).map((a) => a._id)).toEqual([])
  expect(await signups(store).count({ activityId: { $in: ids }, attendance: 'present', hours: 2 })).toBe(ids.length * PEOPLE.length)
  for (const who of PEOPLE) {
    const userId = userIdOf(who)
    expect(await serviceRecords(store).count({ userId, activityId: { $in: ids } })).toBe(ids.length)
    expect(await volunteers(store).findOne({ _id: userId })).toMatchObject({ hours: 2 * ids.length, activities: ids.length })
    expect(await monthly(store).findOne({ _id: `2026-11:${userId}` })).toMatchObject({ hours: 2 * ids.length, activities: ids.length })
  }
}

describe('confirming a roster cut short, as in CloudBase where its writes cannot share a transaction', () => {
  it('when a confirmation is killed after any of its writes, then confirming again finishes it, each hour counted once', async () => {
    const ids = await killedConfirms(await attendedActivities())
    for (const id of ids.slice(2)) expect(await confirm(id)).toMatchObject({ status: 200, body: { data: { confirmedAt: expect.any(String) } } })
    await expectCountedOnce(ids)
  }, 120_000)

  it('when a confirmation is killed after any of its writes and nobody confirms again, then the sweep finishes each one begun, each hour counted once', async () => {
    const ids = await killedConfirms(await attendedActivities())
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweepVolunteers(rt.deps)).finished).toBe(ids.length - 3)
    // killed before its first write, the confirmation never happened: the organizer confirms it now
    expect((await confirm(ids[2])).status).toBe(200)
    await expectCountedOnce(ids)
  }, 120_000)
})
