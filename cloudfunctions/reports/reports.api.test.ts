import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { counters, dayTallies, outbox, points, reports, users } from '../core/collections'
import { userIdOf } from '../core/identity'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { caseAt as benchCase } from '../../scripts/bench-data'
import { act, fileReport, photo, requestId, SPOT } from '../../test/support/reports'
import { pushing } from '../../test/support/subscribe'
import { sweep } from './daily'
import { ledgerQuery, reportRepository } from './repository'
import { CASE_FIGURES } from './tallies'

let rt: TestRuntime
beforeEach(async () => {
  // Monday 2026-11-23, 09:00 Beijing.
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const stored = (id: string) => reports(rt.deps.store).findOne({ _id: id })
const counter = async (key: string) => (await counters(rt.deps.store).findOne({ _id: key as 'reports' }))!.value
const HOUR = 3600000

/** Walks a new case up to `status` along the happy path; answers the case id. */
async function caseAt(status: string) {
  const { id } = await fileReport(rt)
  if (status === 'submitted') return id
  await act(rt, 'accept', { id }, 'demo-admin')
  if (status === 'accepted') return id
  await act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
  if (status === 'assigned') return id
  if (status === 'returned') return (await act(rt, 'sendBack', { id, reason: '属于住建局管辖' }, 'demo-handler')).id
  if (status === 'extension_requested') return (await act(rt, 'requestExtension', { id, days: 3, reason: '需要采购井盖' }, 'demo-handler')).id
  await act(rt, 'start', { id }, 'demo-handler')
  if (status === 'in_progress') return id
  rt.clock.advance(5 * HOUR)
  await act(rt, 'fix', { id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
  if (status === 'fixed') return id
  await act(rt, 'verify', { id }, 'demo-admin')
  return id
}

describe('submitting a report', () => {
  it('when a resident files a report, then the case is stored with its grid and history, counted, and the resident told', async () => {
    const detail = await fileReport(rt)
    expect(detail).toMatchObject({ status: 'submitted', categoryName: '井盖破损/缺失', grid: { id: 'grid-1' }, mine: true, reporter: null })
    const report = await stored(detail.id)
    expect(report).toMatchObject({ reporterId: userIdOf('demo-resident'), gridId: 'grid-1', status: 'submitted', history: [{ to: 'submitted', role: 'resident' }] })
    expect(await counter('reports')).toBe(1)
    expect(await rt.deps.store.collection('outbox').count({ userId: userIdOf('demo-resident') })).toBe(1)
  })

  it('when a photo carries EXIF with a GPS position, then the case keeps a copy without it', async () => {
    const plain = readFileSync(path.resolve(__dirname, '..', '..', 'runtime', 'demo', 'manhole-before.jpg'))
    const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPSLatitude=25.4966;GPSLongitude=103.7966', 'latin1')])
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif])
    const tagged = Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)])
    const uploaded = (await rt.deps.files.put(tagged, { contentType: 'image/jpeg', owner: userIdOf('demo-resident'), purpose: 'upload' })).fileId

    const detail = await fileReport(rt, 'demo-resident', { photos: [uploaded] })
    const kept = (await stored(detail.id))!.photos[0]
    expect(kept).not.toBe(uploaded)
    const content = (await rt.deps.files.get(kept))!.content
    expect(content.includes(Buffer.from('Exif'))).toBe(false)
    expect(content.includes(Buffer.from('GPS'))).toBe(false)
    expect(content.equals(plain)).toBe(true)
  })

  it('when the same requestId is sent twice, then there is one case', async () => {
    const payload = { categoryId: 'g2-01', description: '井盖缺失', photos: [await photo(rt)], location: SPOT, anonymous: true }
    const first = await rt.call('reports', 'submit', payload, 'demo-resident', 'same-request-1')
    const again = await rt.call('reports', 'submit', payload, 'demo-resident', 'same-request-1')
    expect(again.body.data.id).toBe(first.body.data.id)
    expect(await reports(rt.deps.store).count({})).toBe(1)
    expect(await counter('reports')).toBe(1)
  })

  it('when the requestId is missing, then it is refused and nothing is stored', async () => {
    const res = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '井盖缺失', photos: [await photo(rt)], location: SPOT, anonymous: false }, 'demo-resident')
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } })
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it.each([
    ['no photo', { photos: [] }, 'photos', '请至少上传 1 张现场照片'],
    ['seven photos', { photos: Array(7).fill('f') }, 'photos', '现场照片最多 6 张'],
    ['an unknown photo', { photos: ['aaaaaaaaaaaaaaaaaaaaaaaa'] }, 'photos', '第 1 张照片没有上传成功，请重新上传'],
    ['a group instead of a kind', { categoryId: 'g2' }, 'categoryId', '请选择问题类别'],
    ['an empty description', { description: '  ' }, 'description', '请填写问题描述'],
    ['a 501-character description', { description: '井'.repeat(501) }, 'description', '问题描述最多 500 个字'],
    ['no address', { location: { ...SPOT, address: '' } }, 'location.address', '请填写问题地址'],
    ['a latitude out of range', { location: { ...SPOT, lat: 95 } }, 'location.lat', '纬度应在 -90 到 90 之间']
  ])('when the report has %s, then it answers 400 naming the field and stores nothing', async (_, change, field, message) => {
    const payload = { categoryId: 'g2-01', description: '井盖缺失', photos: [await photo(rt)], location: SPOT, anonymous: false, ...change }
    const res = await rt.call('reports', 'submit', payload, 'demo-resident', requestId())
    expect(res.status).toBe(400)
    expect(res.body.issues).toContainEqual({ field, message })
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it('when the description fails the content check, then it is refused; a doubtful one is flagged for review', async () => {
    expect((await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '傻逼才管这事', photos: [await photo(rt)], location: SPOT, anonymous: false }, 'demo-resident', requestId())).body.code).toBe('CONTENT_REJECTED')
    const flagged = await fileReport(rt, 'demo-resident', { description: '有人在这里发兼职刷单小广告' })
    expect((await stored(flagged.id))?.needsReview).toBe(true)
    expect((await rt.call('reports', 'ledger', { status: 'submitted' }, 'demo-admin')).body.data.items[0]).toMatchObject({ id: flagged.id, needsReview: true })
    expect((await rt.call('reports', 'mine', {}, 'demo-resident')).body.data.items[0]).toMatchObject({ id: flagged.id, needsReview: false })
  })

  it('when a resident files an 11th report in a day, then it is refused with 429, and the next day is open again', async () => {
    for (let i = 0; i < 10; i++) await fileReport(rt)
    const eleventh = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '井盖缺失', photos: [await photo(rt)], location: SPOT, anonymous: false }, 'demo-resident', requestId())
    expect(eleventh).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } })
    expect(await reports(rt.deps.store).count({})).toBe(10)
    rt.clock.advance(24 * HOUR)
    await expect(fileReport(rt)).resolves.toMatchObject({ status: 'submitted' })
  })
})

