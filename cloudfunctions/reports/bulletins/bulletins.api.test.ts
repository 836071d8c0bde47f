import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { activities, bulletins, bulletinYears, outbox, quizTallies, quizzes, rankings, reports, settings, signups, stars, users } from '../../core/collections'
import { DEFAULT_ASSESSMENT_WEIGHTS, monthPeriod, type RankingRow } from '../../../types/bulletins'
import { userIdOf } from '../../core/identity'
import { insertAll, startRuntime, type TestRuntime } from '../../../test/support/runtime'
import { act, fileReport, photo, requestId } from '../../../test/support/reports'
import { sweep } from '../daily'
import { liveRanking } from './figures'

/** A fortnight of cases through the API takes seconds, many more on a loaded machine. */
const LONG = 120_000

let rt: TestRuntime
beforeEach(async () => {
  // Monday 2026-11-09, 08:00 Beijing: the first day of the fortnight.
  rt = await startRuntime({ at: '2026-11-09T08:00:00+08:00' })
  const at = rt.clock.now().toISOString()
  const handler = (openid: string, nickname: string, departmentId: string) => ({ _id: userIdOf(openid), openid, nickname, roles: ['resident' as const, 'handler' as const], departmentId, createdAt: at, updatedAt: at, history: [] })
  await insertAll(rt.deps.store, users(rt.deps.store), [handler('zj-handler', '住建钱科长', 'dept-zj'), handler('sw-handler', '水务孙科长', 'dept-sw')])
})
afterEach(() => rt.app.close())

async function ok<T = any>(res: Promise<{ status: number; body: any }>): Promise<T> {
  const { status, body } = await res
  if (status !== 200) throw new Error(`refused: ${JSON.stringify(body)}`)
  return body.data
}

const HANDLERS: Record<string, string> = { 'dept-cg': 'demo-handler', 'dept-zj': 'zj-handler', 'dept-sw': 'sw-handler' }
const at = (beijing: string) => rt.clock.set(`${beijing}+08:00`)

/** Files a case at `when`, accepted and assigned to `unit` with `days` working days (due at the end of the last). */
async function assigned(when: string, unit: string, days: number) {
  at(when)
  const { id } = await fileReport(rt)
  await act(rt, 'accept', { id }, 'demo-admin')
  await act(rt, 'assign', { id, departmentId: unit, deadlineDays: days }, 'demo-admin')
  return id
}
async function fixed(id: string, unit: string, when: string) {
  at(when)
  await act(rt, 'fix', { id, afterPhotos: [await photo(rt, HANDLERS[unit])], note: '已整改完毕' }, HANDLERS[unit])
}
async function closed(id: string, unit: string, when: string) {
  await fixed(id, unit, when)
  await act(rt, 'verify', { id }, 'demo-admin')
}
async function confirmed(id: string, when: string, answer: Record<string, unknown>) {
  at(when)
  await act(rt, 'confirm', { id, ...answer }, 'demo-resident')
}
async function order(unit: string, caseId: string, level: string, when: string) {
  at(when)
  return ok(rt.call('reports', 'issueOrder', { departmentId: unit, caseIds: [caseId], level, replyBy: '2026-11-27', text: '请立即整改并书面回复' }, 'demo-admin', requestId()))
}

/**
 * Two weeks across 城管局 (cg), 住建局 (zj) and 水务局 (sw). Every case is 井盖破损/缺失 (due 1 working day after a
 * reopening). The week under test runs Monday 11-16 to Sunday 11-22.
 */
