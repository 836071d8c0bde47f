import ExcelJS from 'exceljs'
import { categories, counters, outbox, pointTypes, reports, rounds, visits } from '../../core/collections'
import { userIdOf } from '../../core/identity'
import { XLSX } from '../../core/expiring'
import { insertAll, startRuntime, type TestRuntime } from '../../../test/support/runtime'
import { inspectionRepository } from './repository'
import { photo, requestId } from '../../../test/support/reports'
import { pushing } from '../../../test/support/subscribe'

let rt: TestRuntime
beforeEach(async () => {
  // Monday 2026-11-23, 09:00 Beijing.
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const INSPECTOR = userIdOf('demo-inspector')
/** 南宁北路公交站 and 文昌街公交站: 公交站台, with 市城市管理局. */
const BUS_STOP = 'point-15'
const OTHER_STOP = 'point-16'
const counter = async (key: string) => (await counters(rt.deps.store).findOne({ _id: key as 'reports' }))!.value

async function ok<T = any>(res: Promise<{ status: number; body: any }>): Promise<T> {
  const { status, body } = await res
  if (status !== 200) throw new Error(`refused: ${JSON.stringify(body)}`)
  return body.data
}

const plan = (pointIds: string[] = [], day = '2026-11-23') =>
  ok(rt.call('reports', 'planRound', { title: '11月第4周暗访', kind: '暗访', day, leader: '刘主任', inspectorIds: [INSPECTOR], pointIds }, 'demo-admin', requestId()))

/** Every item of the point passes but those named: failed with a photo, or fixed on the spot with an after photo too. */
async function marksFor(roundId: string, pointId: string, failed: string[] = [], onSpot: string[] = []) {
  const sheet = await ok(rt.call('reports', 'checklist', { roundId, pointId }, 'demo-inspector'))
  return Promise.all(
    sheet.checklist.map(async (item: { id: string }) => {
      const fails = failed.includes(item.id) || onSpot.includes(item.id)
      if (!fails) return { itemId: item.id, pass: true, photos: [] }
      const spot = onSpot.includes(item.id)
      return { itemId: item.id, pass: false, note: '站台广告栏贴满小广告', photos: [await photo(rt, 'demo-inspector')], ...(spot ? { onSpot: true, afterPhotos: [await photo(rt, 'demo-inspector')] } : {}) }
    })
  )
}

const inspect = async (roundId: string, pointId: string, failed: string[] = [], onSpot: string[] = [], rid = requestId()) =>
  ok(rt.call('reports', 'visit', { roundId, pointId, marks: await marksFor(roundId, pointId, failed, onSpot) }, 'demo-inspector', rid))

describe('drawing points at random', () => {
  it('when the office draws twice by type, then each draw is recorded as drawn and no point falls twice in the round', async () => {
    const round = await plan()
    await ok(rt.call('reports', 'drawPoints', { id: round.id, count: 2, typeId: 'pt-06' }, 'demo-admin'))
    const drawn = await ok(rt.call('reports', 'drawPoints', { id: round.id, count: 1, typeId: 'pt-06' }, 'demo-admin'))

    const stored = (await rounds(rt.deps.store).findOne({ _id: round.id }))!
    expect(stored.draws.map((d) => d.picked.length)).toEqual([2, 1])
    expect(stored.draws[0]).toMatchObject({ count: 2, typeId: 'pt-06', gridId: null, by: userIdOf('demo-admin') })
    expect(stored.pointIds).toEqual(stored.draws.flatMap((d) => d.picked))
    expect(new Set(stored.pointIds)).toEqual(new Set(['point-15', 'point-16', 'point-17']))
    expect(drawn.points.map((p: { id: string }) => p.id)).toEqual(stored.pointIds)
  })

  it('when many draws fill a round, then every active point is drawn once and a draw past what is left is refused and changes nothing', async () => {
    const round = await plan()
    for (let i = 0; i < 6; i++) await ok(rt.call('reports', 'drawPoints', { id: round.id, count: 5 }, 'demo-admin'))
    const full = (await rounds(rt.deps.store).findOne({ _id: round.id }))!
    expect(full.pointIds).toHaveLength(30)
    expect(new Set(full.pointIds).size).toBe(30)

    const res = await rt.call('reports', 'drawPoints', { id: round.id, count: 1 }, 'demo-admin')
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('没有符合条件且尚未抽到的点位')
    expect((await rounds(rt.deps.store).findOne({ _id: round.id }))!.draws).toHaveLength(6)
  })

  it('when a grid holds fewer points than asked, then the draw is refused naming how many are left', async () => {
    const round = await plan()
    const res = await rt.call('reports', 'drawPoints', { id: round.id, count: 20, gridId: 'grid-1' }, 'demo-admin')
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/只有 \d+ 个/)
    expect((await rounds(rt.deps.store).findOne({ _id: round.id }))!.pointIds).toEqual([])
  })
})

describe('planning a round', () => {
  it('when the office plans a round, then each inspector is told its day once, without its points, and WeChat pushes it under the inspectors\' template', async () => {
    const pushed = pushing(rt, { 'staff.round.planned': 'TPL-round' })
    const rid = requestId()
    const send = () => ok(rt.call('reports', 'planRound', { title: '11月第4周暗访', kind: '暗访', day: '2026-11-25', leader: '刘主任', inspectorIds: [INSPECTOR], pointIds: [BUS_STOP] }, 'demo-admin', rid))
    await send()
    await send()
    expect(await outbox(rt.deps.store).find({ userId: INSPECTOR }, { limit: 10 })).toMatchObject([{ template: 'staff.round.planned', title: '督查任务：2026-11-25', body: '「11月第4周暗访」（暗访），当天在今日督查查看点位', page: '/packages/inspect/today/index' }])
    expect(pushed).toMatchObject([{ touser: 'demo-inspector', templateId: 'TPL-round', data: { thing1: { value: '督查任务：2026-11-25' }, thing2: { value: '「11月第4周暗访」（暗访），当天在今…' } } }])
  })
})

describe('a visit', () => {
  it('when the same visit is sent twice with one requestId, then there is one visit and one set of cases', async () => {
    const round = await plan([BUS_STOP])
    const marks = await marksFor(round.id, BUS_STOP, ['pt-06-1'], ['pt-06-5'])
    const rid = requestId()
    const first = await ok(rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks }, 'demo-inspector', rid))
    const again = await ok(rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks }, 'demo-inspector', rid))

    expect(again._id).toBe(first._id)
    expect(first).toMatchObject({ verdict: '未达标', kind: '督查', latest: true })
    expect(await visits(rt.deps.store).count({})).toBe(1)
    expect(await reports(rt.deps.store).count({ source: '督查' })).toBe(2)
    expect(await counter('reports')).toBe(2)
    expect(await counter('reportsOpen')).toBe(1)
    expect(await counter('reportsClosed')).toBe(1)
  })

  it('when an item fails, then its case is accepted and with the point unit by its kind deadline; one fixed on the spot is closed with its after photo; history names the inspector', async () => {
    const round = await plan([BUS_STOP])
    const made = await inspect(round.id, BUS_STOP, ['pt-06-1'], ['pt-06-5'])
    const [open] = await reports(rt.deps.store).find({ 'inspection.itemId': 'pt-06-1' }, { limit: 1 })
    const [closed] = await reports(rt.deps.store).find({ 'inspection.itemId': 'pt-06-5' }, { limit: 1 })

    // 小广告"牛皮癣": 2 working days from Monday
    expect(open).toMatchObject({ source: '督查', status: 'assigned', departmentId: 'dept-cg', categoryId: 'g1-01', gridId: 'grid-1', reporterId: INSPECTOR, onSpot: false })
    expect(open.deadline).toBe('2026-11-25T15:59:59.999Z')
    expect(open.inspection).toMatchObject({ visitId: made._id, roundId: round.id, pointId: BUS_STOP, typeId: 'pt-06' })
    expect(open.history.map((h) => [h.to, h.role, h.by])).toEqual([
      ['submitted', 'inspector', INSPECTOR],
      ['accepted', 'inspector', INSPECTOR],
      ['assigned', 'inspector', INSPECTOR]
    ])
    expect(closed).toMatchObject({ source: '督查', status: 'closed', onSpot: true, departmentId: 'dept-cg', categoryId: 'g1-07' })
    expect(closed.afterPhotos).toHaveLength(1)
    expect(closed.afterPhotos[0]).toBe(made.marks.find((m: { itemId: string }) => m.itemId === 'pt-06-5').afterPhotos[0])
    expect(await rt.deps.store.collection('outbox').count({ template: 'staff.report.assigned' })).toBeGreaterThan(0)
  })

  it('when a failed item has no photo, then the visit is refused naming it and nothing is stored', async () => {
    const round = await plan([BUS_STOP])
    const marks = await marksFor(round.id, BUS_STOP)
    marks[0] = { itemId: marks[0].itemId, pass: false, note: '有小广告', photos: [] }
    const res = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks }, 'demo-inspector', requestId())
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('请至少拍 1 张现场照片')
    expect(await visits(rt.deps.store).count({})).toBe(0)
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it('when an item is left unmarked, then the visit is refused naming the item', async () => {
    const round = await plan([BUS_STOP])
    const marks = (await marksFor(round.id, BUS_STOP)).slice(1)
    const res = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks }, 'demo-inspector', requestId())
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('第 1 项「站台整洁，无"牛皮癣"小广告」还没有评定')
    expect(await visits(rt.deps.store).count({})).toBe(0)
  })

  it('when a round is past but a point of it is still 未达标, then it stays on its inspector’s list for the 复查; a round all passed does not', async () => {
    const failed = await plan([BUS_STOP])
    const passed = await plan([OTHER_STOP])
    await inspect(failed.id, BUS_STOP, ['pt-06-1'])
    await inspect(passed.id, OTHER_STOP)
    rt.clock.advance(2 * 86400000)
    const mine = await ok(rt.call('reports', 'myRounds', {}, 'demo-inspector'))
    expect(mine.map((r: { id: string; day: string }) => [r.id, r.day])).toEqual([[failed.id, '2026-11-23']])
    expect((await rt.call('reports', 'checklist', { roundId: failed.id, pointId: BUS_STOP }, 'demo-inspector')).status).toBe(200)
  })

  it('when a point failed in November passes its 复查 in December, then November still counts it failed and December does not', async () => {
    const visit = (id: string, day: string, verdict: string, latest: boolean) => ({ _id: id, roundId: 'round-x', pointId: BUS_STOP, departmentId: 'dept-cg', day, at: `${day}T02:00:00.000Z`, verdict, latest, kind: id === 'v1' ? '督查' : '复查', marks: [] })
    await insertAll(rt.deps.store, visits(rt.deps.store), [visit('v1', '2026-11-30', '未达标', false), visit('v2', '2026-12-01', '达标', true)] as never[])
    const repo = inspectionRepository(rt.deps.store)
    expect((await repo.failedVisits('2026-11-01', '2026-11-30')).map((v) => v._id)).toEqual(['v1'])
    expect(await repo.failedVisits('2026-12-01', '2026-12-31')).toEqual([])
  })

  it('when a failed item’s problem kind is gone, then the 督查 is refused naming the item, and no visit or case is kept', async () => {
    const round = await plan([BUS_STOP])
    const type = (await pointTypes(rt.deps.store).findOne({ _id: 'pt-06' }))!
    await categories(rt.deps.store).remove({ _id: type.checklist[0].categoryId })
    const res = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks: await marksFor(round.id, BUS_STOP, [type.checklist[0].id]) }, 'demo-inspector', requestId())
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'marks', message: `测评项「${type.checklist[0].text}」对应的问题类别已不存在，请联系创文办修改测评表` }] } })
    expect([await visits(rt.deps.store).count({}), await reports(rt.deps.store).count({ source: '督查' })]).toEqual([0, 0])
  })

  it('when the round is tomorrow, then its inspector cannot open its points yet', async () => {
    const round = await plan([BUS_STOP], '2026-11-24')
    expect(await ok(rt.call('reports', 'myRounds', {}, 'demo-inspector'))).toEqual([])
    const res = await rt.call('reports', 'checklist', { roundId: round.id, pointId: BUS_STOP }, 'demo-inspector')
    expect(res.status).toBe(404)
  })
})

