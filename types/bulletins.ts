/** 通报 and 考核: the numbered weekly or monthly bulletin with its frozen figures, and the monthly score of every unit. */
import type { DepartmentRef, Page, PageQuery } from './api'
import type { CaseSource } from './inspection'
import type { PublicText } from './domain'
import type { OrderLevel } from './orders'

export const BULLETIN_KINDS = ['week', 'month'] as const
/** A week runs Monday to Sunday, a month from its first day to its last, both in Beijing time. */
export type BulletinKind = (typeof BULLETIN_KINDS)[number]
export const BULLETIN_KIND_LABELS: Record<BulletinKind, string> = { week: '周通报', month: '月通报' }

export type BulletinStatus = 'draft' | 'published'
export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = { draft: '草稿', published: '已发布' }

/** How many units the 红榜 and the 黑榜 name (the 黑榜 adds every unit given a red 督办单 in the period). */
export const BOARD_SIZE = 3

/**
 * The case figures of a period as they stood at its end, for the whole city or one unit: the cases filed in the
 * period, and those overdue at its end whenever they were filed. Rates are percent with one decimal, null when
 * there is nothing to divide by.
 */
export interface CaseFigures {
  /** 新增问题: cases filed in the period. */
  newCases: number
  bySource: Record<CaseSource, number>
  /** 交办 = 立行立改 + 限期整改, of the period's cases, by the period's end. */
  assigned: number
  onSpot: number
  byDeadline: number
  /** 已整改 by the period's end. */
  fixed: number
  /** 整改率: fixed / assigned. */
  fixRate: number | null
  /** 按期整改率: fixed by their deadline (立行立改 always is) / fixed. */
  onTimeRate: number | null
  /** 超期: cases (filed any time) past their deadline and not fixed at the period's end. */
  overdue: number
  /** Average working days from assignment (or filing, for 立行立改) to fix, one decimal. */
  avgDaysToFix: number | null
  /** Residents' average rating (1–5) in the confirmations they gave in the period (of cases filed any time). */
  rating: number | null
  /** Share of those confirmations that said 未解决, percent. */
  unresolvedRate: number | null
}

/** 督查 figures of a unit in the period: points inspected and the share that met the standard. */
export interface InspectionShare {
  inspected: number
  passed: number
  /** 达标率, percent; null when nothing was inspected. */
  passRate: number | null
}

/** One unit's line of a bulletin. */
export interface BulletinUnitRow extends CaseFigures {
  department: DepartmentRef
  orders: Record<OrderLevel, number>
  inspection: InspectionShare
  /** The assessment score of the period's figures under the weights in force when filled, with its terms. */
  score: number
  deductions: Deduction[]
  rank: number
  /** The office's words about this unit; null until written. */
  remark: PublicText | null
}

export interface BoardEntry {
  department: DepartmentRef
  score: number
  rank: number
  /** Why it stands there, e.g. 得分第 1 or 红色督办单 1 件. */
  reason: string
}

export interface OverdueCase {
  id: string
  no: string
  categoryName: string
  address: string
  department: DepartmentRef | null
  deadline: string
  /** Days (calendar days, as 超期 N 天 is said) from the deadline's day to the period's last day. */
  daysOverdue: number
  /** The first photo's file id (a link is made when the bulletin is read). */
  photo: string | null
}

export interface VolunteerSection {
  activities: number
  /** 人次: confirmed attendances. */
  attendances: number
  /** Verified hours of the period's activities. */
  hours: number
  /** The month's 志愿服务之星, when published (the month the period ends in). */
  stars: { month: string; names: string[] } | null
}

export interface QuizSection {
  /** The campaign quiz open at the period's end, or the last one closed before it; null when none. */
  quiz: { id: string; title: string } | null
  participants: number
  passed: number
  /** 知晓率, percent. */
  rate: number | null
}

/** Everything a bulletin reports, frozen when the draft is filled. */
export interface BulletinFigures {
  overall: CaseFigures & { orders: Record<OrderLevel, number>; inspection: InspectionShare }
  units: BulletinUnitRow[]
  red: BoardEntry[]
  black: BoardEntry[]
  overdueCases: OverdueCase[]
  volunteer: VolunteerSection
  quiz: QuizSection
  /** The weights the unit rows were scored with. */
  weights: AssessmentWeights
  /** When the figures were taken (creation or an explicit refill). */
  filledAt: string
}

