import type { OrderHistoryEntry, OrderLevel, OrderProposal } from '../../../types/orders'
import type { Deps } from '../../core/ports'
import { beijingDay, startOfBeijingDay, workingDaysBetween } from '../../../types/calendar'
import { reportRepository } from '../repository'
import { SETTLED, WITH_DEPARTMENT } from '../state'
import { orderRepository } from './repository'
import { tellUnit } from './use-cases'

const DAY = 86400000
const NEXT: Record<OrderLevel, OrderLevel | null> = { white: 'yellow', yellow: 'red', red: null }

/**
 * The hourly look at 督办: closes the orders whose cases have all closed, and proposes, never issues, what the
 * office's thresholds call for: 白色 for a case overdue long enough and under no order yet, then 黄色 and 红色
 * for an order still open long enough after it was issued. Each proposal is made once, so a dismissed one
 * stays dismissed.
 */
export async function sweepOrders(deps: Deps) {
  const repo = orderRepository(deps.store)
  const now = deps.clock.now()
  const today = beijingDay(now)
  const [calendar, limits] = await Promise.all([reportRepository(deps.store).calendar(), repo.thresholds()])
  const proposal = (fields: Pick<OrderProposal, '_id' | 'level' | 'departmentId' | 'caseIds' | 'escalates' | 'reason'>): OrderProposal => ({
    ...fields,
    proposedAt: now.toISOString(),
    state: 'open',
    orderId: null,
    decidedBy: null,
    decidedAt: null
  })
  let proposed = 0
  let closed = 0

  // N working days late are at least N calendar days late (due by the end of day T-N): the store narrows, the calendar decides
  for await (const page of repo.latePages(new Date(Date.parse(startOfBeijingDay(today)) - (limits.white - 1) * DAY).toISOString())) {
    for (const c of page) {
      const late = workingDaysBetween(beijingDay(c.deadline!), today, calendar)
      if (late < limits.white || (await repo.covers(c._id))) continue
      const reason = `问题 ${c.no}（${c.categoryName}，${c.location.address}）已超期 ${late} 个工作日`
      if (await repo.propose(proposal({ _id: `white:${c._id}`, level: 'white', departmentId: c.departmentId!, caseIds: [c._id], escalates: null, reason }))) proposed++
    }
  }

  for await (const page of repo.openPages()) {
    for (const order of page) {
      const open = (await repo.cases(order.caseIds)).filter((c) => !SETTLED.includes(c.status))
      if (!open.length) {
        const entry: OrderHistoryEntry = { at: now.toISOString(), by: 'system', role: 'system', from: order.state, to: 'closed', level: order.level, note: '督办的问题已全部办结' }
        if (await repo.update(order, { $set: { state: 'closed', closedAt: entry.at }, $push: { history: entry } })) {
          closed++
          await tellUnit(deps, { ...order, state: 'closed' }, `${order.no} 已办结`, '督办的问题已全部办结，感谢配合')
        }
        continue
      }
      const next = NEXT[order.level]
      const days = workingDaysBetween(beijingDay(order.issuedAt), today, calendar)
      if (!next || order.escalatedTo || days < limits[next]) continue
      const reason = `${order.no} 下发已 ${days} 个工作日，仍有 ${open.length} 个问题未办结`
      // a case the unit has fixed waits on the office's check, not on the unit: nothing to escalate there
      const caseIds = open.filter((c) => c.departmentId === order.departmentId && WITH_DEPARTMENT.includes(c.status)).map((c) => c._id)
      if (caseIds.length && (await repo.propose(proposal({ _id: `${next}:${order._id}`, level: next, departmentId: order.departmentId, caseIds, escalates: order._id, reason })))) proposed++
    }
  }
  return { proposed, closed }
}