describe('the duplicate offer', () => {
  it('when a resident is about to report the same kind of problem within 100 m, then the open case is offered, and 我也遇到 follows it', async () => {
    const original = await fileReport(rt)
    await act(rt, 'accept', { id: original.id }, 'demo-admin')
    const near = await rt.call('reports', 'nearby', { categoryId: 'g2-01', lat: SPOT.lat + 0.0005, lng: SPOT.lng }, 'demo-volunteer')
    expect(near.body.data).toEqual([expect.objectContaining({ id: original.id, distance: 56, followers: 0, mine: false, following: false })])
    expect((await rt.call('reports', 'nearby', { categoryId: 'g2-01', lat: SPOT.lat, lng: SPOT.lng }, 'demo-resident')).body.data[0]).toMatchObject({ mine: true })
    expect((await rt.call('reports', 'nearby', { categoryId: 'g2-01', lat: SPOT.lat + 0.002, lng: SPOT.lng }, 'demo-volunteer')).body.data).toEqual([])
    expect((await rt.call('reports', 'nearby', { categoryId: 'g1-01', lat: SPOT.lat, lng: SPOT.lng }, 'demo-volunteer')).body.data).toEqual([])

    expect((await rt.call('reports', 'follow', { id: original.id }, 'demo-volunteer')).body.data).toEqual({ followers: 1 })
    expect((await rt.call('reports', 'follow', { id: original.id }, 'demo-volunteer')).body.data).toEqual({ followers: 1 })
    expect((await stored(original.id))?.followers).toEqual([userIdOf('demo-volunteer')])
    expect((await rt.call('reports', 'mine', {}, 'demo-volunteer')).body.data.items.map((c: { id: string }) => c.id)).toEqual([original.id])
    expect(await reports(rt.deps.store).count({})).toBe(1)
  })

  it('when the nearby case is older than 14 days, then it is not offered', async () => {
    await fileReport(rt)
    rt.clock.advance(15 * 24 * HOUR)
    expect((await rt.call('reports', 'nearby', { categoryId: 'g2-01', ...SPOT, address: undefined }, 'demo-volunteer')).body.data).toEqual([])
  })
})