export interface Bulletin {
  _id: string
  /** 2026年第N期: counted per Beijing year of creation, without gaps. */
  no: string
  year: number
  seq: number
  kind: BulletinKind
  /** First day of the period (YYYY-MM-DD, Beijing); for a week a Monday, for a month its first day. */
  start: string
  /** Last day of the period, inclusive. */
  end: string
  /** e.g. 2026年11月16日—11月22日 or 2026年11月. */
  title: string
  status: BulletinStatus
  preface: PublicText
  figures: BulletinFigures
  requestId: string
  createdBy: string
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  publishedBy: string | null
}

export interface BulletinCard {
  id: string
  no: string
  kind: BulletinKind
  start: string
  end: string
  title: string
  status: BulletinStatus
  publishedAt: string | null
  createdAt: string
}

/** A bulletin as read: its frozen figures, photo links made now, and the caller's own unit to highlight. */
export interface BulletinView extends Omit<Bulletin, '_id' | 'requestId' | 'createdBy' | 'publishedBy'> {
  id: string
  /** Links for the overdue list's photos, by case id. */
  photoUrls: Record<string, string>
  /** The caller's unit (a handler's), for highlighting its row; null for the office. */
  mine: string | null
}

// ---------------------------------------------------------------- 考核

/** The formula of the monthly assessment: base, minus per item, plus or minus the 整改率 term. */
export interface AssessmentWeights {
  base: number
  /** Points off per case overdue in the month. */
  overdue: number
  /** Points off per 督办单 of each level issued in the month. */
  white: number
  yellow: number
  red: number
  /** Points off per inspected point that failed. */
  failedPoint: number
  /** Points off per 未解决 confirmation. */
  unresolved: number
  /** 整改率 target, percent: above it earns, below it costs… */
  fixRateTarget: number
  /** …this many points per percentage point… */
  fixRatePerPoint: number
  /** …at most this many either way. */
  fixRateCap: number
}

export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = {
  base: 100,
  overdue: 2,
  white: 1,
  yellow: 3,
  red: 5,
  failedPoint: 2,
  unresolved: 3,
  fixRateTarget: 90,
  fixRatePerPoint: 0.5,
  fixRateCap: 5
}

export interface AssessmentWeightsSetting extends AssessmentWeights {
  _id: 'assessmentWeights'
}

/** The weights a stored setting gives, the defaults for any it lacks (none stored, or a weight added since). */
export function weightsOf(doc: Partial<AssessmentWeights> | null): AssessmentWeights {
  const w = { ...DEFAULT_ASSESSMENT_WEIGHTS }
  for (const key of Object.keys(w) as (keyof AssessmentWeights)[]) if (typeof doc?.[key] === 'number') w[key] = doc[key]
  return w
}

export const DEDUCTION_REASONS = ['overdue', 'white', 'yellow', 'red', 'failedPoint', 'unresolved', 'fixRate'] as const
export type DeductionReason = (typeof DEDUCTION_REASONS)[number]
export const DEDUCTION_LABELS: Record<DeductionReason, string> = {
  overdue: '超期案件',
  white: '白色督办单',
  yellow: '黄色督办单',
  red: '红色督办单',
  failedPoint: '督查未达标点位',
  unresolved: '群众反馈未解决',
  fixRate: '整改率'
}

/** One term of a score: what it is for, how many, the points it moved (negative costs), and what lies behind it. */
export interface Deduction {
  reason: DeductionReason
  /** As shown beside the score, e.g. 超期案件 3 件 × −2 = −6. */
  label: string
  /** How many (for 整改率, the rate in percent). */
  count: number
  points: number
  caseIds: string[]
  orderIds: string[]
}

/** The figures a unit is scored on over a period (a month for the assessment, the week for a weekly bulletin's order). */
export interface ScoreFigures {
  overdue: number
  /** The overdue cases when listed: a month still running counts them and lists them once its bulletin freezes it. */
  overdueCaseIds: string[]
  orderIds: Record<OrderLevel, string[]>
  /** Cases found at the unit's failed points (one entry per failed point visit: its cases). */
  failedPoints: { visitId: string; caseIds: string[] }[]
  unresolvedCaseIds: string[]
  /** 整改率 of the month's cases, percent; null when none were assigned. */
  fixRate: number | null
}