async function fortnight() {
  // week 1: A1 never fixed; A2 fixed in time, then reported 未解决 in week 2 and left open (due again 11-17)
  const A1 = await assigned('2026-11-09T10:00:00', 'dept-cg', 2) // due 11-11
  const A2 = await assigned('2026-11-10T10:00:00', 'dept-cg', 2) // due 11-12
  await closed(A2, 'dept-cg', '2026-11-11T10:00:00')
  await confirmed(A2, '2026-11-16T10:00:00', { resolved: false, reason: '井盖还是松的' })

  // week 2, 城管局: C1 fixed on time and rated 5; C2 fixed late; C3 fixed on the spot; a 督查 with one failed point fixed on the spot
  const C1 = await assigned('2026-11-16T09:00:00', 'dept-cg', 2) // due 11-18
  const C2 = await assigned('2026-11-16T11:00:00', 'dept-cg', 1) // due 11-17
  await closed(C1, 'dept-cg', '2026-11-17T10:00:00')
  at('2026-11-17T10:00:00')
  const { id: C3 } = await fileReport(rt)
  await act(rt, 'accept', { id: C3 }, 'demo-admin')
  await act(rt, 'fixOnSpot', { id: C3, afterPhotos: [await photo(rt, 'demo-admin')], note: '当场复位井盖' }, 'demo-admin')
  await confirmed(C1, '2026-11-18T09:00:00', { resolved: true, rating: 5 })
  const I1 = await inspection('2026-11-18')
  await closed(C2, 'dept-cg', '2026-11-19T10:00:00')

  // 住建局: Z1 left overdue under a white order; Z2 not yet due; Z3 fixed on its last day and rated 3
  const Z1 = await assigned('2026-11-17T09:00:00', 'dept-zj', 2) // due 11-19
  const Z2 = await assigned('2026-11-18T09:00:00', 'dept-zj', 3) // due 11-23
  const Z3 = await assigned('2026-11-18T10:00:00', 'dept-zj', 2) // due 11-20
  await closed(Z3, 'dept-zj', '2026-11-20T09:00:00')
  const white = await order('dept-zj', Z1, 'white', '2026-11-20T10:00:00')
  await confirmed(Z3, '2026-11-21T10:00:00', { resolved: true, rating: 3 })

  // 水务局: S1 due 11-20, under a red order, fixed only after the week (Monday 08:00)
  const S1 = await assigned('2026-11-19T09:00:00', 'dept-sw', 1) // due 11-20
  const red = await order('dept-sw', S1, 'red', '2026-11-21T10:00:00')
  await fixed(S1, 'dept-sw', '2026-11-23T08:00:00')

  // a resident's report nobody has triaged yet: the city's, no unit's
  at('2026-11-22T10:00:00')
  const { id: S2 } = await fileReport(rt)

  at('2026-11-23T09:00:00')
  return { A1, A2, C1, C2, C3, I1, Z1, Z2, Z3, S1, S2, white: white.id as string, red: red.id as string }
}

/** A round at 南宁北路公交站 (passes) and 文昌街公交站 (its first item fails, fixed on the spot), both 城管局's. */
async function inspection(day: string) {
  at(`${day}T09:00:00`)
  const round = await ok(rt.call('reports', 'planRound', { title: '第47周督查', kind: '日常督查', day, leader: '刘主任', inspectorIds: [userIdOf('demo-inspector')], pointIds: ['point-15', 'point-16'] }, 'demo-admin', requestId()))
  const marks = async (pointId: string, failFirst: boolean) => {
    const sheet = await ok(rt.call('reports', 'checklist', { roundId: round.id, pointId }, 'demo-inspector'))
    return Promise.all(
      sheet.checklist.map(async (item: { id: string }, i: number) =>
        failFirst && i === 0
          ? { itemId: item.id, pass: false, note: '站台贴满小广告', photos: [await photo(rt, 'demo-inspector')], onSpot: true, afterPhotos: [await photo(rt, 'demo-inspector')] }
          : { itemId: item.id, pass: true, photos: [] }
      )
    )
  }
  at(`${day}T10:00:00`)
  await ok(rt.call('reports', 'visit', { roundId: round.id, pointId: 'point-15', marks: await marks('point-15', false) }, 'demo-inspector', requestId()))
  at(`${day}T11:00:00`)
  const failed = await ok(rt.call('reports', 'visit', { roundId: round.id, pointId: 'point-16', marks: await marks('point-16', true) }, 'demo-inspector', requestId()))
  return failed.marks[0].caseId as string
}

const create = (payload: Record<string, unknown>, openid = 'demo-admin', rid = requestId()) => rt.call('reports', 'createBulletin', payload, openid, rid)
const storedBulletins = () => bulletins(rt.deps.store).find({}, { limit: 100 })
const NONE = { white: 0, yellow: 0, red: 0 }

