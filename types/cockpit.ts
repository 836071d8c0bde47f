import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { DepartmentRef, LedgerFilter } from './api'

dayjs.extend(utc)

/** A week as the office counts it: Monday to Sunday, Beijing days (YYYY-MM-DD). */
export interface Week {
  from: string
  to: string
}

/** The Monday-to-Sunday week holding a Beijing day. */
export function weekOf(day: string): Week {
  const d = dayjs.utc(day)
  const monday = d.subtract((d.day() + 6) % 7, 'day')
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') }
}

/** The `count` weeks ending with the one holding `day`, oldest first. */
export function weeksTo(day: string, count: number): Week[] {
  const last = dayjs.utc(weekOf(day).from)
  return Array.from({ length: count }, (_, i) => weekOf(last.subtract(7 * (count - 1 - i), 'day').format('YYYY-MM-DD')))
}

/** A week's headline figures on the office's cockpit. */
export interface WeekFigures extends Week {
  /** 新增: cases filed that week. */
  filed: number
  /** 办结: cases closed that week (closed now, by the day they closed). */
  closed: number
  /** 超期: cases whose deadline fell that week and was missed. */
  overdue: number
  /** 整改率 of the cases filed that week, in percent with one decimal; null when none were assigned. */
  fixRate: number | null
}

export interface TrendWeek extends Week {
  filed: number
  closed: number
}

export interface OfficeCockpit {
  thisWeek: WeekFigures
  lastWeek: WeekFigures
  /** What waits on the office now. */
  waiting: { triage: number; verify: number; extensions: number; proposals: number }
  /** The last 12 weeks, this one last. */
  trend: TrendWeek[]
}

export interface UnitCockpit {
  department: DepartmentRef
  /** The unit's cases still with it (交办, 整改中, 申请延期). */
  open: number
  /** Of those, past their deadline. */
  overdue: number
  /** Of those, due by the end of this week and not yet late. */
  dueThisWeek: number
  /** 督办单 the unit has still to answer. */
  orders: number
  week: Week
}

/** The caller's cockpit: the office's for an admin, the unit's for a department's handler; null where they hold no such role. */
export interface Cockpit {
  office: OfficeCockpit | null
  unit: UnitCockpit | null
  generatedAt: string
}

export const TREND_WEEKS = 12

/**
 * The ledger filter behind each of a week's figures: the cases it counts, exactly. The server counts each
 * figure as its filter's cases, and the cockpit opens the ledger with it.
 */
export const WEEK_FILTERS: Record<Exclude<keyof WeekFigures, keyof Week>, (week: Week) => LedgerFilter> = {
  filed: (w) => ({ from: w.from, to: w.to }),
  closed: (w) => ({ status: 'closed', closedFrom: w.from, closedTo: w.to }),
  overdue: (w) => ({ overdue: true, dueFrom: w.from, dueTo: w.to }),
  // the rate is of the week's filed cases: the ledger of them shows it among its figures
  fixRate: (w) => ({ from: w.from, to: w.to })
}

/** The ledger filter behind each count of what waits on the office (督办 proposals are not cases: they open 督办). */
export const WAITING_FILTERS: Record<Exclude<keyof OfficeCockpit['waiting'], 'proposals'>, LedgerFilter> = {
  triage: { status: 'submitted' },
  verify: { status: 'fixed' },
  extensions: { status: 'extension_requested' }
}
