import type { LedgerFilter, LedgerStats } from '../../types/api'
import type { CaseSource } from '../../types/inspection'
import { OPEN_REPORT_STATUSES, type DayTally, type Report, type TallyFamily, type TallyMeasures } from '../../types/domain'
import type { Figure, Query } from '../core/ports'
import { beijingDateTime, beijingDay } from '../../types/calendar'
import { WITH_DEPARTMENT } from './state'

/*
 * The ledger's figures kept as running tallies per day of filing, so the office's stats read a few hundred
 * small documents whatever the number of cases. Each case counts in five families by its day of filing: all cases,
 * its kind, its department, its grid and its source; a stats filter that names at most one of those is answered
 * from its family. Two more count by other days, for the cockpit's weeks: `closed` a closed case by the day it
 * closed, `due` a case with a deadline by the day it falls due.
 */
export interface TallyChange {
  key: Omit<DayTally, keyof TallyMeasures>
  by: TallyMeasures
}

/** What the tallies count of a case. */
// closedAt and deadline are optional: a move noted before they were counted carries neither
export type Facts = Pick<Report, 'createdAt' | 'status' | 'overdue' | 'onSpot' | 'assignedAt' | 'fixedAt' | 'categoryId' | 'departmentId' | 'gridId' | 'source'> &
  Partial<Pick<Report, 'closedAt' | 'deadline'>> & { hoursToFix?: number }

export const factsOf = ({ createdAt, status, overdue, onSpot, assignedAt, fixedAt, categoryId, departmentId, gridId, source, closedAt, deadline, hoursToFix }: Facts): Facts => ({
  createdAt,
  status,
  overdue,
  onSpot,
  assignedAt,
  fixedAt,
  categoryId,
  departmentId,
  gridId,
  source,
  closedAt: closedAt ?? null,
  deadline: deadline ?? null,
  ...(hoursToFix === undefined ? {} : { hoursToFix })
})

const FAMILIES = ['all', 'categoryId', 'departmentId', 'gridId', 'source'] as const
/** Which families the tallies hold, noted with each rebuild: a store whose tallies hold fewer is rebuilt at once. */
export const TALLY_FAMILIES = 7

/** The families counted by the day of filing, which answer the ledger's filters. */
type FilingFamily = (typeof FAMILIES)[number]
const ZERO: TallyMeasures = { n: 0, onSpot: 0, byDeadline: 0, fixed: 0, hours: 0 }

function keysOf(report: Facts): TallyChange['key'][] {
  const key = (family: TallyFamily, value: string, day: string) => ({ _id: [family, value, day, report.status, report.overdue ? 1 : 0].join('|'), family, value, day, status: report.status, overdue: report.overdue })
  const filed = beijingDay(report.createdAt)
  const keys = FAMILIES.map((family) => key(family, family === 'all' ? '' : family === 'source' ? sourceOf(report) : (report[family] ?? ''), filed))
  if (report.status === 'closed' && report.closedAt) keys.push(key('closed', '', beijingDay(report.closedAt)))
  if (report.deadline) keys.push(key('due', '', beijingDay(report.deadline)))
  return keys
}

function measuresOf(report: Facts): TallyMeasures {
  const fixed = report.fixedAt !== null && report.fixedAt !== undefined
  return { n: 1, onSpot: report.onSpot ? 1 : 0, byDeadline: report.assignedAt ? 1 : 0, fixed: fixed ? 1 : 0, hours: fixed ? (report.hoursToFix ?? 0) : 0 }
}

/** What a case's filing or move changes in the tallies: its old rows less, its new rows more; nothing for no change. */
export function tallyChanges(before: Facts | null, after: Facts | null): TallyChange[] {
  const changes = new Map<string, TallyChange>()
  const add = (report: Facts, sign: 1 | -1) => {
    const m = measuresOf(report)
    for (const key of keysOf(report)) {
      const change = changes.get(key._id) ?? { key, by: { ...ZERO } }
      for (const name of Object.keys(ZERO) as (keyof TallyMeasures)[]) change.by[name] += sign * m[name]
      changes.set(key._id, change)
    }
  }
  if (before) add(before, -1)
  if (after) add(after, 1)
  return [...changes.values()].filter((c) => Object.values(c.by).some((v) => Math.abs(v) > 1e-9))
}

