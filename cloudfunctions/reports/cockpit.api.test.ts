import { WAITING_FILTERS, WEEK_FILTERS, type Cockpit, type LedgerFilter, type WeekFigures } from '../../types'
import { dayTallies, orderProposals, sweeps, users } from '../core/collections'
import { userIdOf } from '../core/identity'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { act, fileReport, photo, requestId } from '../../test/support/reports'
import { sweep } from './daily'
import { reportRepository } from './repository'

let rt: TestRuntime

const at = (beijing: string) => rt.clock.set(`${beijing}+08:00`)
const admin = 'demo-admin'
const handler = 'demo-handler' // 市城市管理局 (dept-cg)

async function file(name: string) {
  const { id } = await fileReport(rt)
  cases[name] = id
  return id
}
async function assign(name: string, deadlineDays: number, departmentId = 'dept-cg') {
  const id = await file(name)
  await act(rt, 'accept', { id }, admin)
  await act(rt, 'assign', { id, departmentId, deadlineDays }, admin)
  return id
}
async function onSpot(name: string) {
  const id = await file(name)
  await act(rt, 'accept', { id }, admin)
  await act(rt, 'fixOnSpot', { id, afterPhotos: [await photo(rt, admin)], note: '现场清理完毕' }, admin)
}
async function fix(name: string) {
  await act(rt, 'fix', { id: cases[name], afterPhotos: [await photo(rt, handler)], note: '已整改' }, handler)
}
async function close(name: string) {
  await fix(name)
  await act(rt, 'verify', { id: cases[name] }, admin)
}

let cases: Record<string, string>

/**
 * A fortnight, by hand. Last week (Mon 16 – Sun 22 Nov): A and B assigned Monday, due Wednesday the 18th; C fixed
 * on the spot Monday. Thursday the sweep marks A and B overdue; A is fixed and closed late the same day.
 * This week (Mon 23 – Sun 29): D due Tuesday, E due next Monday, F left untriaged, G fixed on the spot; Tuesday
 * the sweep proposes a 督办单 for B, 4 working days late, and B is closed; Wednesday H is assigned due Friday and its unit asks for more time, E is reported fixed, the sweep
 * marks D overdue and the office sends a 督办单 about D. Now: Wednesday 25 Nov, 10:00.
 */
async function fortnight() {
  cases = {}
  rt = await startRuntime({ at: '2026-11-16T09:00:00+08:00' })
  await assign('A', 2)
  await assign('B', 2)
  await onSpot('C')
  at('2026-11-19T10:00:00')
  await sweep(rt.deps)
  await close('A')

  at('2026-11-23T09:00:00')
  await assign('D', 1)
  await assign('E', 5)
  await file('F')
  await onSpot('G')
  at('2026-11-24T15:00:00')
  await sweep(rt.deps)
  await close('B')

  at('2026-11-25T09:00:00')
  await assign('H', 2)
  await act(rt, 'requestExtension', { id: cases.H, days: 3, reason: '需协调供电部门断电施工' }, handler)
  await fix('E')
  at('2026-11-25T10:00:00')
  await sweep(rt.deps)
  const order = await rt.call('reports', 'issueOrder', { departmentId: 'dept-cg', level: 'white', replyBy: '2026-11-27', text: '请立即整改并书面回复', caseIds: [cases.D] }, admin, requestId())
  expect(order.status).toBe(200)
}


const cockpitOf = async (openid: string) => {
  const res = await rt.call('reports', 'cockpit', {}, openid)
  expect(res.status).toBe(200)
  return res.body.data as Cockpit
}
const ledgerIds = async (filter: LedgerFilter) => {
  const res = await rt.call('reports', 'ledger', { ...filter, page: 1, pageSize: 50 }, admin)
  expect(res.status).toBe(200)
  return { ids: (res.body.data.items as { id: string }[]).map((c) => c.id).sort(), total: res.body.data.total as number }
}
const idsOf = (...names: string[]) => names.map((n) => cases[n]).sort()

