/** 督办单: the office's formal escalation to a unit for cases it has let run late. */
import type { DepartmentRef, Page, PageQuery } from './api'
import type { HistoryEntry, PublicText, ReportStatus } from './domain'

export const ORDER_LEVELS = ['white', 'yellow', 'red'] as const
export type OrderLevel = (typeof ORDER_LEVELS)[number]
export const ORDER_LEVEL_LABELS: Record<OrderLevel, string> = { white: '白色', yellow: '黄色', red: '红色' }

export const ORDER_STATES = ['issued', 'acknowledged', 'replied', 'closed'] as const
export type OrderState = (typeof ORDER_STATES)[number]
/** Issued and acknowledged orders wait on the unit's reply. */
export const WAITING_ON_UNIT: readonly OrderState[] = ['issued', 'acknowledged']
export const ORDER_STATE_LABELS: Record<OrderState, string> = { issued: '待签收', acknowledged: '已签收', replied: '已回复', closed: '已办结' }

/** One step of an order: issued, acknowledged, replied, escalated, closed. */
export interface OrderHistoryEntry extends HistoryEntry {
  level: OrderLevel
}

export interface Order {
  _id: string
  /** 督办〔2026〕第7号: counted per Beijing year, without gaps. */
  no: string
  year: number
  seq: number
  level: OrderLevel
  departmentId: string
  caseIds: string[]
  /** End of the Beijing day the unit must reply by. */
  replyBy: string
  /** The office's words (moderated as typed), or the sweep's own for a confirmed proposal. */
  text: string
  state: OrderState
  reply: PublicText | null
  requestId: string
  issuedBy: string
  issuedAt: string
  acknowledgedAt: string | null
  repliedAt: string | null
  closedAt: string | null
  /** The higher-level order this one was escalated to; the sweep proposes no second escalation. */
  escalatedTo: string | null
  /** The lower-level order this one escalates. */
  escalates: string | null
  history: OrderHistoryEntry[]
}

/** What the sweep suggests; only a person turns it into an order. */
export interface OrderProposal {
  /** `<level>:<case id>` for white, `<level>:<order id>` for an escalation: proposed once, whatever is decided. */
  _id: string
  level: OrderLevel
  departmentId: string
  caseIds: string[]
  escalates: string | null
  reason: string
  proposedAt: string
  state: 'open' | 'confirmed' | 'dismissed'
  orderId: string | null
  decidedBy: string | null
  decidedAt: string | null
}

/** Working days before the sweep proposes each level. */
export interface OrderThresholds {
  /** Overdue this long → 白色. */
  white: number
  /** A white order still open this long → 黄色. */
  yellow: number
  /** A yellow order still open this long → 红色. */
  red: number
}

export const DEFAULT_ORDER_THRESHOLDS: OrderThresholds = { white: 3, yellow: 5, red: 5 }

export interface OrderThresholdsSetting extends OrderThresholds {
  _id: 'orderThresholds'
}

export interface OrderCase {
  id: string
  no: string
  categoryName: string
  address: string
  status: ReportStatus
  deadline: string | null
  overdue: boolean
}

export interface OrderCard {
  id: string
  no: string
  level: OrderLevel
  state: OrderState
  department: DepartmentRef
  cases: number
  replyBy: string
  issuedAt: string
  /** Past its reply deadline without a reply. */
  late: boolean
}

export interface OrderStep {
  at: string
  who: string
  from: string | null
  to: string
  level: OrderLevel
  note: string | null
}

export interface OrderDetail extends Omit<OrderCard, 'cases'> {
  text: string
  reply: string | null
  cases: OrderCase[]
  escalates: { id: string; no: string } | null
  escalatedTo: { id: string; no: string } | null
  history: OrderStep[]
}

export interface ProposalCard {
  id: string
  level: OrderLevel
  department: DepartmentRef
  cases: Pick<OrderCase, 'id' | 'no' | 'categoryName'>[]
  escalates: { id: string; no: string } | null
  reason: string
  proposedAt: string
}

/** Orders a unit was given in a period, per level: what the monthly assessment reads. */
export interface OrderCountRow {
  department: DepartmentRef
  white: number
  yellow: number
  red: number
}

export interface OrderFilter {
  level?: OrderLevel
  state?: OrderState | 'open'
  departmentId?: string
}

export interface OrdersApi {
  issueOrder: { req: { departmentId: string; caseIds: string[]; level: OrderLevel; replyBy: string; text: string }; res: OrderDetail }
  orders: { req: PageQuery & OrderFilter; res: Page<OrderCard> & { open: number } }
  order: { req: { id: string }; res: OrderDetail }
  acknowledgeOrder: { req: { id: string }; res: OrderDetail }
  replyOrder: { req: { id: string; reply: string }; res: OrderDetail }
  orderProposals: { req: PageQuery; res: Page<ProposalCard> }
  confirmProposal: { req: { id: string; replyBy?: string }; res: OrderDetail }
  dismissProposal: { req: { id: string }; res: { dismissed: boolean } }
  orderCounts: { req: { from: string; to: string }; res: OrderCountRow[] }
}