describe('the weekly bulletin', () => {
  it('when the office creates last week’s bulletin, then every column, the 红黑榜 and the overdue list are as counted by hand', async () => {
    const c = await fortnight()
    const b = await ok(create({ kind: 'week', start: '2026-11-16' }))

    expect(b).toMatchObject({ no: '2026年第1期', kind: 'week', start: '2026-11-16', end: '2026-11-22', title: '2026年11月16日—11月22日', status: 'draft', preface: '', mine: null })
    const f = b.figures
    // 9 filed (S2 untriaged); 交办 = 立行立改 C3, I1 + 限期整改 C1, C2, Z1–Z3, S1; fixed by Sunday C1, C2, C3, I1, Z3
    expect(f.overall).toEqual({
      newCases: 9,
      bySource: { 随手拍: 8, 网格巡查: 0, 督查: 1 },
      assigned: 8,
      onSpot: 2,
      byDeadline: 6,
      fixed: 5,
      fixRate: 62.5,
      onTimeRate: 80, // C2 was late
      overdue: 4, // A1, A2, Z1, S1 (fixed only on Monday)
      avgDaysToFix: 1.2, // C1 1, C2 3, C3 0, I1 0, Z3 2
      rating: 4, // C1 5, Z3 3
      unresolvedRate: 33.3, // A2 of three answers
      orders: { white: 1, yellow: 0, red: 1 },
      inspection: { inspected: 2, passed: 1, passRate: 50 }
    })
    const row = (id: string) => f.units.find((u: { department: { id: string } }) => u.department.id === id)
    expect(f.units.map((u: { department: { id: string }; score: number; rank: number }) => [u.department.id, u.score, u.rank])).toEqual([
      ['dept-cg', 94, 1],
      ['dept-zj', 92, 2],
      ['dept-sw', 88, 3]
    ])
    // C3, fixed on the spot by the office itself, is the city's and no unit's
    expect(row('dept-cg')).toMatchObject({
      department: { id: 'dept-cg', name: '市城市管理局' },
      newCases: 3,
      bySource: { 随手拍: 2, 网格巡查: 0, 督查: 1 },
      assigned: 3,
      onSpot: 1,
      byDeadline: 2,
      fixed: 3,
      fixRate: 100,
      onTimeRate: 66.7,
      overdue: 2,
      avgDaysToFix: 1.3,
      rating: 5,
      unresolvedRate: 50,
      orders: NONE,
      inspection: { inspected: 2, passed: 1, passRate: 50 },
      remark: null
    })
    // 100 − 3 late (A1, A2, C2) × 2 − 1 failed point × 2 − 1 未解决 × 3 + 整改率 100% capped at +5
    expect(row('dept-cg').deductions).toEqual([
      { reason: 'overdue', label: '超期案件 3 件 × −2 = −6', count: 3, points: -6, caseIds: expect.arrayContaining([c.A1, c.A2, c.C2]), orderIds: [] },
      { reason: 'failedPoint', label: expect.any(String), count: 1, points: -2, caseIds: [c.I1], orderIds: [] },
      { reason: 'unresolved', label: expect.any(String), count: 1, points: -3, caseIds: [c.A2], orderIds: [] },
      { reason: 'fixRate', label: expect.stringContaining('整改率 100%'), count: 100, points: 5, caseIds: [], orderIds: [] }
    ])
    expect(row('dept-zj')).toMatchObject({
      newCases: 3, assigned: 3, onSpot: 0, byDeadline: 3, fixed: 1, fixRate: 33.3, onTimeRate: 100, overdue: 1, avgDaysToFix: 2, rating: 3, unresolvedRate: 0,
      orders: { white: 1, yellow: 0, red: 0 }, inspection: { inspected: 0, passed: 0, passRate: null }
    })
    expect(row('dept-zj').deductions.map((d: { reason: string; points: number }) => [d.reason, d.points])).toEqual([['overdue', -2], ['white', -1], ['fixRate', -5]])
    expect(row('dept-zj').deductions[1].orderIds).toEqual([c.white])
    expect(row('dept-sw')).toMatchObject({ newCases: 1, assigned: 1, fixed: 0, fixRate: 0, onTimeRate: null, overdue: 1, avgDaysToFix: null, rating: null, unresolvedRate: null, orders: { white: 0, yellow: 0, red: 1 } })
    expect(row('dept-sw').deductions.map((d: { reason: string; points: number }) => [d.reason, d.points])).toEqual([['overdue', -2], ['red', -5], ['fixRate', -5]])

    // three units: one on each board; 水务局 is on the 黑榜 for its red order too
    expect(f.red).toEqual([{ department: { id: 'dept-cg', name: '市城市管理局' }, score: 94, rank: 1, reason: '得分 94，第 1 名' }])
    expect(f.black).toEqual([{ department: { id: 'dept-sw', name: '市水务局' }, score: 88, rank: 3, reason: '红色督办单 1 件，得分 88' }])

    // overdue at Sunday's end, longest first, with days from the deadline's day to 11-22
    expect(f.overdueCases.map((o: { id: string; daysOverdue: number; department: { id: string } }) => [o.id, o.department.id, o.daysOverdue])).toEqual([
      [c.A1, 'dept-cg', 11],
      [c.A2, 'dept-cg', 5],
      [c.Z1, 'dept-zj', 3],
      [c.S1, 'dept-sw', 2]
    ])
    expect(b.photoUrls[c.A1]).toEqual(expect.stringContaining('/files/'))
    expect(f.volunteer).toEqual({ activities: 0, attendances: 0, hours: 0, stars: null })
    expect(f.weights).toMatchObject({ base: 100, overdue: 2 })

    const [stored] = await storedBulletins()
    expect(stored).toMatchObject({ _id: b.id, period: 'week:2026-11-16', no: '2026年第1期', status: 'draft', createdBy: userIdOf('demo-admin') })
    expect(stored.figures).toEqual(f)
  }, LONG)

  it('when the office writes, publishes, and a case closes later, then the bulletin stays as published and each unit is told once', async () => {
    const c = await fortnight()
    const { id } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    await ok(rt.call('reports', 'saveBulletin', { id, preface: '上周全市共受理问题 9 件。\n请各单位抓紧整改。', remarks: { 'dept-sw': '请水务局限期整改超期问题' } }, 'demo-admin'))
    // a draft is the office's: units do not see it
    expect(await rt.call('reports', 'bulletin', { id }, 'demo-handler')).toMatchObject({ status: 404 })
    expect((await ok(rt.call('reports', 'bulletins', {}, 'demo-handler'))).total).toBe(0)

    const published = await ok(rt.call('reports', 'publishBulletin', { id }, 'demo-admin'))
    expect(published).toMatchObject({ status: 'published', preface: '上周全市共受理问题 9 件。\n请各单位抓紧整改。' })
    expect(published.figures.units.find((u: { department: { id: string } }) => u.department.id === 'dept-sw').remark).toBe('请水务局限期整改超期问题')

    at('2026-11-24T10:00:00')
    await closed(c.Z1, 'dept-zj', '2026-11-24T10:00:00')
    await act(rt, 'verify', { id: c.S1 }, 'demo-admin')
    expect(await rt.call('reports', 'saveBulletin', { id, preface: '改一改', remarks: {} }, 'demo-admin')).toMatchObject({ status: 409 })
    expect(await rt.call('reports', 'refillBulletin', { id }, 'demo-admin')).toMatchObject({ status: 409 })
    await ok(rt.call('reports', 'publishBulletin', { id }, 'demo-admin'))

    const seen = await ok(rt.call('reports', 'bulletin', { id }, 'zj-handler'))
    expect(seen.figures).toEqual(published.figures)
    expect(seen).toMatchObject({ mine: 'dept-zj', status: 'published' })
    expect(seen.figures.overall.overdue).toBe(4)
    expect((await ok(rt.call('reports', 'bulletins', {}, 'zj-handler'))).items.map((i: { id: string }) => i.id)).toEqual([id])
    expect((await storedBulletins())[0].figures).toEqual(published.figures)
    for (const handler of ['demo-handler', 'zj-handler', 'sw-handler']) {
      expect(await outbox(rt.deps.store).count({ userId: userIdOf(handler), title: '通报 2026年第1期' })).toBe(1)
    }
  }, LONG)

  it('when a draft is refilled after a case closed late, then its figures follow the data as of the period’s end, not today', async () => {
    const c = await fortnight()
    const { id, figures } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    await act(rt, 'verify', { id: c.S1 }, 'demo-admin')
    await closed(c.Z1, 'dept-zj', '2026-11-23T11:00:00')
    const refilled = await ok(rt.call('reports', 'refillBulletin', { id }, 'demo-admin'))
    expect({ ...refilled.figures, filledAt: null }).toEqual({ ...figures, filledAt: null })
  }, LONG)
})

