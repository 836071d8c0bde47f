import type { User } from '../../types/domain'
import { sweepFiles } from '../core/expiring'
import type { Deps } from '../core/ports'
import { finishStaleMoves } from './moves'
import { sweepOrders } from './orders/sweep'
import { reportRepository } from './repository'
import { WITH_DEPARTMENT } from './state'
import { move, tellDepartment } from './workflow'

export const CONFIRM_DAYS = 7
const BATCH = 200

// The timer acts as nobody in particular; history records it as 系统.
const SYSTEM: User = { _id: 'system', openid: '', nickname: '系统', roles: [], createdAt: '', updatedAt: '', history: [] }

/**
 * The hourly sweep: finishes the moves a crash cut short (reports/moves.ts), marks open cases past their deadline overdue, reminds departments of deadlines due within
 * a day, closes as confirmed the cases whose reporter did not answer within 7 days, and sets the case counters
 * (hourly) and the day tallies (nightly) to what the ledger holds (where a move's steps could not share a
 * transaction, a crash between them left them off), and deletes the files whose time is up (exports after a
 * day, uploads a case has taken copies of). Then 督办: closes orders whose cases closed, proposes new ones.
 */
export async function sweep(deps: Deps) {
  const repo = reportRepository(deps.store)
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  // before anything else reads the cases: a move's figures must land before the overdue mark counts the case again
  const finished = await finishStaleMoves(deps)

  let overdue = 0
  for (;;) {
    const late = await repo.find({ status: { $in: WITH_DEPARTMENT }, overdue: false, deadline: { $lt: nowIso } }, { limit: BATCH })
    let marked = 0
    for (const report of late) marked += await repo.update(report, { $set: { overdue: true } })
    overdue += marked
    if (late.length < BATCH || !marked) break
  }

  const soon = new Date(now.getTime() + 86400000).toISOString()
  const due = await repo.find({ status: { $in: WITH_DEPARTMENT }, remindedAt: null, deadline: { $gte: nowIso, $lte: soon } }, { limit: BATCH })
  for (const report of due) {
    if (await repo.updateWhere({ _id: report._id, remindedAt: null }, { $set: { remindedAt: nowIso } })) {
      await tellDepartment(deps, report, '整改即将到期', `「${report.categoryName}」${report.location.address} 明天到期，请抓紧整改`)
    }
  }

  const cutoff = new Date(now.getTime() - CONFIRM_DAYS * 86400000).toISOString()
  const silent = await repo.find({ status: 'closed', 'confirmation.state': 'pending', closedAt: { $lt: cutoff } }, { limit: BATCH })
  let confirmed = 0
  for (const report of silent) {
    await move({ caller: SYSTEM, deps }, report, 'autoConfirm', { set: { confirmation: { state: 'auto', at: nowIso } } })
    confirmed++
  }
  const repaired = (await repo.repairCounters()) + (await repo.repairTallies(now))
  const filesRemoved = await sweepFiles(deps)
  const orders = await sweepOrders(deps)
  return { finished, overdue, reminded: due.length, confirmed, repaired, filesRemoved, orders }
}
