import { beijingDay, endOfBeijingDay } from '../../types/calendar'
import { TREND_WEEKS, weekOf, weeksTo, type Cockpit, type OfficeCockpit, type UnitCockpit, type WeekFigures } from '../../types/cockpit'
import type { ActionContext } from '../core/action'
import type { Deps } from '../core/ports'
import { orderRepository } from './orders/repository'
import { reportRepository } from './repository'
import { WITH_DEPARTMENT } from './state'
import { fixRateOf } from './tallies'
import { officeWaiting } from './waiting'

/**
 * 首页 for staff: the office's week against the last, what waits on it and the 12-week trend; a unit's open
 * cases, deadlines and orders. Read from the day tallies and bounded counts: the same reads at any size.
 */
export async function cockpit(_: Record<string, never>, { caller, deps }: ActionContext): Promise<Cockpit> {
  const now = deps.clock.now()
  return {
    office: caller.roles.includes('admin') ? await officeCockpit(deps, beijingDay(now)) : null,
    unit: caller.roles.includes('handler') && caller.departmentId ? await unitCockpit(deps, caller.departmentId, now) : null,
    generatedAt: now.toISOString()
  }
}

async function officeCockpit(deps: Deps, today: string): Promise<OfficeCockpit> {
  const repo = reportRepository(deps.store)
  const weeks = weeksTo(today, TREND_WEEKS)
  const lastTwo = weeks.slice(-2)
  const [filed, assigned, closed, missed, waiting, proposals] = await Promise.all([
    repo.weekly('all', weeks, ['n']),
    repo.weekly('all', lastTwo, ['onSpot', 'byDeadline', 'fixed']),
    repo.weekly('closed', weeks, ['n']),
    repo.weekly('due', lastTwo, ['n'], { overdue: true }),
    officeWaiting(repo),
    orderRepository(deps.store).countOpenProposals()
  ])
  const figures = (i: 0 | 1): WeekFigures => {
    const at = weeks.length - 2 + i
    return { ...weeks[at], filed: filed[at].n, closed: closed[at].n, overdue: missed[i].n, fixRate: fixRateOf(assigned[i]) }
  }
  return {
    thisWeek: figures(1),
    lastWeek: figures(0),
    waiting: { triage: waiting.triage, verify: waiting.verify, extensions: waiting.extensions, proposals },
    trend: weeks.map((w, i) => ({ ...w, filed: filed[i].n, closed: closed[i].n }))
  }
}

async function unitCockpit(deps: Deps, departmentId: string, now: Date): Promise<UnitCockpit> {
  const repo = reportRepository(deps.store)
  const week = weekOf(beijingDay(now))
  const [department, open, overdue, dueThisWeek, orders] = await Promise.all([
    repo.department(departmentId),
    repo.total({ departmentId }, WITH_DEPARTMENT),
    repo.total({ departmentId, overdue: true }, WITH_DEPARTMENT),
    repo.dueWithin(departmentId, now.toISOString(), endOfBeijingDay(week.to)),
    orderRepository(deps.store).waitingOnUnit(departmentId)
  ])
  return { department: { id: departmentId, name: department?.name ?? '（已删除的单位）' }, open, overdue, dueThisWeek, orders, week }
}