describe('volunteers and quizzes', () => {
  it('when volunteers served and a quiz ran in the week, then the bulletin shows its activities, 人次, hours, the month’s stars and the 知晓率', async () => {
    const store = rt.deps.store
    const activity = (id: string, startAt: string, status: string) => ({ _id: id, title: '文明交通劝导', startAt, status }) as never
    // two held in the week, one cancelled, one the week after
    await insertAll(store, activities(store), [activity('a1', '2026-11-17T01:00:00.000Z', 'published'), activity('a2', '2026-11-21T01:00:00.000Z', 'published'), activity('a3', '2026-11-18T01:00:00.000Z', 'cancelled'), activity('a4', '2026-11-24T01:00:00.000Z', 'published')])
    const signup = (activityId: string, user: string, hours: number | null) => ({ _id: `${activityId}:${user}`, activityId, userId: user, status: 'confirmed', hours }) as never
    await insertAll(store, signups(store), [signup('a1', 'u1', 2.5), signup('a1', 'u2', 2), signup('a2', 'u1', 3), signup('a2', 'u3', null), signup('a4', 'u1', 4)])
    await insertAll(store, stars(store), [{ _id: '2026-11', status: 'published', winners: [{ userId: 'u1', nickname: '李志愿', team: '城区志愿队', hours: 12, activities: 4 }], noticeUntil: '2026-11-20T00:00:00.000Z', publishedAt: '2026-11-20T00:00:00.000Z', note: null }])
    await insertAll(store, quizzes(store), [{ _id: 'q1', title: '创文应知应会答题', opensAt: '2026-11-10T00:00:00.000Z' } as never, { _id: 'q2', title: '下周的答题', opensAt: '2026-11-25T00:00:00.000Z' } as never])
    await insertAll(store, quizTallies(store), [{ _id: 'q1:all:all', quizId: 'q1', scope: 'all', key: 'all', participants: 40, passed: 34, scoreSum: 3400, answered: 0, right: 0 }])

    at('2026-11-23T09:00:00')
    const { figures } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    expect(figures.volunteer).toEqual({ activities: 2, attendances: 3, hours: 7.5, stars: { month: '2026-11', names: ['李志愿'] } })
    expect(figures.quiz).toEqual({ quiz: { id: 'q1', title: '创文应知应会答题' }, participants: 40, passed: 34, rate: 85 })
    expect((await storedBulletins())[0].figures.volunteer.hours).toBe(7.5)
  }, LONG)
})

