/** 督查: inspection points, rounds and visits. Dates travel as ISO 8601 strings, days as YYYY-MM-DD (Beijing). */

/** Where a case came from: a resident's photo, a grid worker's or staff member's patrol, or an inspection. */
export const CASE_SOURCES = ['随手拍', '网格巡查', '督查'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]

/** One thing a person can judge on site; a failure becomes a case of `categoryId` (its department and deadline). */
export interface ChecklistItem {
  id: string
  text: string
  categoryId: string
}

/** 测评点位类型 (农贸市场, 背街小巷…) with the checklist its points are inspected against. */
export interface PointType {
  _id: string
  name: string
  order: number
  checklist: ChecklistItem[]
}

/** 测评点位: a place inspected against its type's checklist; `departmentId` is its 包保/责任单位. */
export interface InspectionPoint {
  _id: string
  name: string
  typeId: string
  address: string
  lat: number
  lng: number
  gridId: string | null
  departmentId: string
  active: boolean
  createdAt: string
  updatedAt: string
}

export const ROUND_KINDS = ['日常督查', '暗访', '专项督查'] as const
export type RoundKind = (typeof ROUND_KINDS)[number]

/** A random draw of points into a round, kept as it fell. */
export interface RoundDraw {
  at: string
  by: string
  count: number
  typeId: string | null
  gridId: string | null
  picked: string[]
}

/** 督查 / 巡查暗访: a day's inspection of a set of points by a leader and inspectors. */
export interface Round {
  _id: string
  title: string
  kind: RoundKind
  day: string
  leader: string
  inspectorIds: string[]
  pointIds: string[]
  draws: RoundDraw[]
  createdBy: string
  createdAt: string
  updatedAt: string
}

export type Mark = '达标' | '不达标'
export type Verdict = '达标' | '未达标'
/** A point's first visit in a round, or a 复查 after its problems were fixed. */
export type VisitKind = '督查' | '复查'

export interface ItemMark {
  itemId: string
  text: string
  mark: Mark
  note: string
  photos: string[]
  /** 立行立改: fixed while the inspector stood there, shown by `afterPhotos`. */
  onSpot: boolean
  afterPhotos: string[]
  /** The case a failed item became. */
  caseId: string | null
}

export interface Visit {
  _id: string
  requestId: string
  roundId: string
  pointId: string
  pointName: string
  typeId: string
  departmentId: string
  gridId: string | null
  kind: VisitKind
  inspectorId: string
  marks: ItemMark[]
  verdict: Verdict
  /** The last visit of its point in its round: the point's standing. */
  latest: boolean
  day: string
  at: string
}

/** What a case keeps of the inspection that found it. */
export interface CaseInspection {
  visitId: string
  roundId: string
  pointId: string
  typeId: string
  itemId: string
}

// ---------------------------------------------------------------- views and requests

export interface PointInput {
  name: string
  typeId: string
  address: string
  lat: number
  lng: number
  departmentId: string
  active: boolean
}

export interface PointView extends InspectionPoint {
  typeName: string
  gridName: string | null
  departmentName: string
}

export interface PointFilter {
  typeId?: string
  gridId?: string
  departmentId?: string
  active?: boolean
}

export interface RoundInput {
  title: string
  kind: RoundKind
  day: string
  leader: string
  inspectorIds: string[]
  pointIds: string[]
}

export interface RoundPoint {
  id: string
  name: string
  typeName: string
  address: string
  departmentName: string
  /** The point's standing in the round: its last visit's verdict, null before the first. */
  verdict: Verdict | null
  visits: number
  /** Open cases from the point's visits in this round: a 复查 waits until they are fixed. */
  open: number
}

export interface RoundView extends Omit<Round, '_id' | 'pointIds' | 'inspectorIds'> {
  id: string
  inspectors: { id: string; nickname: string }[]
  points: RoundPoint[]
}

export interface RoundSummary {
  id: string
  title: string
  kind: RoundKind
  day: string
  leader: string
  points: number
  visited: number
}

export interface MarkInput {
  itemId: string
  pass: boolean
  note?: string
  photos: string[]
  onSpot?: boolean
  afterPhotos?: string[]
}

export interface VisitInput {
  roundId: string
  pointId: string
  marks: MarkInput[]
}

export interface VisitView extends Omit<Visit, 'requestId'> {
  caseNos: string[]
}

/** A point as the inspector opens it: where it is and what to judge. */
export interface PointChecklist {
  round: { id: string; title: string; kind: RoundKind }
  point: PointView
  checklist: ChecklistItem[]
  visits: VisitView[]
  /** What the next visit would be, or null when none is due (passed, or problems still being fixed). */
  next: VisitKind | null
  open: number
}

export interface FigureFilter {
  from?: string
  to?: string
  roundId?: string
  departmentId?: string
  typeId?: string
  gridId?: string
}

/** The figures the campaign documents report for inspections (督查点位, 达标, 未达标, 问题, 立行立改, 限期整改, 已整改, 整改中). */
export interface InspectionFigures {
  inspected: number
  passed: number
  failed: number
  problems: number
  onSpot: number
  byDeadline: number
  fixed: number
  inProgress: number
}

export interface FiguresBreakdown {
  total: InspectionFigures
  rows: { by: 'department' | 'type' | 'grid'; id: string; name: string; figures: InspectionFigures }[]
}

export interface PointImportRow {
  row: number
  point: PointInput | null
  errors: string[]
}
