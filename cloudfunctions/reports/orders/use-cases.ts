import type { Page } from '../../../types/api'
import { REPORT_STATUS_LABELS, type PublicText } from '../../../types/domain'
import { ORDER_LEVEL_LABELS, WAITING_ON_UNIT, type Order, type OrderCard, type OrderCountRow, type OrderDetail, type OrderFilter, type OrderHistoryEntry, type OrderLevel, type OrderState, type ProposalCard } from '../../../types/orders'
import type { ActionContext } from '../../core/action'
import { conflict, forbidden, invalid, notFound } from '../../core/errors'
import { createdId } from '../../core/idempotency'
import type { Deps } from '../../core/ports'
import { beijingDay, deadlineAfter, endOfBeijingDay, startOfBeijingDay } from '../../../types/calendar'
import { reportRepository } from '../repository'
import { WITH_DEPARTMENT } from '../state'
import { orderRepository } from './repository'
import { toOrderCards, toOrderDetail, toProposalCards } from './views'

/** The unit replies within this many working days of a confirmed proposal, unless the office says otherwise. */
export const REPLY_DAYS = 3

type Paged<T> = T & { page: number; pageSize: number }
interface Issue {
  _id: string
  departmentId: string
  caseIds: string[]
  level: OrderLevel
  replyBy: string
  text: string
  escalates: string | null
}

/** Same person + same requestId = same order, so a retried issue never takes a second number. */
export async function issueOrder(input: Omit<Issue, '_id' | 'escalates' | 'text'> & { text: PublicText }, ctx: ActionContext): Promise<OrderDetail> {
  const _id = createdId('o', ctx)
  const again = await orderRepository(ctx.deps.store).find(_id)
  if (again) return toOrderDetail(ctx.deps, again)
  if (!(await reportRepository(ctx.deps.store).department(input.departmentId))) throw invalid('departmentId', '该责任单位不存在')
  await assertCasesWithUnit(ctx.deps, input.caseIds, input.departmentId)
  return toOrderDetail(ctx.deps, await issue(ctx, { ...input, _id, replyBy: replyDeadline(ctx.deps, input.replyBy), escalates: null }))
}

/** The office's orders, or a handler's own unit's; open ones are those not yet closed. */
export async function listOrders(input: Paged<OrderFilter>, { caller, deps }: ActionContext): Promise<Page<OrderCard> & { open: number }> {
  const departmentId = caller.roles.includes('admin') ? input.departmentId : ownUnit(caller)
  const repo = orderRepository(deps.store)
  const filter = { ...input, departmentId }
  const [list, total, open] = await Promise.all([repo.page(filter, (input.page - 1) * input.pageSize, input.pageSize), repo.count(filter), repo.waitingOnUnit(departmentId)])
  return { items: await toOrderCards(deps, list), total, page: input.page, pageSize: input.pageSize, open }
}

export async function orderDetail(input: { id: string }, ctx: ActionContext): Promise<OrderDetail> {
  return toOrderDetail(ctx.deps, await visible(ctx, input.id))
}

/** 签收: the unit has read it. */
export async function acknowledgeOrder(input: { id: string }, ctx: ActionContext): Promise<OrderDetail> {
  const order = await ownOrder(ctx, input.id)
  if (order.state !== 'issued') throw conflict(`该督办单已${order.state === 'closed' ? '办结' : '签收'}`)
  return toOrderDetail(ctx.deps, await step(ctx, order, 'acknowledged', '已签收', { acknowledgedAt: now(ctx.deps) }))
}

/** 回复: what the unit did; the order stays open until its cases close. */
export async function replyOrder(input: { id: string; reply: PublicText }, ctx: ActionContext): Promise<OrderDetail> {
  const order = await ownOrder(ctx, input.id)
  if (!WAITING_ON_UNIT.includes(order.state)) throw conflict(`该督办单已${order.state === 'closed' ? '办结' : '回复'}`)
  const replied = await step(ctx, order, 'replied', input.reply, { reply: input.reply, repliedAt: now(ctx.deps), ...(order.acknowledgedAt ? {} : { acknowledgedAt: now(ctx.deps) }) })
  await tellOffice(ctx.deps, replied, `${replied.no} 已回复`, `${await unitName(ctx.deps, replied.departmentId)}：${input.reply}`)
  return toOrderDetail(ctx.deps, replied)
}

