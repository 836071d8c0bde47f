import { MOVES, type ReportStatus } from '@contract'

export const STAFF_ACTIONS = [
  'accept',
  'reject',
  'markDuplicate',
  'assign',
  'fixOnSpot',
  'grantExtension',
  'refuseExtension',
  'verify',
  'rework',
  'start',
  'fix',
  'requestExtension',
  'sendBack'
] as const
export type StaffAction = (typeof STAFF_ACTIONS)[number]

export const ACTION_LABELS: Record<StaffAction, string> = {
  accept: '受理',
  reject: '不予受理',
  markDuplicate: '标记重复',
  assign: '交办',
  fixOnSpot: '立行立改',
  grantExtension: '同意延期',
  refuseExtension: '不同意延期',
  verify: '核查通过',
  rework: '退回重改',
  start: '开始整改',
  fix: '整改完成',
  requestExtension: '申请延期',
  sendBack: '退回创文办'
}

export interface Actor {
  admin: boolean
  /** A handler of the department the case is assigned to. */
  handlesCase: boolean
}

/** What this caller may do to a case in this status, in the order the buttons show: read off the server's table. */
export function availableActions(status: ReportStatus, actor: Actor): StaffAction[] {
  return STAFF_ACTIONS.filter((move) => {
    const rule = MOVES[move]
    return rule.from.includes(status) && ((rule.by === 'admin' && actor.admin) || (rule.by === 'handler' && actor.handlesCase))
  })
}