describe('the state machine', () => {
  // [action, status it starts from, allowed caller, payload, refused caller]
  const moves: [string, string, string, (id: string) => Promise<Record<string, unknown>>, string, string][] = [
    ['accept', 'submitted', 'demo-admin', async () => ({}), 'demo-handler', 'accepted'],
    ['reject', 'submitted', 'demo-admin', async () => ({ reason: '不属实' }), 'demo-resident', 'rejected'],
    ['markDuplicate', 'submitted', 'demo-admin', async () => ({ duplicateOf: (await fileReport(rt, 'demo-volunteer')).no }), 'demo-organizer', 'duplicate'],
    ['assign', 'accepted', 'demo-admin', async () => ({ departmentId: 'dept-cg', deadlineDays: 2 }), 'demo-handler', 'assigned'],
    ['assign', 'returned', 'demo-admin', async () => ({ departmentId: 'dept-zj', deadlineDays: 5 }), 'demo-volunteer', 'assigned'],
    ['fixOnSpot', 'accepted', 'demo-admin', async () => ({ afterPhotos: [await photo(rt, 'demo-admin')], note: '网格员现场清理' }), 'demo-handler', 'closed'],
    ['start', 'assigned', 'demo-handler', async () => ({}), 'demo-admin', 'in_progress'],
    ['fix', 'in_progress', 'demo-handler', async () => ({ afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换' }), 'demo-admin', 'fixed'],
    ['sendBack', 'assigned', 'demo-handler', async () => ({ reason: '不属于本单位' }), 'demo-resident', 'returned'],
    ['requestExtension', 'in_progress', 'demo-handler', async () => ({ days: 3, reason: '等材料' }), 'demo-admin', 'extension_requested'],
    ['grantExtension', 'extension_requested', 'demo-admin', async () => ({}), 'demo-handler', 'in_progress'],
    ['refuseExtension', 'extension_requested', 'demo-admin', async () => ({ note: '按期完成' }), 'demo-handler', 'in_progress'],
    ['verify', 'fixed', 'demo-admin', async () => ({}), 'demo-handler', 'closed'],
    ['rework', 'fixed', 'demo-admin', async () => ({ reason: '照片看不出已更换' }), 'demo-handler', 'in_progress']
  ]

  it.each(moves)('when %s is made from %s by the allowed role, then it succeeds and is recorded; the refused role gets 403', async (action, from, allowed, payload, refused, to) => {
    const id = await caseAt(from)
    const body = { id, ...(await payload(id)) }
    const before = (await stored(id))!
    expect(await rt.call('reports', action as 'accept', body as { id: string }, refused)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    expect((await stored(id))?.status).toBe(before.status)

    const res = await rt.call('reports', action as 'accept', body as { id: string }, allowed)
    expect(res.status).toBe(200)
    expect(res.body.data.status).toBe(to)
    const after = (await stored(id))!
    expect(after.status).toBe(to)
    expect(after.history).toHaveLength(before.history.length + 1)
    expect(after.history.at(-1)).toMatchObject({ from, to, role: allowed === 'demo-admin' ? 'admin' : 'handler' })
  })

  it.each([
    ['accept', 'accepted'],
    ['verify', 'in_progress'],
    ['fix', 'fixed'],
    ['assign', 'closed']
  ])('when %s is tried on a case that is %s, then it answers 409 and changes nothing', async (action, from) => {
    const id = await caseAt(from)
    const payloads: Record<string, object> = { fix: { afterPhotos: [await photo(rt, 'demo-handler')], note: '再修一次' }, assign: { departmentId: 'dept-cg', deadlineDays: 1 } }
    const before = await stored(id)
    const res = await rt.call('reports', action as 'accept', { id, ...payloads[action] } as { id: string }, action === 'fix' ? 'demo-handler' : 'demo-admin')
    expect(res).toMatchObject({ status: 409, body: { code: 'CONFLICT' } })
    expect(res.body.message).toContain('不能')
    expect(await stored(id)).toEqual(before)
  })

  it('when a handler of another department acts on a case, then it is refused', async () => {
    const id = await caseAt('assigned')
    await rt.call('users', 'me', {}, 'other-handler')
    await rt.call('users', 'grantRole', { userId: userIdOf('other-handler'), role: 'handler', departmentId: 'dept-sw' }, 'demo-admin')
    expect(await rt.call('reports', 'start', { id }, 'other-handler')).toMatchObject({ status: 403 })
    expect((await stored(id))?.status).toBe('assigned')
  })

  it('when the reject reason is not on the office list, then it answers 400', async () => {
    const id = await caseAt('submitted')
    expect(await rt.call('reports', 'reject', { id, reason: '看着不顺眼' }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'reason' }] } })
  })
})

describe('deadlines and overdue', () => {
  it('when a case is assigned on Friday with 1 working day, then its deadline is the end of Monday', async () => {
    rt.clock.set('2026-11-27T10:00:00+08:00')
    const id = await caseAt('assigned')
    await act(rt, 'assign', { id: await caseAt('accepted'), departmentId: 'dept-cg', deadlineDays: 1 }, 'demo-admin').then((d) => expect(d.deadline).toBe('2026-11-30T15:59:59.999Z'))
    expect((await stored(id))?.deadline).toBe('2026-12-01T15:59:59.999Z')
  })

  it('when the office sends back a fix made in time after the deadline, then the unit gets the time again and is not marked late', async () => {
    const id = await caseAt('fixed') // fixed Monday, due end of Wednesday
    rt.clock.set('2026-11-27T10:00:00+08:00')
    const reworked = await act(rt, 'rework', { id, reason: '井盖仍有松动' }, 'demo-admin')
    expect(reworked.deadline! > rt.clock.now().toISOString()).toBe(true)
    await sweep(rt.deps)
    expect(await stored(id)).toMatchObject({ status: 'in_progress', overdue: false, deadline: reworked.deadline })
  })

  it('when a unit would send back a case past its deadline, then it is refused and stays with the unit, still late', async () => {
    const id = await caseAt('assigned')
    rt.clock.set('2026-11-26T10:00:00+08:00')
    await sweep(rt.deps)
    expect(await rt.call('reports', 'sendBack', { id, reason: '属于住建局管辖' }, 'demo-handler')).toMatchObject({ status: 409, body: { message: '已过整改期限，不能再退回；如确非本单位职责，请联系创文办改派' } })
    expect(await stored(id)).toMatchObject({ status: 'assigned', departmentId: 'dept-cg', overdue: true })
  })

  it('when the clock passes the deadline, then the sweep marks the case overdue, and it stays overdue after closing', async () => {
    const id = await caseAt('in_progress') // 2 working days from Monday: due end of Wednesday
    rt.clock.set('2026-11-25T20:00:00+08:00')
    await sweep(rt.deps)
    expect((await stored(id))?.overdue).toBe(false)
    rt.clock.set('2026-11-26T08:00:00+08:00')
    expect(await sweep(rt.deps)).toMatchObject({ overdue: 1 })
    expect((await stored(id))?.overdue).toBe(true)

    await act(rt, 'fix', { id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已修好' }, 'demo-handler')
    await act(rt, 'verify', { id }, 'demo-admin')
    rt.clock.advance(48 * HOUR)
    await sweep(rt.deps)
    expect(await stored(id)).toMatchObject({ status: 'closed', overdue: true })
    expect((await rt.call('reports', 'ledger', { overdue: true }, 'demo-admin')).body.data.total).toBe(1)
  })

  it('when the ledger is asked for a day the calendar lacks, then it is refused naming the field, not answered with a server error', async () => {
    expect(await rt.call('reports', 'ledger', { from: '2027-02-30' }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'from', message: '日期不存在（如 2 月 30 日），请重新选择' }] } })
  })

  it('when a counter drifted from the ledger (a crash between steps where no transaction held them), then the sweep sets it back', async () => {
    await caseAt('assigned')
    const counter = (key: string) => rt.deps.store.collection<{ _id: string; value: number }>('counters').findOne({ _id: key })
    const open = (await counter('reportsOpen'))!.value
    await rt.deps.store.collection('counters').update({ _id: 'reportsOpen' }, { $inc: { value: 3 } })
    expect(await sweep(rt.deps)).toMatchObject({ repaired: 1 })
    expect((await counter('reportsOpen'))!.value).toBe(open)
    expect(await sweep(rt.deps)).toMatchObject({ repaired: 0 })
  })

  it('when a fix lands in time but the office verifies after the deadline, then the case is not overdue', async () => {
    const id = await caseAt('fixed')
    rt.clock.set('2026-12-10T10:00:00+08:00')
    await act(rt, 'verify', { id }, 'demo-admin')
    expect((await stored(id))?.overdue).toBe(false)
  })

  it('when a deadline is a day away, then the department is reminded once', async () => {
    await caseAt('assigned')
    rt.clock.set('2026-11-25T09:00:00+08:00')
    expect(await sweep(rt.deps)).toMatchObject({ reminded: 1 })
    expect(await sweep(rt.deps)).toMatchObject({ reminded: 0 })
    const notes = await rt.deps.store.collection<{ _id: string; title: string }>('outbox').find({ userId: userIdOf('demo-handler'), title: '整改即将到期' })
    expect(notes).toHaveLength(1)
  })

  it('when an extension is granted, then the deadline moves by that many working days', async () => {
    const id = await caseAt('extension_requested')
    const granted = await act(rt, 'grantExtension', { id }, 'demo-admin')
    expect(granted.deadline).toBe('2026-11-30T15:59:59.999Z') // Wed + 3 working days = Mon
  })
})

