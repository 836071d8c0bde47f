/** Domain types shared by the mini-program and the cloud functions. Dates travel as ISO 8601 strings. */
import type { CaseInspection, CaseSource } from './inspection'

export const ROLES = ['resident', 'volunteer', 'student', 'handler', 'organizer', 'inspector', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '市民',
  volunteer: '志愿者',
  student: '学生',
  handler: '责任单位办理人',
  organizer: '活动组织者',
  inspector: '督查员',
  admin: '创文办管理员'
}

/**
 * Text a person wrote that others read, as moderation let it through: the back end makes it only in its router's
 * moderation step, so a field of this type never holds unchecked words. Clients read it as a string.
 */
export type PublicText = string & { readonly __moderated: true }

/** Appended on every change of a record's state; never rewritten. */
export interface HistoryEntry {
  at: string
  by: string
  role: Role | 'system'
  from: string | null
  to: string
  note?: string
}

export interface User {
  _id: string
  openid: string
  nickname: string
  roles: Role[]
  departmentId?: string
  createdAt: string
  updatedAt: string
  history: HistoryEntry[]
  /** Points balance from accepted reports; the entries are in the points collection. */
  points?: number
}

/** The city's 文明办, seeded under this id: certificates name it as the office lists it (系统设置 → 责任单位). */
export const CIVILITY_OFFICE = 'dept-wm'

export interface Department {
  _id: string
  name: string
  /** Short label for dense staff tables. */
  short: string
  order: number
}

/** Two-level taxonomy: a group (市容环境) holds kinds (小广告"牛皮癣"). */
export interface Category {
  _id: string
  name: string
  parentId: string | null
  order: number
  /** Only for kinds: who handles it by default and in how many working days. */
  departmentId?: string
  deadlineDays?: number
}

/** The working days a kind gives its unit to fix a case, when the office has set none. */
export const deadlineDaysOf = (kind: Pick<Category, 'deadlineDays'> | null | undefined) => kind?.deadlineDays ?? 5

/** A family of day tallies: all cases, or those of one kind, department, grid or source. */
/** `closed` counts closed cases by the day they closed, `due` cases by the day they fall due; the rest by the day of filing. */
export type TallyFamily = 'all' | 'categoryId' | 'departmentId' | 'gridId' | 'source' | 'closed' | 'due'

export interface TallyMeasures {
  n: number
  onSpot: number
  byDeadline: number
  fixed: number
  hours: number
}

/** The cases of one Beijing day (of filing, or of closing or deadline for those families) that share a family value, a status and overdue, and their measures. */
export interface DayTally extends TallyMeasures {
  _id: string
  family: TallyFamily
  value: string
  day: string
  status: ReportStatus
  overdue: boolean
}

export interface Counter {
  _id: CounterKey
  value: number
}

/** Counters kept up to date by the use cases, so dashboards never count whole collections. */
export const COUNTER_KEYS = ['users', 'reports', 'reportsOpen', 'reportsClosed', 'activities', 'volunteers', 'quizzes', 'quizAttempts'] as const
export type CounterKey = (typeof COUNTER_KEYS)[number]

export interface OutboxMessage {
  _id: string
  userId: string
  template: string
  title: string
  body: string
  page?: string
  createdAt: string
  readAt?: string
}

/** The identities the local runtime seeds; the H5 build lets you switch between them. */
export const DEMO_IDENTITIES = [
  { openid: 'demo-resident', nickname: '王阿姨', roles: ['resident'] },
  { openid: 'demo-volunteer', nickname: '李志愿', roles: ['resident', 'volunteer'] },
  { openid: 'demo-student', nickname: '张同学', roles: ['resident', 'student'] },
  { openid: 'demo-handler', nickname: '赵科长', roles: ['resident', 'handler'], departmentId: 'dept-cg' },
  { openid: 'demo-organizer', nickname: '陈组织', roles: ['resident', 'organizer'] },
  { openid: 'demo-inspector', nickname: '孙督查', roles: ['resident', 'inspector'] },
  { openid: 'demo-admin', nickname: '创文办刘主任', roles: ['resident', 'admin'] }
] as const satisfies readonly { openid: string; nickname: string; roles: readonly Role[]; departmentId?: string }[]