describe('who may do what', () => {
  it('when a handler tries to inspect, then it is refused and nothing is stored', async () => {
    const round = await plan([BUS_STOP])
    const marks = await marksFor(round.id, BUS_STOP)
    const res = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks }, 'demo-handler', requestId())
    expect(res.status).toBe(403)
    expect(await visits(rt.deps.store).count({})).toBe(0)
  })

  it('when an inspector tries to assign a case or plan a round, then it is refused', async () => {
    const round = await plan([BUS_STOP])
    await inspect(round.id, BUS_STOP, ['pt-06-1'])
    const [open] = await reports(rt.deps.store).find({ source: '督查' }, { limit: 1 })
    const assign = await rt.call('reports', 'assign', { id: open._id, departmentId: 'dept-zj', deadlineDays: 3 }, 'demo-inspector')
    expect(assign.status).toBe(403)
    expect((await reports(rt.deps.store).findOne({ _id: open._id }))!.departmentId).toBe('dept-cg')
    const planned = await rt.call('reports', 'planRound', { title: '自己安排', kind: '暗访', day: '2026-11-23', leader: '我', inspectorIds: [INSPECTOR], pointIds: [] }, 'demo-inspector', requestId())
    expect(planned.status).toBe(403)
    expect(await rounds(rt.deps.store).count({})).toBe(1)
  })

  it('when the office plans a round with someone who is not an inspector, then it is refused naming them', async () => {
    const res = await rt.call('reports', 'planRound', { title: '暗访', kind: '暗访', day: '2026-11-23', leader: '刘主任', inspectorIds: [userIdOf('demo-handler')], pointIds: [] }, 'demo-admin', requestId())
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('赵科长 不是督查员')
    expect(await rounds(rt.deps.store).count({})).toBe(0)
  })
})

