import { orderProposals, orders, orderYears, outbox, users } from '../../core/collections'
import { userIdOf } from '../../core/identity'
import { insertAll, startRuntime, type TestRuntime } from '../../../test/support/runtime'
import { act, fileReport, photo, requestId } from '../../../test/support/reports'
import { pushing } from '../../../test/support/subscribe'
import { sweep } from '../daily'

let rt: TestRuntime
beforeEach(async () => {
  // Monday 2026-11-23, 09:00 Beijing.
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
  const at = rt.clock.now().toISOString()
  await insertAll(rt.deps.store, users(rt.deps.store), [{ _id: userIdOf('zj-handler'), openid: 'zj-handler', nickname: '住建钱科长', roles: ['resident', 'handler'], departmentId: 'dept-zj', createdAt: at, updatedAt: at, history: [] }])
})
afterEach(() => rt.app.close())

/** A case with `departmentId`, due in 2 working days (Monday's: end of Wednesday 2026-11-25). */
async function openCase(departmentId = 'dept-cg') {
  const { id } = await fileReport(rt)
  await act(rt, 'accept', { id }, 'demo-admin')
  await act(rt, 'assign', { id, departmentId, deadlineDays: 2 }, 'demo-admin')
  return id
}

async function close(id: string) {
  await act(rt, 'fix', { id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
  await act(rt, 'verify', { id }, 'demo-admin')
}

const order = (payload: Record<string, unknown>, openid = 'demo-admin', req = requestId()) =>
  rt.call('reports', 'issueOrder', { departmentId: 'dept-cg', level: 'white', replyBy: '2026-11-27', text: '请立即整改并书面回复', ...payload }, openid, req)
const storedOrders = () => orders(rt.deps.store).find({}, { limit: 100 })
const proposals = async () => (await rt.call('reports', 'orderProposals', {}, 'demo-admin')).body.data.items as { id: string; level: string; cases: { id: string }[]; escalates: { no: string } | null }[]

describe('issuing a 督办单', () => {
  it('when 20 orders are issued at once, then they get 20 distinct consecutive numbers of the year', async () => {
    const id = await openCase()
    const answers = await Promise.all(Array.from({ length: 20 }, () => order({ caseIds: [id] })))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
    const numbers = answers.map((a) => a.body.data.no as string).sort((a, b) => a.length - b.length || a.localeCompare(b))
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `督办〔2026〕第${i + 1}号`))
    expect((await storedOrders()).map((o) => o.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(await orderYears(rt.deps.store).findOne({ _id: '2026' })).toEqual({ _id: '2026', value: 20 })
  })

  it('when the office issues one, then it is stored issued with its history, and the unit is told', async () => {
    const [a, b] = [await openCase(), await openCase()]
    const res = await order({ caseIds: [a, b], level: 'yellow' })
    expect(res.body.data).toMatchObject({ no: '督办〔2026〕第1号', level: 'yellow', state: 'issued', department: { id: 'dept-cg', name: '市城市管理局' }, replyBy: '2026-11-27T15:59:59.999Z', late: false })
    expect(res.body.data.cases.map((c: { id: string }) => c.id)).toEqual([a, b])
    const [stored] = await storedOrders()
    expect(stored).toMatchObject({ caseIds: [a, b], state: 'issued', history: [{ to: 'issued', role: 'admin', level: 'yellow', by: userIdOf('demo-admin') }] })
    expect(await outbox(rt.deps.store).findOne({ userId: userIdOf('demo-handler'), title: '收到黄色督办单' })).toMatchObject({ body: '督办〔2026〕第1号：2 个问题，请于 2026-11-27 前回复', page: `/packages/orders/detail/index?id=${stored._id}` })
  })

  it('when an order is issued and answered, then WeChat pushes the unit its 督办单 and the office the reply, each under its staff template', async () => {
    const id = await openCase()
    const pushed = pushing(rt, { 'staff.order.issued': 'TPL-order', 'staff.order.replied': 'TPL-reply' })
    const issued = (await order({ caseIds: [id], level: 'red' })).body.data
    await act(rt, 'replyOrder', { id: issued.id, reply: '已组织人员连夜更换全部破损井盖，并安排专人每日巡查' }, 'demo-handler')
    expect(pushed.map((m) => [m.touser, m.templateId, m.data.thing1.value, m.data.thing2.value, m.page])).toEqual([
      ['demo-handler', 'TPL-order', '收到红色督办单', '督办〔2026〕第1号：1 个问题，请…', `/packages/orders/detail/index?id=${issued.id}`],
      ['demo-admin', 'TPL-reply', '督办〔2026〕第1号 已回复', '市城市管理局：已组织人员连夜更换全部破…', `/packages/orders/detail/index?id=${issued.id}`]
    ])
  })

  it('when the same requestId is sent twice, then there is one order and one number', async () => {
    const id = await openCase()
    const first = await order({ caseIds: [id] }, 'demo-admin', 'same-order')
    const again = await order({ caseIds: [id] }, 'demo-admin', 'same-order')
    expect(again.body.data.id).toBe(first.body.data.id)
    expect(await storedOrders()).toHaveLength(1)
    expect((await orderYears(rt.deps.store).findOne({ _id: '2026' }))?.value).toBe(1)
  })

  it.each([
    ['no cases', async () => ({ caseIds: [] }), 'caseIds', '请至少选择 1 个要督办的问题'],
    ['a closed case', async () => {
      const id = await openCase()
      await close(id)
      return { caseIds: [id] }
    }, 'caseIds', '当前「已办结」，只有责任单位正在整改的问题可以督办'],
    ['a case of another unit', async () => ({ caseIds: [await openCase(), await openCase('dept-zj')] }), 'caseIds', '不是该单位承办的，不能向该单位督办'],
    ['a reply deadline in the past', async () => ({ caseIds: [await openCase()], replyBy: '2026-11-22' }), 'replyBy', '回复期限不能早于今天'],
    ['no text', async () => ({ caseIds: [await openCase()], text: ' ' }), 'text', '请填写督办内容'],
    ['an unknown level', async () => ({ caseIds: [await openCase()], level: 'blue' }), 'level', '请选择督办级别（白色、黄色或红色）']
  ])('when the order has %s, then it answers 400 naming the problem and changes nothing', async (_, payload, field, message) => {
    const res = await order(await payload())
    expect(res.status).toBe(400)
    expect(res.body.issues).toEqual([{ field, message: expect.stringContaining(message) }])
    expect(res.body.message).toContain(message)
    expect(await storedOrders()).toHaveLength(0)
    // no number was used up: the next order is still the first
    expect((await order({ caseIds: [await openCase()] })).body.data.no).toBe('督办〔2026〕第1号')
  })
})

describe('who may do what', () => {
  it('when a handler tries to issue, then it is refused and nothing is stored', async () => {
    const res = await order({ caseIds: [await openCase()] }, 'demo-handler')
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    expect(await storedOrders()).toHaveLength(0)
  })

  it('when the unit acknowledges and replies, then each step is appended and the office is told; another unit can neither see nor reply', async () => {
    const { id } = (await order({ caseIds: [await openCase()] })).body.data
    expect((await rt.call('reports', 'waiting', {}, 'demo-handler')).body.data).toMatchObject({ orders: 1 })

    expect(await rt.call('reports', 'order', { id }, 'zj-handler')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    expect(await rt.call('reports', 'replyOrder', { id, reply: '不关我们的事' }, 'zj-handler')).toMatchObject({ status: 404 })
    expect((await rt.call('reports', 'orders', {}, 'zj-handler')).body.data).toMatchObject({ total: 0, items: [] })
    expect(await rt.call('reports', 'acknowledgeOrder', { id }, 'demo-admin')).toMatchObject({ status: 403 })

    expect((await rt.call('reports', 'acknowledgeOrder', { id }, 'demo-handler')).body.data).toMatchObject({ state: 'acknowledged' })
    expect(await rt.call('reports', 'acknowledgeOrder', { id }, 'demo-handler')).toMatchObject({ status: 409, body: { message: '该督办单已签收' } })
    const replied = (await rt.call('reports', 'replyOrder', { id, reply: '已组织人员更换井盖，周五前完成' }, 'demo-handler')).body.data
    expect(replied).toMatchObject({ state: 'replied', reply: '已组织人员更换井盖，周五前完成' })
    expect(replied.history.map((h: { to: string; who: string }) => [h.to, h.who])).toEqual([['issued', '创文办'], ['acknowledged', '市城市管理局'], ['replied', '市城市管理局']])

    const [stored] = await storedOrders()
    expect(stored).toMatchObject({ state: 'replied', reply: '已组织人员更换井盖，周五前完成', history: [{ to: 'issued' }, { to: 'acknowledged', role: 'handler' }, { to: 'replied', role: 'handler' }] })
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('demo-admin'), title: `${stored.no} 已回复` })).toBe(1)
    expect((await rt.call('reports', 'waiting', {}, 'demo-handler')).body.data).toMatchObject({ orders: 0 })
    expect((await rt.call('reports', 'orders', { state: 'replied' }, 'demo-handler')).body.data.items).toHaveLength(1)
  })
})

