import type { ReportStatus } from '../../types/domain'

export { MOVES, type Move } from '../../types/report-moves'

/** Waiting on a department: these run against a deadline. */
export const WITH_DEPARTMENT: ReportStatus[] = ['assigned', 'in_progress', 'extension_requested']
export const SETTLED: ReportStatus[] = ['closed', 'rejected', 'duplicate']
/** What the public may see: the office has looked at it and taken it on. */
export const PUBLIC: ReportStatus[] = ['accepted', 'assigned', 'in_progress', 'extension_requested', 'returned', 'fixed', 'closed']
