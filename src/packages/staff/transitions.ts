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

export interface Actor {
  admin: boolean
  /** A handler of the department the case is assigned to. */
  handlesCase: boolean
}

/**
 * What this caller may do to a case in this status, in the order the buttons show: read off the server's table;
 * 退回 not once the case is past its deadline (`late`).
 */
export function availableActions(status: ReportStatus, actor: Actor, late = false): StaffAction[] {
  return STAFF_ACTIONS.filter((move) => {
    const rule = MOVES[move]
    if (move === 'sendBack' && late) return false
    return rule.from.includes(status) && ((rule.by === 'admin' && actor.admin) || (rule.by === 'handler' && actor.handlesCase))
  })
}