describe('numbering', () => {
  it('when ten weeks are created at once, and one twice, then they take 第1–10期 without a gap and the twice-asked week is refused', async () => {
    at('2026-11-23T09:00:00')
    const weeks = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10))
    const answers = await Promise.all([...weeks, weeks[3]].map((start) => create({ kind: 'week', start })))
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(10).fill(200), 409])
    expect(answers.find((a) => a.status === 409)!.body.message).toContain('已经生成')
    const numbers = answers.filter((a) => a.status === 200).map((a) => a.body.data.seq as number)
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect((await storedBulletins()).map((b) => b.no).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `2026年第${i + 1}期`).sort())
    expect(await bulletinYears(rt.deps.store).findOne({ _id: '2026' })).toEqual({ _id: '2026', value: 10 })
  }, LONG)

  it('when the same request is sent again, then it answers the same draft and takes no second number', async () => {
    at('2026-11-23T09:00:00')
    const first = await ok(create({ kind: 'week', start: '2026-11-16' }, 'demo-admin', 'same-bulletin'))
    const again = await ok(create({ kind: 'week', start: '2026-11-16' }, 'demo-admin', 'same-bulletin'))
    expect(again.id).toBe(first.id)
    expect(await storedBulletins()).toHaveLength(1)
    expect((await bulletinYears(rt.deps.store).findOne({ _id: '2026' }))?.value).toBe(1)
  })
})