export interface UnitScore {
  department: DepartmentRef
  /** YYYY-MM. */
  month: string
  score: number
  deductions: Deduction[]
  /** The weights applied. */
  weights: AssessmentWeights
}

export interface RankingRow extends UnitScore {
  rank: number
}

export interface Ranking {
  month: string
  /** Frozen by the month's published bulletin; until then figures and weights are today's. */
  frozen: boolean
  /** When the figures were taken. */
  asOf: string
  rows: RankingRow[]
}

/** A month of a unit's history: frozen months as published, the current month so far. */
export interface UnitHistoryMonth extends UnitScore {
  rank: number
  of: number
  frozen: boolean
}

export interface BulletinsApi {
  /** The office makes a draft for the period starting `start`, filled from the data as of the period's end. */
  createBulletin: { req: { kind: BulletinKind; start: string }; res: BulletinView }
  bulletin: { req: { id: string }; res: BulletinView }
  /** Newest first; units see published ones only. */
  bulletins: { req: PageQuery & { kind?: BulletinKind }; res: Page<BulletinCard> }
  /** A draft's preface and per-unit remarks (by department id); refused once published. */
  saveBulletin: { req: { id: string; preface: string; remarks: Record<string, string> }; res: BulletinView }
  /** A draft's figures taken again from the data as of the period's end. */
  refillBulletin: { req: { id: string }; res: BulletinView }
  /** Freezes the bulletin for good, tells every unit's handlers and, for a month, freezes its ranking. */
  publishBulletin: { req: { id: string }; res: BulletinView }
  exportBulletin: { req: { id: string; format: 'docx' | 'xlsx' }; res: { fileId: string; url: string } }
  /** A month's units by score (YYYY-MM; the current Beijing month when absent): frozen once its bulletin is published, else as of now. */
  ranking: { req: { month?: string }; res: Ranking }
  /** A unit's past months, newest first: the office names the unit; a handler sees their own. */
  unitHistory: { req: { departmentId?: string }; res: UnitHistoryMonth[] }
}

// ---------------------------------------------------------------- periods

const DAY_MS = 86_400_000
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A bulletin's period in Beijing days: `start` and `end` inclusive; `from` and `until` the instants bounding it. */
export interface Period {
  kind: BulletinKind
  start: string
  end: string
  from: string
  until: string
  title: string
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`)
const isDay = (day: string) => DAY.test(day) && !Number.isNaN(utcDay(day).getTime()) && utcDay(day).toISOString().slice(0, 10) === day

/** Why `start` cannot open a period of `kind`, in the office's words; null when it can. */
export function periodProblem(kind: BulletinKind, start: string): string | null {
  if (!isDay(start)) return '请选择通报期间的开始日期（如 2026-11-16）'
  if (kind === 'week' && utcDay(start).getUTCDay() !== 1) return '周通报须从星期一开始'
  if (kind === 'month' && !start.endsWith('-01')) return '月通报须从当月 1 日开始'
  return null
}

/** The period of `kind` opening on `start` (which `periodProblem` accepts). */
export function periodOf(kind: BulletinKind, start: string): Period {
  const first = utcDay(start)
  const next = kind === 'week' ? new Date(first.getTime() + 7 * DAY_MS) : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1))
  const end = new Date(next.getTime() - DAY_MS).toISOString().slice(0, 10)
  const [y, m, d] = start.split('-').map(Number)
  const [, m2, d2] = end.split('-').map(Number)
  const title = kind === 'month' ? `${y}年${m}月` : `${y}年${m}月${d}日—${m2}月${d2}日`
  // China keeps +08:00 all year
  const instant = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString()
  return { kind, start, end, from: instant(start), until: instant(next.toISOString().slice(0, 10)), title }
}

/** The last whole period of `kind` before `now`: last week's Monday, or last month's first day. */
export function lastPeriodStart(kind: BulletinKind, now: Date): string {
  const today = utcDay(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10))
  if (kind === 'month') return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10)
  const monday = today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS
  return new Date(monday - 7 * DAY_MS).toISOString().slice(0, 10)
}

/** The assessment month (YYYY-MM) as a monthly period. */
export const monthPeriod = (month: string) => periodOf('month', `${month}-01`)

/** How long the office's words may be: the preface, and a remark on one unit. */
export const PREFACE_MAX = 2000
export const REMARK_MAX = 500