describe('the sweep and its proposals', () => {
  it('when a case stays open on a moving clock, then the sweep proposes white, then yellow, then red, and issues nothing by itself', async () => {
    const id = await openCase()
    rt.clock.set('2026-11-27T10:00:00+08:00') // 2 working days late
    await sweep(rt.deps)
    expect(await proposals()).toEqual([])

    rt.clock.set('2026-11-30T10:00:00+08:00') // Monday: 3 working days late
    expect((await sweep(rt.deps)).orders).toEqual({ proposed: 1, closed: 0 })
    const [white] = await proposals()
    expect(white).toMatchObject({ level: 'white', cases: [{ id }], escalates: null })
    expect(await storedOrders()).toHaveLength(0)
    expect((await sweep(rt.deps)).orders).toEqual({ proposed: 0, closed: 0 })

    const issued = (await rt.call('reports', 'confirmProposal', { id: white.id }, 'demo-admin')).body.data
    expect(issued).toMatchObject({ no: '督办〔2026〕第1号', level: 'white', replyBy: '2026-12-03T15:59:59.999Z' })
    expect(await proposals()).toEqual([])

    rt.clock.set('2026-12-04T10:00:00+08:00') // 4 working days after the white order
    await sweep(rt.deps)
    expect(await proposals()).toEqual([])
    rt.clock.set('2026-12-07T10:00:00+08:00') // 5
    await sweep(rt.deps)
    const [yellow] = await proposals()
    expect(yellow).toMatchObject({ level: 'yellow', cases: [{ id }], escalates: { no: '督办〔2026〕第1号' } })
    expect(await storedOrders()).toHaveLength(1)

    const escalated = (await rt.call('reports', 'confirmProposal', { id: yellow.id }, 'demo-admin')).body.data
    expect(escalated).toMatchObject({ no: '督办〔2026〕第2号', level: 'yellow', escalates: { no: '督办〔2026〕第1号' } })
    const first = await orders(rt.deps.store).findOne({ _id: issued.id })
    expect(first).toMatchObject({ escalatedTo: escalated.id, history: [{ to: 'issued' }, { to: 'escalated', level: 'yellow', note: '升级为黄色督办单：督办〔2026〕第2号' }] })

    rt.clock.set('2026-12-14T10:00:00+08:00') // 5 working days after the yellow order
    await sweep(rt.deps)
    const [red] = await proposals()
    expect(red).toMatchObject({ level: 'red', escalates: { no: '督办〔2026〕第2号' } })
    expect(await storedOrders()).toHaveLength(2)
    expect(await orderProposals(rt.deps.store).count({ state: 'confirmed' })).toBe(2)
  })

  it('when the unit has fixed an ordered case and it waits on the office’s check, then no escalation is proposed for it', async () => {
    const id = await openCase()
    rt.clock.set('2026-11-30T10:00:00+08:00')
    await sweep(rt.deps)
    const [white] = await proposals()
    await rt.call('reports', 'confirmProposal', { id: white.id }, 'demo-admin')
    await act(rt, 'fix', { id, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
    rt.clock.set('2026-12-07T10:00:00+08:00') // 5 working days after the white order, the case still unverified
    expect((await sweep(rt.deps)).orders).toEqual({ proposed: 0, closed: 0 })
    expect(await proposals()).toEqual([])
  })

  it('when the office changes the thresholds, then the sweep proposes by them; a handler cannot change them', async () => {
    await openCase()
    expect(await rt.call('campaign', 'setOrderThresholds', { white: 1, yellow: 2, red: 2 }, 'demo-handler')).toMatchObject({ status: 403 })
    expect((await rt.call('campaign', 'setOrderThresholds', { white: 0, yellow: 2, red: 2 }, 'demo-admin')).body.issues).toEqual([{ field: 'white', message: '超期转白色督办的天数至少 1 个工作日' }])
    expect((await rt.call('campaign', 'setOrderThresholds', { white: 1, yellow: 2, red: 2 }, 'demo-admin')).body.data).toEqual({ white: 1, yellow: 2, red: 2 })
    expect((await rt.call('campaign', 'settings', {}, 'demo-admin')).body.data.orderThresholds).toEqual({ white: 1, yellow: 2, red: 2 })
    rt.clock.set('2026-11-26T10:00:00+08:00') // 1 working day late
    await sweep(rt.deps)
    expect((await proposals()).map((p) => p.level)).toEqual(['white'])
  })

  it('when a proposal is confirmed twice at once, then exactly one order is issued; a dismissed one is not proposed again', async () => {
    await openCase()
    const other = await openCase()
    rt.clock.set('2026-11-30T10:00:00+08:00')
    await sweep(rt.deps)
    const made = await proposals()
    expect(made).toHaveLength(2)
    // made in one sweep, they share a moment: told apart by their case
    const [p, q] = [made.find((x) => x.cases[0].id !== other)!, made.find((x) => x.cases[0].id === other)!]
    const answers = await Promise.all([p, p].map(() => rt.call('reports', 'confirmProposal', { id: p.id }, 'demo-admin')))
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers[0].body.data.id).toBe(answers[1].body.data.id)
    expect((await rt.call('reports', 'confirmProposal', { id: p.id }, 'demo-admin')).body.data.id).toBe(answers[0].body.data.id)
    expect(await storedOrders()).toHaveLength(1)
    expect((await orderYears(rt.deps.store).findOne({ _id: '2026' }))?.value).toBe(1)

    expect(await rt.call('reports', 'dismissProposal', { id: q.id }, 'demo-handler')).toMatchObject({ status: 403 })
    expect((await rt.call('reports', 'dismissProposal', { id: q.id }, 'demo-admin')).body.data).toEqual({ dismissed: true })
    rt.clock.advance(3600000)
    await sweep(rt.deps)
    expect(await proposals()).toEqual([])
    expect(await rt.call('reports', 'confirmProposal', { id: q.id }, 'demo-admin')).toMatchObject({ status: 409, body: { message: '该督办建议已被忽略' } })
    expect(await storedOrders()).toHaveLength(1)
  })
})

describe('closing and counting', () => {
  it('when all its cases close, then the sweep closes the order and tells the unit', async () => {
    const [a, b] = [await openCase(), await openCase()]
    const { id } = (await order({ caseIds: [a, b] })).body.data
    await close(a)
    await sweep(rt.deps)
    expect(await orders(rt.deps.store).findOne({ _id: id })).toMatchObject({ state: 'issued', closedAt: null })

    await close(b)
    expect((await sweep(rt.deps)).orders).toEqual({ proposed: 0, closed: 1 })
    const closed = (await rt.call('reports', 'order', { id }, 'demo-handler')).body.data
    expect(closed).toMatchObject({ state: 'closed', cases: [{ status: 'closed' }, { status: 'closed' }] })
    expect(closed.history.at(-1)).toMatchObject({ to: 'closed', who: '系统' })
    expect(await orders(rt.deps.store).findOne({ _id: id })).toMatchObject({ state: 'closed', closedAt: rt.clock.now().toISOString() })
    expect(await outbox(rt.deps.store).count({ userId: userIdOf('demo-handler'), title: '督办〔2026〕第1号 已办结' })).toBe(1)
    expect(await rt.call('reports', 'replyOrder', { id, reply: '已整改' }, 'demo-handler')).toMatchObject({ status: 409 })
  })

  it('when orders were given in and out of a period, then the counts per unit and level hold only the period', async () => {
    const cg = await openCase()
    const zj = await openCase('dept-zj')
    await order({ caseIds: [cg] })
    await order({ caseIds: [cg], level: 'red' })
    await order({ departmentId: 'dept-zj', caseIds: [zj] })
    rt.clock.set('2026-12-01T09:00:00+08:00')
    await order({ caseIds: [cg], replyBy: '2026-12-04' })

    const res = await rt.call('reports', 'orderCounts', { from: '2026-11-01', to: '2026-11-30' }, 'demo-admin')
    expect(res.body.data).toEqual([
      { department: { id: 'dept-cg', name: '市城市管理局' }, white: 1, yellow: 0, red: 1 },
      { department: { id: 'dept-zj', name: '市住房和城乡建设局' }, white: 1, yellow: 0, red: 0 }
    ])
    expect(await rt.call('reports', 'orderCounts', { from: '2026-11-01', to: '2026-11-30' }, 'demo-handler')).toMatchObject({ status: 403 })
    const list = (await rt.call('reports', 'orders', { level: 'white', departmentId: 'dept-cg' }, 'demo-admin')).body.data
    expect(list).toMatchObject({ total: 2, items: [{ no: '督办〔2026〕第4号' }, { no: '督办〔2026〕第1号' }] })
  })
})