export async function listProposals(input: Paged<object>, { deps }: ActionContext): Promise<Page<ProposalCard>> {
  const repo = orderRepository(deps.store)
  const [list, total] = await Promise.all([repo.openProposals({ skip: (input.page - 1) * input.pageSize, limit: input.pageSize }), repo.countOpenProposals()])
  return { items: await toProposalCards(deps, list), total, page: input.page, pageSize: input.pageSize }
}

/**
 * One tap issues the proposed order for the cases still open with the unit. Confirming again answers the same
 * order: the proposal is decided once, and the order's id comes from the proposal's.
 */
export async function confirmProposal(input: { id: string; replyBy?: string }, ctx: ActionContext): Promise<OrderDetail> {
  const { deps } = ctx
  const repo = orderRepository(deps.store)
  const proposal = await repo.proposal(input.id)
  if (proposal.state === 'confirmed') return toOrderDetail(deps, await repo.get(proposal.orderId!))
  if (proposal.state === 'dismissed') throw conflict('该督办建议已被忽略')
  const caseIds = (await repo.cases(proposal.caseIds)).filter((c) => c.departmentId === proposal.departmentId && WITH_DEPARTMENT.includes(c.status)).map((c) => c._id)
  if (!caseIds.length) throw conflict('建议督办的问题已办结或已改派，无需督办，请忽略该建议')
  const replyBy = input.replyBy ? replyDeadline(deps, input.replyBy) : deadlineAfter(deps.clock.now(), REPLY_DAYS, await reportRepository(deps.store).calendar())
  const _id = `o-${proposal._id.replace(':', '-')}`
  if (!(await repo.decide(proposal._id, { state: 'confirmed', orderId: _id, decidedBy: ctx.caller._id, decidedAt: now(deps) }))) {
    // confirmed by another tap meanwhile: answer what it issued
    return toOrderDetail(deps, await repo.get((await repo.proposal(proposal._id)).orderId ?? _id))
  }
  const { level, departmentId, escalates, reason } = proposal
  const text = `${reason}。请你单位高度重视，立即组织整改，并于回复期限前将整改情况书面回复市创文办。`
  return toOrderDetail(deps, await issue(ctx, { _id, level, departmentId, caseIds, replyBy, text, escalates }))
}

export async function dismissProposal(input: { id: string }, { caller, deps }: ActionContext) {
  const repo = orderRepository(deps.store)
  await repo.proposal(input.id)
  return { dismissed: (await repo.decide(input.id, { state: 'dismissed', decidedBy: caller._id, decidedAt: now(deps) })) > 0 }
}

/** Orders given per unit and level over Beijing days [from, to]. */
export async function orderCounts(input: { from: string; to: string }, { deps }: ActionContext): Promise<OrderCountRow[]> {
  const counts = await orderRepository(deps.store).countsByUnit(startOfBeijingDay(input.from), new Date(Date.parse(endOfBeijingDay(input.to)) + 1).toISOString())
  const units = [...new Set(Object.values(counts).flatMap(Object.keys))]
  const depts = await reportRepository(deps.store).departmentsById(units)
  return units
    .map((id) => ({ department: { id, name: depts.get(id)?.name ?? '（已删除的单位）' }, white: counts.white[id] ?? 0, yellow: counts.yellow[id] ?? 0, red: counts.red[id] ?? 0 }))
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.white - a.white)
}



const now = (deps: Deps) => deps.clock.now().toISOString()

function ownUnit(caller: ActionContext['caller']) {
  if (!caller.departmentId) throw forbidden('您还没有所属责任单位，请联系创文办')
  return caller.departmentId
}

/** The office sees every order; a unit's handler only the unit's own, and others are as good as missing. */
async function visible({ caller, deps }: ActionContext, id: string) {
  const order = await orderRepository(deps.store).get(id)
  if (!caller.roles.includes('admin') && order.departmentId !== caller.departmentId) throw notFound('该督办单')
  return order
}

