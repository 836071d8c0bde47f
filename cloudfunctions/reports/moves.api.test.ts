import { OPEN_REPORT_STATUSES } from '../../types/domain'
import { counters, outbox, points, reports, users } from '../core/collections'
import { userIdOf } from '../core/identity'
import { STALE_MS } from '../core/moves'
import { cutStore } from '../../test/support/cut-store'
import { act, fileReport, photo } from '../../test/support/reports'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { sweep } from './daily'
import { ACCEPT_POINTS } from './moves'
import { ledgerQuery, reportRepository, type StoredReport } from './repository'
import { CASE_FIGURES } from './tallies'

let rt: TestRuntime
let cut: ReturnType<typeof cutStore>
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
  cut = cutStore(rt)
})
afterEach(() => rt.app.close())

const accept = (id: string) => rt.call('reports', 'accept', { id }, 'demo-admin')

/** How many writes a whole accept makes on the one-by-one path (the day's tallies made by a first one): each is a place a crash can fall after. */
async function writesOfAccept() {
  for (const openid of ['first', 'whole']) {
    const { id } = await fileReport(rt, openid)
    cut.cut(Infinity)
    expect((await accept(id)).status).toBe(200)
  }
  return cut.writes
}

/** Files a case per cut (each by its own resident, whose balance is then this case's alone) and kills its accept before write n. */
async function killedAccepts(writes: number) {
  const ids: string[] = []
  for (let n = 1; n <= writes; n++) {
    const { id } = await fileReport(rt, `cut-${n}`)
    cut.cut(n)
    expect(await accept(id)).toMatchObject({ status: 500, body: { code: 'INTERNAL' } })
    cut.revive()
    ids.push(id)
  }
  return ids
}

/**
 * Every accepted case once in points, balance and notices; and once the sweep has been past (a move cut while
 * counting waits for its recount), no note left, the counters and the day tallies as the cases say.
 */
async function expectAgreed(ids: string[]) {
  const store = cut.truth
  for (const [i, id] of ids.entries()) {
    const reporter = userIdOf(`cut-${i + 1}`)
    const accepted = (await reports(store).findOne({ _id: id }))!.status === 'accepted' ? 1 : 0
    expect({ n: i + 1, entries: await points(store).count({ userId: reporter }) }).toEqual({ n: i + 1, entries: accepted })
    expect({ n: i + 1, balance: (await users(store).findOne({ _id: reporter }))!.points ?? 0 }).toEqual({ n: i + 1, balance: accepted * ACCEPT_POINTS })
    expect({ n: i + 1, told: await outbox(store).count({ userId: reporter, title: '随手拍已受理' }) }).toEqual({ n: i + 1, told: accepted })
  }
  rt.clock.advance(STALE_MS + 1000)
  await sweep(rt.deps)
  for (const [i, id] of ids.entries()) {
    const report = (await reports(store).findOne({ _id: id })) as StoredReport
    expect({ n: i + 1, pending: report.pending ?? null }).toEqual({ n: i + 1, pending: null })
  }
  const value = async (key: string) => (await counters(store).findOne({ _id: key as 'reports' }))!.value
  expect(await value('reportsOpen')).toBe(await reports(store).count({ status: { $in: [...OPEN_REPORT_STATUSES] } }))
  expect(await reportRepository(store).stats({})).toEqual(await reports(store).tally(ledgerQuery({}), CASE_FIGURES))
}