describe('the monthly assessment', () => {
  it('when November’s bulletin is published and the weights change, then November keeps its frozen scores and December is scored by the new weights', async () => {
    const c = await fortnight()
    at('2026-12-01T09:00:00')
    // before publishing, the ranking is November's figures as of its end
    const live = await ok(rt.call('reports', 'ranking', { month: '2026-11' }, 'demo-handler'))
    expect(live.frozen).toBe(false)
    // sw: S1 late (−2), red (−5), 整改率 100% (+5); zj: Z1, Z2 late (−4), white (−1), 33.3% (−5); cg: A1, A2, C2 late (−6), point (−2), 未解决 (−3), 3 of 5 fixed (−5)
    expect(live.rows.map((r: { department: { id: string }; score: number; rank: number }) => [r.department.id, r.score, r.rank])).toEqual([
      ['dept-sw', 98, 1],
      ['dept-zj', 90, 2],
      ['dept-cg', 84, 3]
    ])
    const zj = live.rows.find((r: { department: { id: string } }) => r.department.id === 'dept-zj')
    expect(zj.deductions.find((d: { reason: string }) => d.reason === 'overdue')).toMatchObject({ count: 2, points: -4, caseIds: expect.arrayContaining([c.Z1, c.Z2]) })
    expect(zj.deductions.find((d: { reason: string }) => d.reason === 'white')).toMatchObject({ count: 1, points: -1, orderIds: [c.white] })

    const { id } = await ok(create({ kind: 'month', start: '2026-11-01' }))
    await ok(rt.call('reports', 'publishBulletin', { id }, 'demo-admin'))
    const frozen = await ok(rt.call('reports', 'ranking', { month: '2026-11' }, 'demo-admin'))
    expect(frozen).toMatchObject({ month: '2026-11', frozen: true })
    expect(frozen.rows.map((r: { score: number }) => r.score)).toEqual([98, 90, 84])
    expect(await rankings(rt.deps.store).findOne({ _id: '2026-11' })).toMatchObject({ frozen: true, rows: [{ department: { id: 'dept-sw' }, score: 98 }, {}, {}] })

    await ok(rt.call('campaign', 'setAssessmentWeights', { ...frozen.rows[0].weights, overdue: 10 }, 'demo-admin'))
    // December is running: its overdue cases are those the hourly sweep has marked
    await sweep(rt.deps)
    // a late case counts again in December while it stays open: A1, A2 for cg; Z1, Z2 for zj
    const december = await ok(rt.call('reports', 'ranking', {}, 'demo-admin'))
    expect(december).toMatchObject({ month: '2026-12', frozen: false })
    expect(december.rows.map((r: { department: { id: string }; score: number; rank: number }) => [r.department.id, r.score, r.rank])).toEqual([
      ['dept-cg', 80, 1],
      ['dept-zj', 80, 1]
    ])
    const november = await ok(rt.call('reports', 'ranking', { month: '2026-11' }, 'demo-admin'))
    expect(november.rows).toEqual(frozen.rows)
    expect(november.rows[0].weights.overdue).toBe(2)

    // a unit's history: November as frozen, December so far
    const history = await ok(rt.call('reports', 'unitHistory', {}, 'zj-handler'))
    expect(history.map((h: { month: string; score: number; rank: number; of: number; frozen: boolean }) => [h.month, h.score, h.rank, h.of, h.frozen])).toEqual([
      ['2026-12', 80, 1, 2, false],
      ['2026-11', 90, 2, 3, true]
    ])
    expect(await rt.call('reports', 'unitHistory', { departmentId: 'dept-cg' }, 'zj-handler')).toMatchObject({ status: 403 })
    expect((await ok(rt.call('reports', 'unitHistory', { departmentId: 'dept-cg' }, 'demo-admin')))[1]).toMatchObject({ month: '2026-11', score: 84, rank: 3 })
  }, LONG)
})