export type DemoOpenid = (typeof DEMO_IDENTITIES)[number]['openid']

// ---------------------------------------------------------------- 随手拍 (reports)

export const REPORT_STATUSES = ['submitted', 'accepted', 'rejected', 'duplicate', 'assigned', 'in_progress', 'extension_requested', 'returned', 'fixed', 'closed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  duplicate: '重复件',
  assigned: '已交办',
  in_progress: '整改中',
  extension_requested: '申请延期',
  returned: '退回待重派',
  fixed: '已整改待核查',
  closed: '已办结'
}

/** Statuses in which a case still waits on someone: they count as 整改中 and can go overdue. */
export const OPEN_REPORT_STATUSES = ['accepted', 'assigned', 'in_progress', 'extension_requested', 'returned', 'fixed'] as const satisfies readonly ReportStatus[]

/** The longest description of a 随手拍 case, on the resident's form and at the server alike. */
export const REPORT_DESCRIPTION_MAX = 500

export const DEFAULT_REJECT_REASONS = ['重复', '不属实', '非管辖范围', '信息不全', '其他']

export interface GeoPoint {
  lat: number
  lng: number
}

export interface ReportLocation extends GeoPoint {
  address: string
}

/** One step of a case, shown on its timeline. */
export interface ReportHistoryEntry extends HistoryEntry {
  /** The department the step concerns (assignment, fix, send-back). */
  departmentId?: string
  deadline?: string
  photos?: string[]
}

/** What the reporter said after the fix. `auto`: no answer within 7 days, closed as confirmed. */
export interface Confirmation {
  state: 'pending' | 'resolved' | 'unresolved' | 'auto'
  rating?: number
  comment?: PublicText
  reason?: PublicText
  at?: string
}

export interface Report {
  _id: string
  /** Absent on cases filed before sources were kept: those are 随手拍. */
  source?: CaseSource
  /** Set on cases an inspection found. */
  inspection?: CaseInspection
  /** Human case number, e.g. 20261123-7F3A2C. */
  no: string
  requestId: string
  reporterId: string
  anonymous: boolean
  categoryId: string
  categoryName: string
  groupId: string
  description: PublicText
  photos: string[]
  location: ReportLocation
  gridId: string | null
  status: ReportStatus
  departmentId: string | null
  /** End of the last working day allowed, ISO. */
  deadline: string | null
  /** Set by the daily timer while open, frozen when the case closes. */
  overdue: boolean
  onSpot: boolean
  afterPhotos: string[]
  fixNote: PublicText | null
  rejectReason: string | null
  duplicateOf: string | null
  followers: string[]
  /** Text the moderation check wanted a person to look at. */
  needsReview: boolean
  extension: { days: number; reason: PublicText; requestedAt: string } | null
  confirmation: Confirmation | null
  remindedAt: string | null
  createdAt: string
  updatedAt: string
  acceptedAt: string | null
  assignedAt: string | null
  fixedAt: string | null
  closedAt: string | null
  history: ReportHistoryEntry[]
}

/** A grid (网格): a polygon of [lng, lat] points, with its grid worker's name. */
export interface Grid {
  _id: string
  name: string
  polygon: [number, number][]
  worker: string
}

/** Working-day calendar the office edits: extra days off, and weekend days that are worked (调休). */
export interface Holidays {
  _id: 'holidays'
  off: string[]
  workdays: string[]
}

export interface RejectReasons {
  _id: 'rejectReasons'
  reasons: string[]
}

export interface PointsEntry {
  _id: string
  userId: string
  points: number
  reason: string
  reportId?: string
  at: string
}