const assign = (id: string) => rt.call('reports', 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
const verify = (id: string) => rt.call('reports', 'verify', { id }, 'demo-admin')

/** A case `openid` filed, accepted. */
async function accepted(openid: string) {
  const { id } = await fileReport(rt, openid)
  await act(rt, 'accept', { id }, 'demo-admin')
  return id
}

/** A case `openid` filed, that another resident reported too (and follows), fixed by the department. */
async function fixed(openid: string) {
  const { id, no } = await fileReport(rt, openid)
  const again = await fileReport(rt, `${openid}-too`)
  await act(rt, 'markDuplicate', { id: again.id, duplicateOf: no }, 'demo-admin')
  await act(rt, 'accept', { id }, 'demo-admin')
  await act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
  await act(rt, 'start', { id }, 'demo-handler')
  await act(rt, 'fix', { id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
  return id
}

/** Cases made ready, one per resident; the writes of a whole `send`; then one case per cut, its move killed before write n. */
async function killedMoves(ready: (openid: string) => Promise<string>, send: (id: string) => ReturnType<typeof accept>) {
  for (const openid of ['first', 'whole']) {
    const id = await ready(openid)
    cut.cut(Infinity)
    expect((await send(id)).status).toBe(200)
  }
  const writes = cut.writes
  const ids: string[] = []
  for (let n = 1; n <= writes; n++) {
    const id = await ready(`cut-${n}`)
    cut.cut(n)
    expect(await send(id)).toMatchObject({ status: 500 })
    cut.revive()
    ids.push(id)
  }
  return ids
}

/**
 * Each case moved to `status` told once to its reporter (`reporterTitle`) and once to `others` (a title, who,
 * given the resident who filed the case, and the page the notice opens); none told of a case not moved.
 */
async function expectToldOnce(ids: string[], status: string, reporterTitle: string, others: { title: string; who: (openid: string) => string; page: string }) {
  const store = cut.truth
  for (const [i, id] of ids.entries()) {
    const openid = `cut-${i + 1}`
    const moved = (await reports(store).findOne({ _id: id }))!.status === status ? 1 : 0
    const told = await outbox(store).count({ userId: userIdOf(openid), title: reporterTitle })
    const heard = await outbox(store).count({ userId: userIdOf(others.who(openid)), title: others.title, page: `${others.page}?id=${id}` })
    expect({ n: i + 1, told, heard }).toEqual({ n: i + 1, told: moved, heard: moved })
  }
}

describe('a move cut short, as in CloudBase where its writes cannot share a transaction', () => {
  it('when an accept is killed after any of its writes, then its retry finishes it exactly once instead of answering 409', async () => {
    const ids = await killedAccepts(await writesOfAccept())
    for (const id of ids) expect(await accept(id)).toMatchObject({ status: 200, body: { data: { status: 'accepted' } } })
    await expectAgreed(ids)
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'accepted' })).toBe(ids.length)
  }, 120_000)

  it('when an accept is killed after any of its writes and nobody retries, then the sweep finishes each one begun, exactly once', async () => {
    const ids = await killedAccepts(await writesOfAccept())
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweep(rt.deps)).finished).toBe(ids.length - 1)
    await expectAgreed(ids)
    // killed before its first write, an accept never happened; after it, the sweep made the rest
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'submitted' })).toBe(1)
  }, 120_000)

  it('when an assign is killed after any of its writes, then its retry tells the reporter and the department each once', async () => {
    const ids = await killedMoves(accepted, assign)
    for (const id of ids) expect(await assign(id)).toMatchObject({ status: 200, body: { data: { status: 'assigned' } } })
    await expectToldOnce(ids, 'assigned', '问题已交办', { title: '新交办问题', who: () => 'demo-handler', page: '/packages/staff/case/index' })
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'assigned' })).toBe(ids.length)
  }, 180_000)

  it('when an assign is killed after any of its writes and nobody retries, then the sweep tells the reporter and the department of each one begun, once', async () => {
    const ids = await killedMoves(accepted, assign)
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweep(rt.deps)).finished).toBe(ids.length - 1)
    await expectToldOnce(ids, 'assigned', '问题已交办', { title: '新交办问题', who: () => 'demo-handler', page: '/packages/staff/case/index' })
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'assigned' })).toBe(ids.length - 1)
  }, 180_000)

  it('when a verify is killed after any of its writes, then its retry tells the reporter and the follower each once', async () => {
    const ids = await killedMoves(fixed, verify)
    for (const id of ids) expect(await verify(id)).toMatchObject({ status: 200, body: { data: { status: 'closed' } } })
    await expectToldOnce(ids, 'closed', '问题已整改完毕', { title: '您关注的问题已办结', who: (openid) => `${openid}-too`, page: '/packages/report/detail/index' })
  }, 240_000)

  it('when a verify is killed after any of its writes and nobody retries, then the sweep tells the reporter and the follower of each one begun, once', async () => {
    const ids = await killedMoves(fixed, verify)
    rt.clock.advance(STALE_MS + 1000)
    expect((await sweep(rt.deps)).finished).toBe(ids.length - 1)
    await expectToldOnce(ids, 'closed', '问题已整改完毕', { title: '您关注的问题已办结', who: (openid) => `${openid}-too`, page: '/packages/report/detail/index' })
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'closed' })).toBe(ids.length - 1)
  }, 240_000)

  it('when marking a duplicate is killed after any of its writes, then its retry or the sweep makes the reporter follow the original once, told once', async () => {
    const originals = new Map<string, string>()
    /** `openid`'s report of a problem `<openid>-first` reported before. */
    const twice = async (openid: string) => {
      const first = await fileReport(rt, `${openid}-first`)
      const { id } = await fileReport(rt, openid)
      originals.set(id, first.id)
      return id
    }
    const mark = (id: string) => rt.call('reports', 'markDuplicate', { id, duplicateOf: originals.get(id)! }, 'demo-admin')
    const ids = await killedMoves(twice, mark)
    // the odd ones are sent again (the first, killed before its first write, among them), the even ones left to the sweep
    for (const [i, id] of ids.entries()) if (i % 2 === 0) expect(await mark(id)).toMatchObject({ status: 200, body: { data: { status: 'duplicate' } } })
    rt.clock.advance(STALE_MS + 1000)
    await sweep(rt.deps)
    for (const [i, id] of ids.entries()) {
      const openid = `cut-${i + 1}`
      const original = (await reports(cut.truth).findOne({ _id: originals.get(id)! }))!
      const moved = (await reports(cut.truth).findOne({ _id: id }))!.status === 'duplicate' ? 1 : 0
      const told = await outbox(cut.truth).count({ userId: userIdOf(openid), title: '问题已并入原问题办理' })
      expect({ n: i + 1, follows: original.followers.filter((f) => f === userIdOf(openid)).length, told }).toEqual({ n: i + 1, follows: moved, told: moved })
    }
    expect(await reports(cut.truth).count({ _id: { $in: ids }, status: 'duplicate' })).toBe(ids.length)
  }, 180_000)

  it('when a finished accept is sent again, then it answers 409 and awards nothing more', async () => {
    const { id } = await fileReport(rt, 'cut-1')
    expect((await accept(id)).status).toBe(200)
    expect(await accept(id)).toMatchObject({ status: 409 })
    expect((await users(cut.truth).findOne({ _id: userIdOf('cut-1') }))!.points).toBe(ACCEPT_POINTS)
  })
})