describe('the month so far', () => {
  it('when the month is still running, then its ranking is scored as the case-by-case figures score it, with the overdue cases counted', async () => {
    const c = await fortnight()
    await sweep(rt.deps)
    const soFar = await ok(rt.call('reports', 'ranking', {}, 'demo-admin'))
    expect(soFar).toMatchObject({ month: '2026-11', frozen: false, asOf: rt.clock.now().toISOString() })
    const exact = await liveRanking(rt.deps, monthPeriod('2026-11'), rt.clock.now().toISOString(), DEFAULT_ASSESSMENT_WEIGHTS)
    const terms = (rows: RankingRow[]) => rows.map((r) => [r.department.id, r.score, r.rank, r.deductions.map((d) => [d.reason, d.count, d.points, d.orderIds])])
    expect(terms(soFar.rows)).toEqual(terms(exact))
    // 住建局: Z1 ran late (Z2 falls due tonight); counted now, listed once November is frozen
    const zj = soFar.rows.find((r: RankingRow) => r.department.id === 'dept-zj')
    expect(zj.deductions.find((d: { reason: string }) => d.reason === 'overdue')).toMatchObject({ count: 1, points: -2, caseIds: [] })
    expect(exact.find((r) => r.department.id === 'dept-zj')!.deductions.find((d) => d.reason === 'overdue')!.caseIds).toEqual([c.Z1])
  }, LONG)
})

describe('files', () => {
  it('when the bulletin is exported, then the .docx and the .xlsx read back its numbers', async () => {
    await fortnight()
    const { id } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    await ok(rt.call('reports', 'saveBulletin', { id, preface: '现将上周创文工作情况通报如下。', remarks: {} }, 'demo-admin'))

    const docx = await ok(rt.call('reports', 'exportBulletin', { id, format: 'docx' }, 'demo-admin'))
    const xml = await (await JSZip.loadAsync((await rt.deps.files.get(docx.fileId))!.content)).file('word/document.xml')!.async('string')
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])
    expect(texts).toEqual(expect.arrayContaining(['创建全国文明城市工作周通报', '2026年第1期', '现将上周创文工作情况通报如下。']))
    const cg = texts.indexOf('市城市管理局')
    // 责任单位, 新增, 随手拍, 网格巡查, 督查, 交办, 立行立改, 限期整改, 已整改, 整改率, 按期整改率, 超期, 平均整改工作日, 群众评价, 未解决占比, 白, 黄, 红, 督查点位, 达标率, 得分, 排名
    expect(texts.slice(cg, cg + 22)).toEqual(['市城市管理局', '3', '2', '0', '1', '3', '1', '2', '3', '100%', '66.7%', '2', '1.3', '5', '50%', '0', '0', '0', '2', '50%', '94', '1'])
    expect(texts).toEqual(expect.arrayContaining(['红榜：市城市管理局（得分 94，第 1 名）', '黑榜：市水务局（红色督办单 1 件，得分 88）']))
    expect(texts.filter((t) => t === '11')).not.toHaveLength(0)

    const xlsx = await ok(rt.call('reports', 'exportBulletin', { id, format: 'xlsx' }, 'demo-admin'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.deps.files.get(xlsx.fileId))!.content as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('各单位')!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(3).slice(0, 12)).toEqual(['全市', 9, 8, 0, 1, 8, 2, 6, 5, 62.5, 80, 4])
    expect(values(4)).toEqual(['市城市管理局', 3, 2, 0, 1, 3, 1, 2, 3, 100, 66.7, 2, 1.3, 5, 50, 0, 0, 0, 2, 50, 94, 1])
    expect(values(6)[0]).toBe('市水务局')
    expect((book.getWorksheet('超期问题')!.getRow(2).values as unknown[]).slice(-1)).toEqual([11])
    // a unit cannot take a draft's file
    expect(await rt.call('reports', 'exportBulletin', { id, format: 'docx' }, 'demo-handler')).toMatchObject({ status: 404 })
  }, LONG)
})

