import type { ReportStatus, Role } from './domain'

export type Move =
  | 'accept'
  | 'reject'
  | 'markDuplicate'
  | 'assign'
  | 'fixOnSpot'
  | 'start'
  | 'fix'
  | 'sendBack'
  | 'requestExtension'
  | 'grantExtension'
  | 'refuseExtension'
  | 'verify'
  | 'rework'
  | 'confirm'
  | 'reopen'
  | 'autoConfirm'

export interface MoveRule {
  from: readonly ReportStatus[]
  /** Where the case goes; `reopen` goes back to the department when it has one, else to the office. */
  to: ReportStatus
  by: Role | 'reporter' | 'system'
  /** The step as staff read it, on its button and in the timeline's default note. */
  label: string
}

/**
 * The whole life of a 随手拍 case: which move is allowed from which status, where it leads, and who makes it.
 * The server enforces it; the staff pages read it to offer only the moves that will be accepted.
 */
export const MOVES: Record<Move, MoveRule> = {
  accept: { from: ['submitted'], to: 'accepted', by: 'admin', label: '受理' },
  reject: { from: ['submitted'], to: 'rejected', by: 'admin', label: '不予受理' },
  markDuplicate: { from: ['submitted'], to: 'duplicate', by: 'admin', label: '标记为重复件' },
  assign: { from: ['accepted', 'returned'], to: 'assigned', by: 'admin', label: '交办' },
  fixOnSpot: { from: ['accepted'], to: 'closed', by: 'admin', label: '立行立改' },
  start: { from: ['assigned'], to: 'in_progress', by: 'handler', label: '开始整改' },
  fix: { from: ['assigned', 'in_progress'], to: 'fixed', by: 'handler', label: '报告整改完成' },
  sendBack: { from: ['assigned', 'in_progress'], to: 'returned', by: 'handler', label: '退回创文办' },
  requestExtension: { from: ['assigned', 'in_progress'], to: 'extension_requested', by: 'handler', label: '申请延期' },
  grantExtension: { from: ['extension_requested'], to: 'in_progress', by: 'admin', label: '同意延期' },
  refuseExtension: { from: ['extension_requested'], to: 'in_progress', by: 'admin', label: '不同意延期' },
  verify: { from: ['fixed'], to: 'closed', by: 'admin', label: '核查结案' },
  rework: { from: ['fixed'], to: 'in_progress', by: 'admin', label: '要求返工' },
  confirm: { from: ['closed'], to: 'closed', by: 'reporter', label: '确认已解决' },
  reopen: { from: ['closed'], to: 'in_progress', by: 'reporter', label: '反馈未解决' },
  autoConfirm: { from: ['closed'], to: 'closed', by: 'system', label: '逾期未评价，默认已解决' }
}

/** 退回 erases the unit's deadline, so it is a move for within it only: a unit past it fixes, or asks the office. */
export const pastDeadline = (c: { overdue: boolean; deadline: string | null }, now: Date) => c.overdue || (!!c.deadline && now.toISOString() > c.deadline)

/** A case refused or itself merged cannot be the one another repeats: the repeat would be lost with it. */
const NO_ORIGINAL: readonly ReportStatus[] = ['rejected', 'duplicate']

/** Whether `original` may be named as the case `repeatId` repeats (标记为重复件): offered by the form, checked by the server. */
export const mayBeOriginal = (original: { id: string; status: ReportStatus }, repeatId: string) => original.id !== repeatId && !NO_ORIGINAL.includes(original.status)
