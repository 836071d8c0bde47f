import type { OfficeWaiting } from '../../types/api'
import { REPORT_STATUSES, type Report, type ReportStatus, type User } from '../../types/domain'

export { MOVES, type Move } from '../../types/report-moves'

/** Waiting on a department: these run against a deadline. */
export const WITH_DEPARTMENT: ReportStatus[] = ['assigned', 'in_progress', 'extension_requested']
/** Waiting on the office, by what it has to do. */
export const WITH_OFFICE: Record<keyof OfficeWaiting, ReportStatus[]> = {
  triage: ['submitted'],
  assign: ['accepted', 'returned'],
  verify: ['fixed'],
  extensions: ['extension_requested']
}
export const SETTLED: ReportStatus[] = ['closed', 'rejected', 'duplicate']
/** What the public may see: the office has looked at it and taken it on. */
export const PUBLIC: ReportStatus[] = ['accepted', 'assigned', 'in_progress', 'extension_requested', 'returned', 'fixed', 'closed']
/**
 * What the public may not see, for the feed's queries: public cases are most of them, so the store walks its
 * newest-first index and skips these, where an \$in over PUBLIC is read as one page per status and merged.
 */
export const HIDDEN: ReportStatus[] = REPORT_STATUSES.filter((s) => !PUBLIC.includes(s))
/** 我也遇到 joins a public case that is still being worked on. */
export const FOLLOWABLE: ReportStatus[] = PUBLIC.filter((s) => !SETTLED.includes(s))

/** The office, or a handler of the department the case is with. */
export const isStaffOf = (viewer: User, report: Pick<Report, 'departmentId'>) =>
  viewer.roles.includes('admin') || (viewer.roles.includes('handler') && viewer.departmentId === report.departmentId)

/** Who reported a case: the staff concerned, except that an anonymous reporter is known to the office alone. */
export const mayNameReporter = (viewer: User, report: Pick<Report, 'departmentId' | 'anonymous'>) =>
  report.anonymous ? viewer.roles.includes('admin') : isStaffOf(viewer, report)

/**
 * Who may open a case: its reporter and the staff concerned whatever its status, anyone else only once it is
 * public. Following is not involvement: a follower sees what the public sees.
 */
export const mayOpen = (viewer: User, report: Pick<Report, 'reporterId' | 'departmentId' | 'status'>) =>
  report.reporterId === viewer._id || isStaffOf(viewer, report) || PUBLIC.includes(report.status)