describe('notifications', () => {
  it('when a case moves through every step, then the reporter hears of each change, each naming the case by number and place, and the department of its work', async () => {
    const { no, location } = (await stored(await caseAt('closed')))!
    const inbox = (await rt.call('users', 'inbox', { pageSize: 20 }, 'demo-resident')).body.data
    for (const m of inbox.items as { body: string }[]) expect(m.body).toContain(`（${no}，${location.address}）`)
    // All within one test-clock instant, so compare without order.
    expect(inbox.items.map((m: { title: string }) => m.title).sort()).toEqual(['随手拍已提交', '随手拍已受理', '问题已交办', '随手拍进展：整改中', '问题已整改，待核查', '问题已整改完毕'].sort())
    expect(inbox.unread).toBe(6)
    expect(inbox.items[0].page).toMatch(/^\/packages\/report\/detail\/index\?id=/)
    expect((await rt.call('users', 'markRead', {}, 'demo-resident')).body.data).toEqual({ unread: 0 })
    const handler = (await rt.call('users', 'inbox', {}, 'demo-handler')).body.data
    expect(handler.items.map((m: { title: string }) => m.title)).toEqual(['新交办问题'])
  })
})

describe('what waits on the staff', () => {
  const adminNotices = async () =>
    (await outbox(rt.deps.store).find({ userId: userIdOf('demo-admin') }, { limit: 50 })).map((m) => ({ title: m.title, body: m.body, page: m.page }))
  const waiting = async (openid: string) => (await rt.call('reports', 'waiting', {}, openid)).body.data

  it('when a case waits on the office or a department, then its staff find a notice naming the case in their inbox and the case in their red counts', async () => {
    expect(await waiting('demo-admin')).toEqual({ office: { triage: 0, assign: 0, verify: 0, extensions: 0 }, department: null, orders: null })
    const filed = await fileReport(rt)
    const page = `/packages/staff/case/index?id=${filed.id}`
    expect(await adminNotices()).toEqual([{ title: '新随手拍待受理', body: `「井盖破损/缺失」${filed.no}，${SPOT.address}`, page }])
    expect(await waiting('demo-admin')).toMatchObject({ office: { triage: 1, assign: 0 } })

    await act(rt, 'accept', { id: filed.id }, 'demo-admin')
    expect(await waiting('demo-admin')).toMatchObject({ office: { triage: 0, assign: 1 } })
    expect(await waiting('demo-handler')).toEqual({ office: null, department: 0, orders: 0 })
    await act(rt, 'assign', { id: filed.id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
    expect((await rt.call('users', 'inbox', {}, 'demo-handler')).body.data).toMatchObject({ unread: 1, items: [{ title: '新交办问题', page }] })
    expect(await waiting('demo-handler')).toEqual({ office: null, department: 1, orders: 0 })

    await act(rt, 'requestExtension', { id: filed.id, days: 3, reason: '需要采购井盖' }, 'demo-handler')
    expect(await adminNotices()).toContainEqual({ title: '延期申请待审批', body: `「井盖破损/缺失」${filed.no}，市城市管理局申请延期 3 个工作日：需要采购井盖`, page })
    expect(await waiting('demo-admin')).toMatchObject({ office: { extensions: 1 } })
    await act(rt, 'grantExtension', { id: filed.id }, 'demo-admin')

    await act(rt, 'fix', { id: filed.id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
    expect(await adminNotices()).toContainEqual({ title: '整改完成待核查', body: `「井盖破损/缺失」${filed.no}，市城市管理局已整改，请核查`, page })
    expect(await waiting('demo-admin')).toEqual({ office: { triage: 0, assign: 0, verify: 1, extensions: 0 }, department: null, orders: null })
    expect(await waiting('demo-handler')).toEqual({ office: null, department: 0, orders: 0 })

    const other = await caseAt('assigned')
    await act(rt, 'sendBack', { id: other, reason: '属于住建局管辖' }, 'demo-handler')
    expect(await adminNotices()).toContainEqual({ title: '问题被退回待重新交办', body: expect.stringContaining('市城市管理局退回：属于住建局管辖'), page: `/packages/staff/case/index?id=${other}` })
    expect(await adminNotices()).toHaveLength(5)
    expect(await waiting('demo-admin')).toMatchObject({ office: { assign: 1, verify: 1 } })
    expect(await rt.call('reports', 'waiting', {}, 'demo-resident')).toMatchObject({ status: 403 })
  })

  it('when the office has more admins, or a department more handlers, than one notice goes to, then the first 50 are told', async () => {
    const at = rt.clock.now().toISOString()
    const staff = (role: 'admin' | 'handler') =>
      Array.from({ length: 60 }, (_, i) => ({ _id: userIdOf(`${role}-${i}`), openid: `${role}-${i}`, nickname: `${role}${i}`, roles: ['resident' as const, role], ...(role === 'handler' ? { departmentId: 'dept-cg' } : {}), createdAt: at, updatedAt: at, history: [] }))
    await insertAll(rt.deps.store, users(rt.deps.store), [...staff('admin'), ...staff('handler')])
    const id = await caseAt('assigned')
    const told = (title: string) => outbox(rt.deps.store).count({ createdAt: rt.clock.now().toISOString(), title })
    expect(await told('新随手拍待受理')).toBe(50)
    expect(await told('新交办问题')).toBe(50)
    expect(await reports(rt.deps.store).count({ _id: id, status: 'assigned' })).toBe(1)
  })

  it('when a staff notice has a template in SUBSCRIBE_TEMPLATES, then it is pushed to WeChat under the staff template, its fields cut to 20 characters', async () => {
    const pushed = pushing(rt, { 'report.submitted': 'TPL-resident', 'staff.report.submitted': 'TPL-triage', 'staff.report.assigned': 'TPL-unit', 'staff.report.in_progress': 'TPL-unit', 'staff.report.extension_requested': 'TPL-extension', 'staff.report.fixed': 'TPL-verify' })
    const filed = await fileReport(rt)
    const body = `「井盖破损/缺失」${filed.no}，${SPOT.address}`
    expect(pushed.find((m) => m.touser === 'demo-admin')).toEqual({
      touser: 'demo-admin',
      templateId: 'TPL-triage',
      page: `/packages/staff/case/index?id=${filed.id}`,
      data: { thing1: { value: '新随手拍待受理' }, thing2: { value: `${Array.from(body).slice(0, 19).join('')}…` } },
      miniprogramState: 'formal'
    })
    expect(pushed.find((m) => m.touser === 'demo-resident')?.templateId).toBe('TPL-resident')

    await act(rt, 'accept', { id: filed.id }, 'demo-admin')
    await act(rt, 'assign', { id: filed.id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
    await act(rt, 'requestExtension', { id: filed.id, days: 3, reason: '需要采购井盖' }, 'demo-handler')
    await act(rt, 'grantExtension', { id: filed.id }, 'demo-admin')
    await act(rt, 'fix', { id: filed.id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
    const staff = pushed.filter((m) => m.touser !== 'demo-resident').map((m) => [m.touser, m.templateId, m.data.thing1.value])
    expect(staff).toEqual([
      ['demo-admin', 'TPL-triage', '新随手拍待受理'],
      ['demo-handler', 'TPL-unit', '新交办问题'],
      ['demo-admin', 'TPL-extension', '延期申请待审批'],
      ['demo-handler', 'TPL-unit', '延期申请已同意'],
      ['demo-admin', 'TPL-verify', '整改完成待核查']
    ])
    for (const m of pushed) expect(Object.values(m.data).every((f) => Array.from(f.value).length <= 20)).toBe(true)
  })

  it('when a staff notice has no template, then it goes to the inbox only and the move answers as usual', async () => {
    const pushed = pushing(rt, { 'report.returned': 'TPL-resident-returned' })
    const id = await caseAt('assigned')
    const res = await rt.call('reports', 'sendBack', { id, reason: '属于住建局管辖' }, 'demo-handler')
    expect(res.status).toBe(200)
    expect(pushed.filter((m) => m.touser === 'demo-admin')).toEqual([])
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('demo-admin'), template: 'staff.report.returned', title: '问题被退回待重新交办' })).toBe(1)
    expect(rt.logger.errors).toEqual([])
  })
})

describe('the resident after the fix', () => {
  it('when the reporter says 已解决 with a rating, then the case stays closed and the answer is kept', async () => {
    const id = await caseAt('closed')
    const detail = await act(rt, 'confirm', { id, resolved: true, rating: 5, comment: '修得很快' }, 'demo-resident')
    expect(detail).toMatchObject({ status: 'closed', canConfirm: false, confirmation: { state: 'resolved', rating: 5, comment: '修得很快' } })
    expect(await rt.call('reports', 'confirm', { id, resolved: true, rating: 4 }, 'demo-resident')).toMatchObject({ status: 409 })
  })

  it('when the reporter says 未解决, then the case goes back to the department with a new deadline and the counters move', async () => {
    const id = await caseAt('closed')
    expect(await counter('reportsClosed')).toBe(1)
    const detail = await act(rt, 'confirm', { id, resolved: false, reason: '井盖又松动了' }, 'demo-resident')
    expect(detail.status).toBe('in_progress')
    expect(await stored(id)).toMatchObject({ status: 'in_progress', departmentId: 'dept-cg', closedAt: null, afterPhotos: [], confirmation: { state: 'unresolved', reason: '井盖又松动了' } })
    expect(await counter('reportsClosed')).toBe(0)
    expect(await counter('reportsOpen')).toBe(1)
  })

  it('when the reporter says 未解决 of a case fixed on the spot, then it is on-the-spot no more, and once assigned the unit’s figures count it once', async () => {
    const id = await caseAt('accepted')
    await act(rt, 'fixOnSpot', { id, afterPhotos: [await photo(rt, 'demo-admin')], note: '当场清理' }, 'demo-admin')
    await act(rt, 'confirm', { id, resolved: false, reason: '第二天又堆上了' }, 'demo-resident')
    await act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
    expect(await stored(id)).toMatchObject({ status: 'assigned', onSpot: false })
    expect(await reportRepository(rt.deps.store).stats({})).toEqual(await reports(rt.deps.store).tally(ledgerQuery({}), CASE_FIGURES))
  })

  it.each([
    ['an abusive comment', { resolved: true, rating: 1, comment: '傻逼 修了个寂寞' }, 'comment', '评价含有不宜发布的内容'],
    ['contact spam in the comment', { resolved: true, rating: 5, comment: '加微信 xyz123 代办各种证件' }, 'comment', '评价含有联系方式、广告等不宜公开的内容'],
    ['contact spam as the reason', { resolved: false, reason: '没修好，有事加vx xyz123' }, 'reason', '未解决的原因含有联系方式、广告等不宜公开的内容']
  ])('when the reporter confirms with %s, then it is refused naming the field and the case and its public timeline are unchanged', async (_, answer, field, message) => {
    const id = await caseAt('closed')
    const before = await stored(id)
    const res = await rt.call('reports', 'confirm', { id, ...answer }, 'demo-resident')
    expect(res).toMatchObject({ status: 400, body: { code: 'CONTENT_REJECTED', issues: [{ field, message }] } })
    expect(await stored(id)).toEqual(before)
    expect(JSON.stringify((await rt.call('reports', 'detail', { id }, 'demo-volunteer')).body.data.timeline)).not.toMatch(/xyz123|傻逼/)
  })

  it('when a handler writes abuse into the fix note, then it is refused and the case does not move', async () => {
    const id = await caseAt('in_progress')
    const res = await rt.call('reports', 'fix', { id, afterPhotos: [await photo(rt)], note: '傻逼市民天天投诉' }, 'demo-handler')
    expect(res).toMatchObject({ status: 400, body: { code: 'CONTENT_REJECTED', issues: [{ field: 'note' }] } })
    expect((await stored(id))?.status).toBe('in_progress')
  })

  it('when someone else tries to confirm, or 未解决 comes without a reason, then it is refused', async () => {
    const id = await caseAt('closed')
    expect(await rt.call('reports', 'confirm', { id, resolved: true, rating: 5 }, 'demo-volunteer')).toMatchObject({ status: 404 })
    expect(await rt.call('reports', 'confirm', { id, resolved: false }, 'demo-resident')).toMatchObject({ status: 400, body: { issues: [{ field: 'reason' }] } })
    expect(await rt.call('reports', 'confirm', { id, resolved: true }, 'demo-resident')).toMatchObject({ status: 400, body: { issues: [{ field: 'rating' }] } })
  })

  it('when the reporter does not answer within 7 days, then the case closes as confirmed', async () => {
    const id = await caseAt('closed')
    rt.clock.advance(6 * 24 * HOUR)
    expect(await sweep(rt.deps)).toMatchObject({ confirmed: 0 })
    rt.clock.advance(2 * 24 * HOUR)
    expect(await sweep(rt.deps)).toMatchObject({ confirmed: 1 })
    expect(await stored(id)).toMatchObject({ status: 'closed', confirmation: { state: 'auto' } })
    expect((await stored(id))?.history.at(-1)).toMatchObject({ role: 'system', by: 'system' })
  })
})

describe('who sees what', () => {
  it('when a case is only submitted, then other residents cannot open it and the feed does not show it', async () => {
    const { id } = await fileReport(rt)
    expect(await rt.call('reports', 'detail', { id }, 'demo-volunteer')).toMatchObject({ status: 404 })
    expect((await rt.call('reports', 'feed', {}, 'demo-volunteer')).body.data.items).toEqual([])
  })

  it('when a stranger finds a submitted case nearby, then no id is offered, following it is refused and its detail stays closed, also after rejection', async () => {
    const { id } = await fileReport(rt)
    const near = { categoryId: 'g2-01', lat: SPOT.lat, lng: SPOT.lng }
    expect((await rt.call('reports', 'nearby', near, 'demo-volunteer')).body.data).toEqual([])
    expect((await rt.call('reports', 'nearby', near, 'demo-resident')).body.data).toEqual([expect.objectContaining({ id, mine: true })])
    expect(await rt.call('reports', 'follow', { id }, 'demo-volunteer')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    expect((await stored(id))?.followers).toEqual([])
    expect(await rt.call('reports', 'detail', { id }, 'demo-volunteer')).toMatchObject({ status: 404 })

    await act(rt, 'reject', { id, reason: '不属实' }, 'demo-admin')
    expect(await rt.call('reports', 'follow', { id }, 'demo-volunteer')).toMatchObject({ status: 404 })
    expect(await rt.call('reports', 'detail', { id }, 'demo-volunteer')).toMatchObject({ status: 404 })
    expect((await rt.call('reports', 'mine', {}, 'demo-volunteer')).body.data).toMatchObject({ items: [], total: 0 })
  })

  it('when someone follows a case that is later merged as a duplicate of an unaccepted one, then following gives them nothing private', async () => {
    const original = await fileReport(rt, 'demo-volunteer')
    const second = await fileReport(rt)
    await act(rt, 'markDuplicate', { id: second.id, duplicateOf: original.no }, 'demo-admin')
    // the office linked demo-resident to the original as a follower; it is still not accepted
    expect((await stored(original.id))?.followers).toEqual([userIdOf('demo-resident')])
    expect(await rt.call('reports', 'detail', { id: original.id }, 'demo-resident')).toMatchObject({ status: 404 })
    expect((await rt.call('reports', 'mine', {}, 'demo-resident')).body.data.items.map((c: { id: string }) => c.id)).toEqual([second.id])
    await act(rt, 'accept', { id: original.id }, 'demo-admin')
    expect((await rt.call('reports', 'detail', { id: original.id }, 'demo-resident')).body.data).toMatchObject({ following: true, canFollow: false })
    expect((await rt.call('reports', 'mine', {}, 'demo-resident')).body.data.total).toBe(2)
  })

  it('when the office names a rejected case as the original of a duplicate, then it is refused naming the field and both cases stay as they were', async () => {
    const refused = await fileReport(rt, 'demo-volunteer')
    await act(rt, 'reject', { id: refused.id, reason: '不属实' }, 'demo-admin')
    const second = await fileReport(rt)
    const res = await rt.call('reports', 'markDuplicate', { id: second.id, duplicateOf: refused.no }, 'demo-admin')
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', issues: [{ field: 'duplicateOf', message: '原问题已不予受理或已并入其他问题，请选择其他案件' }] } })
    expect(await stored(second.id)).toMatchObject({ status: 'submitted', duplicateOf: null })
    expect((await stored(refused.id))?.followers).toEqual([])
  })

  it('when a case is closed, then the public can still open it but no longer follow it', async () => {
    const id = await caseAt('closed')
    expect((await rt.call('reports', 'detail', { id }, 'demo-volunteer')).body.data).toMatchObject({ status: 'closed', canFollow: false })
    expect(await rt.call('reports', 'follow', { id }, 'demo-volunteer')).toMatchObject({ status: 409 })
    expect((await stored(id))?.followers).toEqual([])
  })

  it('when a case is accepted, then the public sees it with photos but never who reported it', async () => {
    const { id } = await fileReport(rt, 'demo-resident', { anonymous: false })
    await act(rt, 'accept', { id }, 'demo-admin')
    const feed = await rt.call('reports', 'feed', { lat: SPOT.lat, lng: SPOT.lng }, 'demo-volunteer')
    expect(feed.body.data.items).toEqual([expect.objectContaining({ id, distance: 0, photos: [expect.stringMatching(/^\/files\//)] })])
    const publicView = await rt.call('reports', 'detail', { id }, 'demo-volunteer')
    expect(publicView.body.data).toMatchObject({ reporter: null, mine: false, canFollow: true })
    const text = JSON.stringify([feed.body, publicView.body])
    expect(text).not.toMatch(/demo-resident|王阿姨|openid/)
    expect(text).not.toContain(userIdOf('demo-resident'))
    expect((await rt.call('reports', 'detail', { id }, 'demo-admin')).body.data.reporter).toBe('王阿姨')
  })

  it('when a case was filed anonymously, then only the office sees who reported it, not the department it is assigned to', async () => {
    const { id } = await fileReport(rt, 'demo-resident', { anonymous: true })
    await act(rt, 'accept', { id }, 'demo-admin')
    await act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
    const handlerView = await rt.call('reports', 'detail', { id }, 'demo-handler')
    expect(handlerView.body.data).toMatchObject({ anonymous: true, reporter: null, department: { id: 'dept-cg' } })
    expect(JSON.stringify(handlerView.body)).not.toMatch(/王阿姨|demo-resident/)
    expect((await rt.call('reports', 'detail', { id }, 'demo-admin')).body.data).toMatchObject({ anonymous: true, reporter: '王阿姨' })
    expect((await stored(id))?.reporterId).toBe(userIdOf('demo-resident'))
  })

  it('when a case was filed under the reporter\'s name, then its department sees who reported it', async () => {
    const id = await caseAt('assigned')
    expect((await rt.call('reports', 'detail', { id }, 'demo-handler')).body.data).toMatchObject({ anonymous: false, reporter: '王阿姨' })
  })
})

describe('photo links', () => {
  it('when the ledger, the feed and a case show several photos, then storage is asked for their links once per view, and each link opens its own photo', async () => {
    const ids = [await caseAt('closed'), await caseAt('closed'), await caseAt('accepted')]
    const cases = await Promise.all(ids.map(async (id) => (await stored(id))!))
    const asked = jest.spyOn(rt.deps.files, 'urls')
    const opens = async (url: string, fileId: string) => (await rt.app.inject({ method: 'GET', url })).rawPayload.equals((await rt.deps.files.get(fileId))!.content)

    const ledger = (await rt.call('reports', 'ledger', { page: 1 }, 'demo-admin')).body.data
    expect(asked).toHaveBeenCalledTimes(1)
    for (const r of cases) expect(await opens(ledger.items.find((c: { id: string }) => c.id === r._id).thumb, r.photos[0])).toBe(true)

    asked.mockClear()
    const feed = (await rt.call('reports', 'feed', { lat: SPOT.lat, lng: SPOT.lng }, 'demo-volunteer')).body.data
    expect(asked).toHaveBeenCalledTimes(1)
    expect(feed.items).toHaveLength(3)
    for (const r of cases) expect(await opens(feed.items.find((c: { id: string }) => c.id === r._id).photos[0], r.photos[0])).toBe(true)

    asked.mockClear()
    const closed = cases[0]
    const detail = (await rt.call('reports', 'detail', { id: closed._id }, 'demo-admin')).body.data
    expect(asked).toHaveBeenCalledTimes(1)
    expect(await opens(detail.thumb, closed.photos[0])).toBe(true)
    expect(await opens(detail.afterPhotos[0], closed.afterPhotos[0])).toBe(true)
    const fixed = detail.timeline.find((t: { to: string }) => t.to === 'fixed')
    expect(await opens(fixed.photos[0], closed.afterPhotos[0])).toBe(true)
  })
})

describe('points', () => {
  it('when a report is accepted, then its reporter earns points once, recorded in the ledger', async () => {
    const id = await caseAt('accepted')
    const ledger = await rt.call('users', 'points', {}, 'demo-resident')
    expect(ledger.body.data).toMatchObject({ balance: 10, total: 1, items: [{ points: 10, reportId: id }] })
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('demo-resident') }))?.points).toBe(10)
  })
})

describe('under concurrency, over real HTTP', () => {
  async function listen() {
    await rt.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = rt.app.server.address() as AddressInfo
    return (fn: string, body: object, openid: string) =>
      fetch(`http://127.0.0.1:${port}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string; data: { id: string } } }))
  }

  it('when 20 accepts of one case race, then exactly one succeeds, the rest conflict, points are awarded once and history has one accept', async () => {
    const post = await listen()
    const { id } = await fileReport(rt)
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('reports', { action: 'accept', payload: { id } }, 'demo-admin')))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'CONFLICT')).toHaveLength(19)
    expect(await points(rt.deps.store).count({ reportId: id })).toBe(1)
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('demo-resident') }))?.points).toBe(10)
    expect((await stored(id))?.history.filter((h) => h.to === 'accepted')).toHaveLength(1)
    expect(await counter('reportsOpen')).toBe(1)
  })

  it('when 50 submits with one requestId race, then there is one case and one place of the daily quota is used', async () => {
    const post = await listen()
    const payload = { categoryId: 'g2-01', description: '井盖缺失', photos: [await photo(rt)], location: SPOT, anonymous: false }
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('reports', { action: 'submit', payload, requestId: 'one-request-50' }, 'demo-resident')))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1)
    expect(await reports(rt.deps.store).count({})).toBe(1)
    expect(await counter('reports')).toBe(1)
    expect((await rt.deps.store.collection<{ _id: string; count: number }>('quotas').findOne({}))?.count).toBe(1)
  })
})

describe('the ledger', () => {
  it('when the office reads the ledger figures and exports the xlsx, then both agree with the cases in the store', async () => {
    const onSpot = await caseAt('accepted')
    await act(rt, 'fixOnSpot', { id: onSpot, afterPhotos: [await photo(rt, 'demo-admin')], note: '当场清理' }, 'demo-admin')
    const late = await caseAt('in_progress')
    rt.clock.set('2026-11-27T09:00:00+08:00')
    await sweep(rt.deps)
    await caseAt('closed')
    await caseAt('submitted')
    await act(rt, 'reject', { id: await caseAt('submitted'), reason: '不属实' }, 'demo-admin')

    const stats = (await rt.call('reports', 'stats', {}, 'demo-admin')).body.data
    const all = await reports(rt.deps.store).find({}, { limit: 100 })
    expect(stats).toMatchObject({
      total: all.length,
      submitted: all.filter((r) => r.status === 'submitted').length,
      onSpot: 1,
      byDeadline: all.filter((r) => r.assignedAt).length,
      assigned: 1 + all.filter((r) => r.assignedAt).length,
      fixed: all.filter((r) => r.fixedAt).length,
      inProgress: all.filter((r) => ['assigned', 'in_progress', 'extension_requested'].includes(r.status)).length,
      overdue: 1,
      fixRate: Math.round((all.filter((r) => r.fixedAt).length / (1 + all.filter((r) => r.assignedAt).length)) * 1000) / 10
    })
    expect(stats.avgHoursToFix).toBeGreaterThan(0)

    const exported = (await rt.call('reports', 'export', { status: 'open' }, 'demo-admin')).body.data
    const open = all.filter((r) => ['accepted', 'assigned', 'in_progress', 'extension_requested', 'returned', 'fixed'].includes(r.status))
    expect(exported.rows).toBe(open.length)
    const file = await rt.app.inject({ method: 'GET', url: exported.url })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('问题台账')!
    const header = sheet.getRow(3).values as string[]
    const noCol = header.indexOf('案件编号')
    const overdueCol = header.indexOf('是否超期')
    const rows = sheet.getRows(4, sheet.rowCount - 3)!.filter((r) => r.getCell(noCol).value)
    expect(rows.map((r) => r.getCell(noCol).value).sort()).toEqual(open.map((r) => r.no).sort())
    const lateNo = (await stored(late))!.no
    expect(rows.find((r) => r.getCell(noCol).value === lateNo)?.getCell(overdueCol).value).toBe('是')
  })

  it('when the filtered ledger runs past a read of 1,000 and many cases share a filing time, then the export holds each once, newest first', async () => {
    // 1,500 cases, 1,200 of them filed at the same instant: pages end inside the tie
    const cases = Array.from({ length: 1500 }, (_, i) => benchCase(i, 1500)).map((r, i) => (i < 1200 ? { ...r, createdAt: '2026-11-01T02:00:00.000Z' } : r))
    await insertAll(rt.deps.store, reports(rt.deps.store), cases)
    const from = '2026-10-15'
    const wanted = cases.filter((r) => r.createdAt >= '2026-10-14T16:00:00.000Z')

    const exported = (await rt.call('reports', 'export', { from }, 'demo-admin')).body.data
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.app.inject({ method: 'GET', url: exported.url })).rawPayload as unknown as ArrayBuffer)
    const rows = book.getWorksheet('问题台账')!.getRows(4, exported.rows)!.map((r) => ({ no: r.getCell(1).value as string, filed: r.getCell(2).value as string }))
    expect(exported.rows).toBe(wanted.length)
    expect(rows.map((r) => r.no).sort()).toEqual(wanted.map((r) => r.no).sort())
    expect(rows.map((r) => r.filed)).toEqual(rows.map((r) => r.filed).sort().reverse())
  })

  it('when cases are filed and moved, then the figures kept per day equal those counted over the cases, for every filter', async () => {
    await caseAt('closed')
    await caseAt('in_progress')
    await act(rt, 'fixOnSpot', { id: await caseAt('accepted'), afterPhotos: [await photo(rt, 'demo-admin')], note: '当场清理' }, 'demo-admin')
    rt.clock.set('2026-11-26T10:00:00+08:00')
    await caseAt('assigned')
    await fileReport(rt, 'demo-resident', { categoryId: 'g2-02' })
    await act(rt, 'reject', { id: await caseAt('submitted'), reason: '不属实' }, 'demo-admin')
    const { gridId } = (await stored(await caseAt('returned')))!
    rt.clock.set('2026-12-01T10:00:00+08:00')
    expect(await sweep(rt.deps)).toMatchObject({ overdue: 2, repaired: 0 })

    const repo = reportRepository(rt.deps.store)
    const filters = [{}, { status: 'open' }, { status: 'submitted' }, { departmentId: 'dept-cg' }, { categoryId: 'g2-01' }, { gridId: gridId! }, { overdue: true }, { from: '2026-11-26', to: '2026-11-26' }, { to: '2026-11-25', status: 'closed' }, { departmentId: 'dept-cg', categoryId: 'g2-01' }] as const
    for (const filter of filters) {
      const counted = await reports(rt.deps.store).tally(ledgerQuery(filter), CASE_FIGURES)
      expect({ filter, figures: await repo.stats(filter) }).toEqual({ filter, figures: counted })
    }
    expect((await repo.stats({})).total).toBe(7)
  })

  it('when a day tally drifted (a crash between steps where no transaction held them), then the next daily repair sets it back', async () => {
    await caseAt('assigned')
    expect(await sweep(rt.deps)).toMatchObject({ repaired: 0 })
    const before = (await rt.call('reports', 'stats', {}, 'demo-admin')).body.data
    await dayTallies(rt.deps.store).update({ family: 'all', status: 'assigned' }, { $inc: { n: 5 } })
    await dayTallies(rt.deps.store).remove({ family: 'departmentId' }, { multi: true })
    expect(await sweep(rt.deps)).toMatchObject({ repaired: 0 })

    rt.clock.advance(25 * HOUR)
    expect((await sweep(rt.deps)).repaired).toBeGreaterThan(1)
    expect((await rt.call('reports', 'stats', {}, 'demo-admin')).body.data).toEqual(before)
    expect((await rt.call('reports', 'stats', { departmentId: 'dept-cg' }, 'demo-admin')).body.data).toMatchObject({ total: 1, inProgress: 1 })
    rt.clock.advance(25 * HOUR)
    expect(await sweep(rt.deps)).toMatchObject({ repaired: 0 })
  })

  it('when a handler or resident asks for the ledger or export, then it is refused', async () => {
    expect(await rt.call('reports', 'ledger', {}, 'demo-handler')).toMatchObject({ status: 403 })
    expect(await rt.call('reports', 'export', {}, 'demo-resident')).toMatchObject({ status: 403 })
  })

  it('when the date range runs backwards, then it answers 400', async () => {
    expect(await rt.call('reports', 'stats', { from: '2026-11-30', to: '2026-11-01' }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'to' }] } })
  })
})

describe('the department queue', () => {
  it('when a handler opens the queue, then only their department\'s open cases come, nearest deadline first', async () => {
    const later = await caseAt('accepted')
    await act(rt, 'assign', { id: later, departmentId: 'dept-cg', deadlineDays: 5 }, 'demo-admin')
    const sooner = await caseAt('assigned')
    const other = await caseAt('accepted')
    await act(rt, 'assign', { id: other, departmentId: 'dept-sw', deadlineDays: 1 }, 'demo-admin')
    const queue = (await rt.call('reports', 'queue', {}, 'demo-handler')).body.data
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([sooner, later])
    expect(await rt.call('reports', 'queue', {}, 'demo-resident')).toMatchObject({ status: 403 })
  })
})