/** Only the unit's handler acknowledges and replies, the office included. */
async function ownOrder(ctx: ActionContext, id: string) {
  const order = await visible(ctx, id)
  if (order.departmentId !== ctx.caller.departmentId || !ctx.caller.roles.includes('handler')) throw forbidden('只有被督办单位的办理人可以签收和回复')
  return order
}

/** A reply deadline is the end of a Beijing day not yet past. */
function replyDeadline(deps: Deps, day: string) {
  if (day < beijingDay(deps.clock.now())) throw invalid('replyBy', '回复期限不能早于今天')
  return endOfBeijingDay(day)
}

/** Every case must be open and with the unit the order goes to. */
async function assertCasesWithUnit(deps: Deps, caseIds: string[], departmentId: string) {
  const cases = new Map((await orderRepository(deps.store).cases(caseIds)).map((c) => [c._id, c]))
  for (const id of caseIds) {
    const c = cases.get(id)
    if (!c) throw invalid('caseIds', `问题 ${id} 不存在`)
    if (c.departmentId !== departmentId) throw invalid('caseIds', `问题 ${c.no} 不是该单位承办的，不能向该单位督办`)
    if (!WITH_DEPARTMENT.includes(c.status)) throw invalid('caseIds', `问题 ${c.no} 当前「${REPORT_STATUS_LABELS[c.status]}」，只有责任单位正在整改的问题可以督办`)
  }
}

/** Takes the year's next number, files the order with its first history entry, and tells the unit. */
async function issue({ caller, deps }: ActionContext, fields: Issue): Promise<Order> {
  const repo = orderRepository(deps.store)
  const at = now(deps)
  const year = Number(beijingDay(at).slice(0, 4))
  const seq = await repo.nextNumber(year)
  const no = `督办〔${year}〕第${seq}号`
  const label = `${ORDER_LEVEL_LABELS[fields.level]}督办单`
  const entry: OrderHistoryEntry = { at, by: caller._id, role: 'admin', from: null, to: 'issued', level: fields.level, note: `开具${label}` }
  const order: Order = { ...fields, no, year, seq, state: 'issued', reply: null, requestId: fields._id, issuedBy: caller._id, issuedAt: at, acknowledgedAt: null, repliedAt: null, closedAt: null, escalatedTo: null, history: [entry] }
  await repo.insert(order)
  if (fields.escalates) {
    const note = `升级为${label}：${no}`
    await repo.markEscalated(fields.escalates, { $set: { escalatedTo: order._id }, $push: { history: { ...entry, from: null, to: 'escalated', note } } })
  }
  await tellUnit(deps, order, `收到${label}`, `${no}：${fields.caseIds.length} 个问题，请于 ${beijingDay(fields.replyBy)} 前回复`)
  return order
}

/** Moves the order one step, appending who, when and why; refused if someone moved it first. */
async function step({ caller, deps }: ActionContext, order: Order, to: OrderState, note: string, set: Partial<Order>): Promise<Order> {
  const entry: OrderHistoryEntry = { at: now(deps), by: caller._id, role: 'handler', from: order.state, to, level: order.level, note }
  if (!(await orderRepository(deps.store).update(order, { $set: { ...set, state: to }, $push: { history: entry } }))) throw conflict('该督办单刚刚被其他人处理过，请刷新后再试')
  return { ...order, ...set, state: to, history: [...order.history, entry] }
}

const unitName = async (deps: Deps, id: string) => (await reportRepository(deps.store).department(id))?.name ?? '责任单位'

/** A notice to staff goes to this many of them at most, as for cases. */
const STAFF_PER_NOTICE = 50
const pageOf = (order: Order) => `/packages/orders/detail/index?id=${order._id}`

export async function tellUnit(deps: Deps, order: Order, title: string, body: string) {
  for (const user of await reportRepository(deps.store).handlersOf(order.departmentId, STAFF_PER_NOTICE)) {
    await deps.notifier.notify({ userId: user._id, openid: user.openid, template: `staff.order.${order.state}`, title, body, page: pageOf(order) })
  }
}

async function tellOffice(deps: Deps, order: Order, title: string, body: string) {
  for (const user of await reportRepository(deps.store).admins(STAFF_PER_NOTICE)) {
    await deps.notifier.notify({ userId: user._id, openid: user.openid, template: `staff.order.${order.state}`, title, body, page: pageOf(order) })
  }
}
