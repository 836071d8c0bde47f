import { ROLE_LABELS, ROLES, type HistoryEntry, type Role, type User } from '../../types/domain'
import { users } from './collections'
import { conflict } from './errors'
import type { Deps } from './ports'

/**
 * How roles change, for the two functions that change them: users (an admin's grant or revoke) and volunteer
 * (the role import, there because reading a sheet needs exceljs, which users must not carry).
 */

/** The roles an admin grants; resident is everyone's from the first visit. */
export const GRANTABLE = ROLES.filter((r) => r !== 'resident')

/** A handler's role comes with its department; a role held already (in that department) changes nothing. */
export async function grant(deps: Deps, by: string, user: User, role: Role, departmentId?: string): Promise<User> {
  if (user.roles.includes(role) && user.departmentId === (departmentId ?? user.departmentId)) return user
  const roles = user.roles.includes(role) ? user.roles : [...user.roles, role]
  return changeRoles(deps, by, user, roles, role === 'handler' ? departmentId : user.departmentId, `授予${ROLE_LABELS[role]}`)
}

/** Conditional on the user read before, so two admins editing at once cannot silently overwrite each other. */
export async function changeRoles(deps: Deps, by: string, user: User, roles: Role[], departmentId: string | undefined, note: string): Promise<User> {
  const at = deps.clock.now().toISOString()
  const entry: HistoryEntry = { at, by, role: 'admin', from: user.roles.join(','), to: roles.join(','), note }
  const update = departmentId
    ? { $set: { roles, departmentId, updatedAt: at }, $push: { history: entry } }
    : { $set: { roles, updatedAt: at }, $unset: { departmentId: true as const }, $push: { history: entry } }
  if (!(await users(deps.store).update({ _id: user._id, updatedAt: user.updatedAt }, update))) throw conflict('该用户的信息刚刚被修改过，请刷新后重试')
  return { ...user, roles, departmentId, updatedAt: at }
}