describe('figures and 复查', () => {
  it('when one point fails two items (one fixed on the spot) and another passes, then the figures read as counted by hand, and after the fix and its 复查 they move', async () => {
    const round = await plan([BUS_STOP, OTHER_STOP])
    await inspect(round.id, BUS_STOP, ['pt-06-1'], ['pt-06-5'])
    await inspect(round.id, OTHER_STOP)

    const before = await ok(rt.call('reports', 'figures', { roundId: round.id }, 'demo-admin'))
    expect(before.total).toEqual({ inspected: 2, passed: 1, failed: 1, problems: 2, onSpot: 1, byDeadline: 1, fixed: 1, inProgress: 1 })
    expect(before.rows.find((r: { id: string }) => r.id === 'dept-cg').figures).toEqual(before.total)
    expect(before.rows.find((r: { id: string }) => r.id === 'pt-06').figures).toEqual(before.total)
    expect(before.rows.find((r: { id: string }) => r.id === 'grid-1').figures).toMatchObject({ inspected: 1, failed: 1, problems: 2 })
    expect(before.rows.some((r: { id: string }) => r.id === 'dept-zj')).toBe(false)

    // 复查 waits on the fix
    const early = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks: await marksFor(round.id, BUS_STOP) }, 'demo-inspector', requestId())
    expect(early.status).toBe(409)
    expect(early.body.message).toContain('整改后再复查')

    rt.clock.advance(24 * 3600000)
    const [open] = await reports(rt.deps.store).find({ source: '督查', status: 'assigned' }, { limit: 1 })
    await ok(rt.call('reports', 'fix', { id: open._id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已清除小广告' }, 'demo-handler'))
    const recheck = await inspect(round.id, BUS_STOP)
    expect(recheck).toMatchObject({ kind: '复查', verdict: '达标', latest: true })
    const kept = await visits(rt.deps.store).find({ pointId: BUS_STOP }, { sort: { at: 1 }, limit: 10 })
    expect(kept.map((v) => [v.kind, v.verdict, v.latest])).toEqual([
      ['督查', '未达标', false],
      ['复查', '达标', true]
    ])

    const after = await ok(rt.call('reports', 'figures', { roundId: round.id }, 'demo-admin'))
    expect(after.total).toEqual({ inspected: 2, passed: 2, failed: 0, problems: 2, onSpot: 1, byDeadline: 1, fixed: 2, inProgress: 0 })
    const again = await rt.call('reports', 'visit', { roundId: round.id, pointId: BUS_STOP, marks: await marksFor(round.id, BUS_STOP) }, 'demo-inspector', requestId())
    expect(again.status).toBe(409)
    expect(again.body.message).toContain('已达标')
  })

  it('when the ledger is filtered by source, then it lists and counts the inspection cases apart from residents’ photos', async () => {
    const round = await plan([BUS_STOP])
    await inspect(round.id, BUS_STOP, ['pt-06-1', 'pt-06-2'])
    await ok(rt.call('reports', 'submit', { categoryId: 'g2-01', description: '井盖缺了一角', photos: [await photo(rt)], location: { lat: 25.5001, lng: 103.7934, address: '南宁北路' }, anonymous: false }, 'demo-resident', requestId()))

    const ledger = await ok(rt.call('reports', 'ledger', { source: '督查' }, 'demo-admin'))
    expect(ledger.total).toBe(2)
    expect(ledger.items.every((c: { source: string }) => c.source === '督查')).toBe(true)
    const residents = await ok(rt.call('reports', 'ledger', { source: '随手拍' }, 'demo-admin'))
    expect(residents.total).toBe(1)
    expect(residents.items[0].source).toBe('随手拍')
    expect(await ok(rt.call('reports', 'stats', { source: '督查' }, 'demo-admin'))).toMatchObject({ total: 2, byDeadline: 2, inProgress: 2 })
  })

  it('when a case filed before sources were kept is read, then it counts as 随手拍', async () => {
    await ok(rt.call('reports', 'submit', { categoryId: 'g2-01', description: '井盖缺了一角', photos: [await photo(rt)], location: { lat: 25.5001, lng: 103.7934, address: '南宁北路' }, anonymous: false }, 'demo-resident', requestId()))
    await reports(rt.deps.store).update({}, { $unset: { source: true } }, { multi: true })
    const residents = await ok(rt.call('reports', 'ledger', { source: '随手拍' }, 'demo-admin'))
    expect(residents.items.map((c: { source: string }) => c.source)).toEqual(['随手拍'])
  })

  it('when the figures are exported, then the sheet holds the total and a row per unit, type and grid', async () => {
    const round = await plan([BUS_STOP])
    await inspect(round.id, BUS_STOP, ['pt-06-1'])
    const file = await ok(rt.call('reports', 'exportFigures', { from: '2026-11-23', to: '2026-11-23' }, 'demo-admin'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.deps.files.get(file.fileId))!.content as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.getRow(2).values).toEqual([undefined, '分组', '名称', '督查点位', '达标', '未达标', '督查问题', '立行立改', '限期整改', '已整改', '整改中'])
    expect(sheet.getRow(3).values).toEqual([undefined, '合计', '', 1, 0, 1, 1, 0, 1, 0, 1])
    expect(file.rows).toBe(4)
  })
})

describe('points', () => {
  it('when the office saves a point, then its grid comes from where it is', async () => {
    const saved = await ok(rt.call('reports', 'savePoint', { name: '新建农贸市场', typeId: 'pt-03', address: '麒麟区某路', lat: 25.4934, lng: 103.8066, departmentId: 'dept-sj', active: true }, 'demo-admin'))
    expect(saved).toMatchObject({ gridId: 'grid-6', gridName: '南宁街道第6网格', typeName: '农贸市场', departmentName: '市市场监督管理局' })
    const page = await ok(rt.call('reports', 'points', { typeId: 'pt-03' }, 'demo-admin'))
    expect(page.total).toBe(4)
  })

  it('when the exported points come back with one bad row, then nothing is imported and the row is named; fixed, they import', async () => {
    const file = await ok(rt.call('reports', 'exportPoints', { typeId: 'pt-06' }, 'demo-admin'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.deps.files.get(file.fileId))!.content as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    sheet.addRow(['', '新公交站', '公交站台', '麒麟区新路', 25.4934, 103.8066, '城管局', '是'])
    sheet.addRow(['', '坏行', '菜市场', '麒麟区', 25.4934, 103.8066, '城管局', '是'])
    const upload = async () => (await rt.deps.files.put(Buffer.from(await book.xlsx.writeBuffer()), { contentType: XLSX, owner: userIdOf('demo-admin'), purpose: 'import' })).fileId

    const bad = await rt.call('reports', 'importPoints', { fileId: await upload() }, 'demo-admin')
    expect(bad.status).toBe(409)
    expect(bad.body.message).toContain('第 6 行点位类型“菜市场”不存在')
    expect((await ok(rt.call('reports', 'points', { typeId: 'pt-06' }, 'demo-admin'))).total).toBe(3)

    sheet.spliceRows(6, 1)
    const done = await ok(rt.call('reports', 'importPoints', { fileId: await upload() }, 'demo-admin'))
    expect(done).toEqual({ imported: 1, updated: 3 })
    const after = await ok(rt.call('reports', 'points', { typeId: 'pt-06' }, 'demo-admin'))
    expect(after.items.find((p: { name: string }) => p.name === '新公交站')).toMatchObject({ gridId: 'grid-6', departmentId: 'dept-cg' })
  })
})