describe('on a fortnight of cases', () => {
  // built once: the tests read it, or change it and put it back, except the last; some fifty calls, slow on a loaded machine
  beforeAll(fortnight, 240_000)
  afterAll(() => rt.app.close())

  describe('the office cockpit', () => {
    it('when the office opens it, then this week and last week show new, closed, missed deadlines and 整改率 as counted by hand', async () => {
      const { office, unit } = await cockpitOf(admin)
      expect(unit).toBeNull()
      expect(office?.lastWeek).toEqual({ from: '2026-11-16', to: '2026-11-22', filed: 3, closed: 2, overdue: 2, fixRate: 100 })
      // filed D E F G H; assigned or on the spot: D E G H, fixed: E G
      expect(office?.thisWeek).toEqual({ from: '2026-11-23', to: '2026-11-29', filed: 5, closed: 2, overdue: 1, fixRate: 50 })
    })

    it('when the office opens it, then what waits on it is counted: F to triage, E to verify, H asking for time, the sweep’s open proposals', async () => {
      const { office } = await cockpitOf(admin)
      const proposals = await orderProposals(rt.deps.store).count({ state: 'open' })
      expect(proposals).toBeGreaterThan(0)
      expect(office?.waiting).toEqual({ triage: 1, verify: 1, extensions: 1, proposals })
    })

    it('when the office opens it, then the trend holds 12 weeks ending this one, empty before the fortnight', async () => {
      const { office } = await cockpitOf(admin)
      expect(office?.trend).toHaveLength(12)
      expect(office?.trend[0]).toEqual({ from: '2026-09-07', to: '2026-09-13', filed: 0, closed: 0 })
      expect(office?.trend.slice(-2)).toEqual([
        { from: '2026-11-16', to: '2026-11-22', filed: 3, closed: 2 },
        { from: '2026-11-23', to: '2026-11-29', filed: 5, closed: 2 }
      ])
      expect(office?.trend.slice(0, 10).every((w) => w.filed === 0 && w.closed === 0)).toBe(true)
    })

    it.each([
      ['lastWeek', 'filed', ['A', 'B', 'C']],
      ['lastWeek', 'closed', ['A', 'C']],
      ['lastWeek', 'overdue', ['A', 'B']],
      ['thisWeek', 'filed', ['D', 'E', 'F', 'G', 'H']],
      ['thisWeek', 'closed', ['B', 'G']],
      ['thisWeek', 'overdue', ['D']]
    ] as const)('when %s’s %s figure is tapped, then the ledger answers exactly those cases', async (week, figure, names) => {
      const { office } = await cockpitOf(admin)
      const shown = office![week] as WeekFigures
      const ledger = await ledgerIds(WEEK_FILTERS[figure](shown))
      expect(ledger.ids).toEqual(idsOf(...names))
      expect(ledger.total).toBe(shown[figure])
      const stats = await rt.call('reports', 'stats', WEEK_FILTERS[figure](shown), admin)
      expect(stats.body.data.total).toBe(shown[figure])
    })

    it('when 整改率 is tapped, then the ledger of the week’s cases shows the same rate', async () => {
      const { office } = await cockpitOf(admin)
      const stats = await rt.call('reports', 'stats', WEEK_FILTERS.fixRate(office!.thisWeek), admin)
      expect(stats.body.data.fixRate).toBe(office!.thisWeek.fixRate)
    })

    it.each([
      ['triage', ['F']],
      ['verify', ['E']],
      ['extensions', ['H']]
    ] as const)('when the %s count is tapped, then the ledger answers exactly those cases', async (what, names) => {
      const { office } = await cockpitOf(admin)
      const ledger = await ledgerIds(WAITING_FILTERS[what])
      expect(ledger.ids).toEqual(idsOf(...names))
      expect(ledger.total).toBe(office!.waiting[what])
    })

    it('when the day tallies are lost and rebuilt from the cases, then the cockpit answers the same', async () => {
      const before = await cockpitOf(admin)
      await dayTallies(rt.deps.store).remove({}, { multi: true })
      await reportRepository(rt.deps.store).repairTallies(rt.clock.now(), { now: true })
      expect((await cockpitOf(admin)).office).toEqual(before.office)
    })

    it('when tallies were kept before the closing and due families existed, then the next sweep rebuilds them at once', async () => {
      const before = await cockpitOf(admin)
      await dayTallies(rt.deps.store).remove({ family: { $in: ['closed', 'due'] } }, { multi: true })
      await sweeps(rt.deps.store).update({ _id: 'tallies' }, { $unset: { families: true } })
      expect((await cockpitOf(admin)).office?.thisWeek.closed).toBe(0)
      at('2026-11-25T11:00:00')
      await sweep(rt.deps)
      expect((await cockpitOf(admin)).office).toEqual(before.office)
    })
  })

  describe('a unit’s cockpit', () => {
    it('when the unit’s handler opens it, then it shows the unit’s open cases, the late among them, those due this week and the orders to answer', async () => {
      const { office, unit } = await cockpitOf(handler)
      expect(office).toBeNull()
      // with the unit: D (late) and H (due Friday, asking for time); E waits on the office, the rest are closed
      expect(unit).toEqual({ department: { id: 'dept-cg', name: '市城市管理局' }, open: 2, overdue: 1, dueThisWeek: 1, orders: 1, week: { from: '2026-11-23', to: '2026-11-29' } })
    })

    it('when another unit’s handler opens it, then it shows their unit, with nothing of 城管’s', async () => {
      const at = rt.clock.now().toISOString()
      await insertAll(rt.deps.store, users(rt.deps.store), [{ _id: userIdOf('zj-handler'), openid: 'zj-handler', nickname: '住建钱科长', roles: ['resident', 'handler'], departmentId: 'dept-zj', createdAt: at, updatedAt: at, history: [] }])
      const { unit } = await cockpitOf('zj-handler')
      expect(unit).toMatchObject({ department: { id: 'dept-zj' }, open: 0, overdue: 0, dueThisWeek: 0, orders: 0 })
    })
  })

  describe('who may open a cockpit', () => {
    it.each(['demo-resident', 'demo-volunteer', 'demo-organizer'])('when %s asks, then it is refused', async (openid) => {
      expect(await rt.call('reports', 'cockpit', {}, openid)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    })

    it('when a handler asks for the office’s ledger behind a figure, then it is refused', async () => {
      expect(await rt.call('reports', 'ledger', { overdue: true, dueFrom: '2026-11-23', dueTo: '2026-11-29', page: 1, pageSize: 20 }, handler)).toMatchObject({ status: 403 })
    })

    it('when a closing range runs backwards, then the ledger answers 400 naming the field', async () => {
      const res = await rt.call('reports', 'ledger', { closedFrom: '2026-11-29', closedTo: '2026-11-23', page: 1, pageSize: 20 }, admin)
      expect(res.status).toBe(400)
      expect(res.body.issues).toEqual([{ field: 'closedTo', message: '结案结束日期不能早于开始日期' }])
    })
  })

  describe('a closing undone', () => {
    it('when a closing is undone by the reporter, then the case leaves the week’s closed figure and its ledger', async () => {
      await rt.call('reports', 'confirm', { id: cases.G, resolved: false, reason: '路边又堆满了垃圾' }, 'demo-resident')
      const { office } = await cockpitOf(admin)
      expect(office?.thisWeek.closed).toBe(1)
      expect((await ledgerIds(WEEK_FILTERS.closed(office!.thisWeek))).ids).toEqual(idsOf('B'))
    })
  })
})
