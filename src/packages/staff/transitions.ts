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

/** What this caller may do to a case in this status, in the order the buttons show: read off the server's table. */
export function availableActions(status: ReportStatus, actor: Actor): StaffAction[] {
  return STAFF_ACTIONS.filter((move) => {
    const rule = MOVES[move]
    return rule.from.includes(status) && ((rule.by === 'admin' && actor.admin) || (rule.by === 'handler' && actor.handlesCase))
  })
}
