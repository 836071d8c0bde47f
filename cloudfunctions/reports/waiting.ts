import type { OfficeWaiting, Waiting } from '../../types/api'
import type { ActionContext } from '../core/action'
import { orderRepository } from './orders/repository'
import { reportRepository, type ReportRepository } from './repository'
import { WITH_DEPARTMENT, WITH_OFFICE } from './state'

/** What waits on the office, by what it has to do, from the day tallies. */
export async function officeWaiting(repo: ReportRepository): Promise<OfficeWaiting> {
  const { triage, assign, verify, extensions } = WITH_OFFICE
  const [t, a, v, e] = await Promise.all([triage, assign, verify, extensions].map((statuses) => repo.total({}, statuses)))
  return { triage: t, assign: a, verify: v, extensions: e }
}

/** The red counts on a staff member's entries: what waits on the office and on their department, from the day tallies. */
export async function waiting(_: Record<string, never>, { caller, deps }: ActionContext): Promise<Waiting> {
  const repo = reportRepository(deps.store)
  return {
    office: caller.roles.includes('admin') ? await officeWaiting(repo) : null,
    department: caller.roles.includes('handler') && caller.departmentId ? await repo.total({ departmentId: caller.departmentId }, WITH_DEPARTMENT) : null,
    orders: caller.roles.includes('handler') && caller.departmentId ? await orderRepository(deps.store).waitingOnUnit(caller.departmentId) : null
  }
}
