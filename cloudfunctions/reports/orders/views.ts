import type { DepartmentRef } from '../../../types/api'
import type { Department } from '../../../types/domain'
import type { Order, OrderCard, OrderDetail, OrderHistoryEntry, OrderProposal, ProposalCard } from '../../../types/orders'
import type { Deps } from '../../core/ports'
import { reportRepository } from '../repository'
import { orderRepository } from './repository'

const ref = (depts: Map<string, Department>, id: string): DepartmentRef => ({ id, name: depts.get(id)?.name ?? '（已删除的单位）' })

/** Waiting on the unit's reply past its deadline. */
const isLate = (order: Order, now: Date) => (order.state === 'issued' || order.state === 'acknowledged') && order.replyBy < now.toISOString()

function toCard(order: Order, depts: Map<string, Department>, now: Date): OrderCard {
  return {
    id: order._id,
    no: order.no,
    level: order.level,
    state: order.state,
    department: ref(depts, order.departmentId),
    cases: order.caseIds.length,
    replyBy: order.replyBy,
    issuedAt: order.issuedAt,
    late: isLate(order, now)
  }
}

export async function toOrderCards(deps: Deps, list: Order[]): Promise<OrderCard[]> {
  const depts = await reportRepository(deps.store).departmentsById(list.map((o) => o.departmentId))
  return list.map((o) => toCard(o, depts, deps.clock.now()))
}

/** Who took a step, as the unit and the office read it: they speak for the office or their unit. */
function actorOf(entry: OrderHistoryEntry, order: Order, depts: Map<string, Department>) {
  if (entry.role === 'system') return '系统'
  if (entry.role === 'handler') return ref(depts, order.departmentId).name
  return '创文办'
}

export async function toOrderDetail(deps: Deps, order: Order): Promise<OrderDetail> {
  const repo = orderRepository(deps.store)
  const [depts, cases, escalates, escalatedTo] = await Promise.all([
    reportRepository(deps.store).departmentsById([order.departmentId]),
    repo.cases(order.caseIds),
    order.escalates ? repo.find(order.escalates) : null,
    order.escalatedTo ? repo.find(order.escalatedTo) : null
  ])
  const byId = new Map(cases.map((c) => [c._id, c]))
  return {
    ...toCard(order, depts, deps.clock.now()),
    text: order.text,
    reply: order.reply,
    cases: order.caseIds.flatMap((id) => {
      const c = byId.get(id)
      return c ? [{ id, no: c.no, categoryName: c.categoryName, address: c.location.address, status: c.status, deadline: c.deadline, overdue: c.overdue }] : []
    }),
    escalates: escalates ? { id: escalates._id, no: escalates.no } : null,
    escalatedTo: escalatedTo ? { id: escalatedTo._id, no: escalatedTo.no } : null,
    history: order.history.map((h) => ({ at: h.at, who: actorOf(h, order, depts), from: h.from, to: h.to, level: h.level, note: h.note ?? null }))
  }
}

export async function toProposalCards(deps: Deps, list: OrderProposal[]): Promise<ProposalCard[]> {
  const repo = orderRepository(deps.store)
  const [depts, cases, prior] = await Promise.all([
    reportRepository(deps.store).departmentsById(list.map((p) => p.departmentId)),
    repo.cases(list.flatMap((p) => p.caseIds)),
    Promise.all(list.map((p) => (p.escalates ? repo.find(p.escalates) : null)))
  ])
  const byId = new Map(cases.map((c) => [c._id, c]))
  return list.map((p, i) => ({
    id: p._id,
    level: p.level,
    department: ref(depts, p.departmentId),
    cases: p.caseIds.flatMap((id) => {
      const c = byId.get(id)
      return c ? [{ id, no: c.no, categoryName: c.categoryName }] : []
    }),
    escalates: prior[i] ? { id: prior[i]._id, no: prior[i].no } : null,
    reason: p.reason,
    proposedAt: p.proposedAt
  }))
}