/** The nightly repair is due at the first sweep from 03:00 Beijing on a day it has not run: it holds the store a few seconds at 100,000 cases. */
export function repairDue(lastAt: string | null, now: Date): boolean {
  if (!lastAt) return true
  return beijingDay(lastAt) < beijingDay(now) && beijingDateTime(now).slice(11, 13) >= '03'
}

/** Cases filed before sources were kept are residents' photos. */
export const sourceOf = (report: Pick<Report, 'source'>): CaseSource => report.source ?? '随手拍'

/**
 * The family that answers a filter, or null when it names two or more of kind, department, grid and source, or
 * a closing or due day (those are counted over the cases, which an index narrows to the days asked).
 */
export function familyFor(filter: LedgerFilter): FilingFamily | null {
  if (filter.closedFrom || filter.closedTo || filter.dueFrom || filter.dueTo) return null
  const named = (['categoryId', 'departmentId', 'gridId', 'source'] as const).filter((f) => filter[f])
  if (named.length > 1) return null
  return named[0] ?? 'all'
}

export function tallyQuery(filter: LedgerFilter, family: FilingFamily): Query {
  const q: Query = { family, value: family === 'all' ? '' : filter[family] }
  if (filter.status === 'open') q.status = { $in: [...OPEN_REPORT_STATUSES] }
  else if (filter.status) q.status = filter.status
  if (filter.overdue !== undefined) q.overdue = filter.overdue
  if (filter.from || filter.to) q.day = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) }
  return q
}

export type StatsFigures = Record<keyof typeof TALLY_FIGURES, number>

/** The stats as sums over day tallies. */
export const TALLY_FIGURES = {
  total: { sum: 'n' },
  submitted: { where: { status: 'submitted' }, sum: 'n' },
  onSpot: { sum: 'onSpot' },
  byDeadline: { sum: 'byDeadline' },
  fixed: { sum: 'fixed' },
  inProgress: { where: { status: { $in: WITH_DEPARTMENT } }, sum: 'n' },
  overdue: { where: { overdue: true }, sum: 'n' },
  hours: { sum: 'hours' }
} satisfies Record<string, Figure>

/** The same stats counted over the cases themselves, for filters no family answers. */
export const CASE_FIGURES: Record<keyof typeof TALLY_FIGURES, Figure> = {
  total: {},
  submitted: { where: { status: 'submitted' } },
  onSpot: { where: { onSpot: true } },
  byDeadline: { where: { assignedAt: { $ne: null } } },
  fixed: { where: { fixedAt: { $ne: null } } },
  inProgress: { where: { status: { $in: WITH_DEPARTMENT } } },
  overdue: { where: { overdue: true } },
  hours: { where: { fixedAt: { $ne: null } }, sum: 'hoursToFix' }
}

/** 整改率: the fixed share of the cases assigned or fixed on the spot, in percent with one decimal; null when there are none. */
export function fixRateOf({ onSpot, byDeadline, fixed }: Pick<TallyMeasures, 'onSpot' | 'byDeadline' | 'fixed'>): number | null {
  const assigned = onSpot + byDeadline
  return assigned ? Math.round((fixed / assigned) * 1000) / 10 : null
}

/** The figures as the campaign documents report them. */
export function toStats({ total, submitted, onSpot, byDeadline, fixed, inProgress, overdue, hours }: StatsFigures): LedgerStats {
  const assigned = onSpot + byDeadline
  return {
    total,
    submitted,
    assigned,
    onSpot,
    byDeadline,
    fixed,
    inProgress,
    overdue,
    fixRate: fixRateOf({ onSpot, byDeadline, fixed }),
    avgHoursToFix: fixed ? Math.round((hours / fixed) * 10) / 10 : null
  }
}