describe('refusals', () => {
  it('when a handler tries to create or publish, then it is refused and nothing changes', async () => {
    at('2026-11-23T09:00:00')
    expect(await create({ kind: 'week', start: '2026-11-16' }, 'demo-handler')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    expect(await storedBulletins()).toHaveLength(0)
    const { id } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    expect(await rt.call('reports', 'publishBulletin', { id }, 'demo-handler')).toMatchObject({ status: 403 })
    expect(await rt.call('reports', 'saveBulletin', { id, preface: '我来写', remarks: {} }, 'demo-handler')).toMatchObject({ status: 403 })
    expect((await storedBulletins())[0]).toMatchObject({ status: 'draft', preface: '', publishedAt: null })
    expect(await outbox(rt.deps.store).count({ title: '通报 2026年第1期' })).toBe(0)
  })

  it.each([
    ['a week not starting on Monday', { kind: 'week', start: '2026-11-17' }, 'start', '周通报须从星期一开始'],
    ['a month not starting on its first day', { kind: 'month', start: '2026-11-02' }, 'start', '月通报须从当月 1 日开始'],
    ['no real date', { kind: 'week', start: '2026-02-30' }, 'start', '请选择通报期间的开始日期'],
    ['an unknown kind', { kind: 'year', start: '2026-01-01' }, 'kind', '请选择通报类型'],
    ['a week not yet over', { kind: 'week', start: '2026-11-23' }, 'start', '尚未结束，结束后才能生成通报']
  ])('when the period is %s, then it answers 400 in Chinese naming the field and stores nothing', async (_, payload, field, message) => {
    at('2026-11-23T09:00:00')
    const res = await create(payload)
    expect(res.status).toBe(400)
    expect(res.body.issues).toEqual([{ field, message: expect.stringContaining(message) }])
    expect(res.body.message).toContain(message)
    expect(await storedBulletins()).toHaveLength(0)
    expect(await bulletinYears(rt.deps.store).count({})).toBe(0)
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it('when a remark names a unit not in the bulletin, then it is refused and the draft is unchanged', async () => {
    await fortnight()
    const { id } = await ok(create({ kind: 'week', start: '2026-11-16' }))
    const res = await rt.call('reports', 'saveBulletin', { id, preface: '前言', remarks: { 'dept-yl': '园林中心表现不错' } }, 'demo-admin')
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'remarks', message: '单位 dept-yl 不在本期通报中，不能点评' }] } })
    expect((await storedBulletins())[0].preface).toBe('')
  }, LONG)
})

describe('the weights setting (考核权重)', () => {
  it('when nothing was saved, then settings show the defaults; when the office saves, then they are stored and shown', async () => {
    expect((await ok(rt.call('campaign', 'settings', {}, 'demo-admin'))).assessmentWeights).toEqual(DEFAULT_ASSESSMENT_WEIGHTS)
    const weights = { ...DEFAULT_ASSESSMENT_WEIGHTS, overdue: 3, fixRatePerPoint: 0.2 }
    expect(await ok(rt.call('campaign', 'setAssessmentWeights', weights, 'demo-admin'))).toEqual(weights)
    expect(await settings(rt.deps.store).findOne({ _id: 'assessmentWeights' })).toEqual({ _id: 'assessmentWeights', ...weights })
    expect((await ok(rt.call('campaign', 'settings', {}, 'demo-admin'))).assessmentWeights).toEqual(weights)
  })

  it.each([
    ['a negative weight', { overdue: -1 }, 'overdue', '每件超期案件扣分不能为负数'],
    ['a target above 100%', { fixRateTarget: 120 }, 'fixRateTarget', '整改率目标（%）最多 100'],
    ['no base', { base: undefined }, 'base', '请填写基础分']
  ])('when the office saves %s, then it answers 400 naming the field and stores nothing', async (_, change, field, message) => {
    const res = await rt.call('campaign', 'setAssessmentWeights', { ...DEFAULT_ASSESSMENT_WEIGHTS, ...change }, 'demo-admin')
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field, message }] } })
    expect(await settings(rt.deps.store).findOne({ _id: 'assessmentWeights' })).toBeNull()
  })

  it('when a handler saves weights, then it is refused and nothing is stored', async () => {
    expect(await rt.call('campaign', 'setAssessmentWeights', DEFAULT_ASSESSMENT_WEIGHTS, 'demo-handler')).toMatchObject({ status: 403 })
    expect(await settings(rt.deps.store).findOne({ _id: 'assessmentWeights' })).toBeNull()
  })
})
