import type { HistoryEntry, User } from '../../types/domain'
import type { Deps } from './ports'
import { counters, users } from './collections'
import { idOf } from './idempotency'

/** A stable user id that does not reveal the openid, so a first visit registers exactly once even when raced. */
export const userIdOf = (openid: string) => idOf('u', openid)

/** Finds the caller, registering a first-time visitor as a resident. */
export async function resolveCaller(deps: Deps, openid: string): Promise<User> {
  const _id = userIdOf(openid)
  const known = await users(deps.store).findOne({ _id })
  if (known) return known
  const at = deps.clock.now().toISOString()
  const user: User = {
    _id,
    openid,
    nickname: `市民${_id.slice(-4).toUpperCase()}`,
    roles: ['resident'],
    createdAt: at,
    updatedAt: at,
    history: [{ at, by: _id, role: 'system', from: null, to: 'resident', note: '首次使用' }]
  }
  // the person and the count of people land together, or neither does
  const registered = await deps.store.transaction(async () => {
    if (!(await users(deps.store).insertIfAbsent(user))) return false
    await counters(deps.store).update({ _id: 'users' }, { $inc: { value: 1 } })
    return true
  })
  return registered ? user : (await users(deps.store).findOne({ _id }))!
}

const NAMED_ADMIN = '部署时指定的管理员'

/**
 * Makes the people a deployment names (ADMIN_OPENIDS: openids separated by commas or spaces) admins, registering
 * them if they never visited: how an environment gets its first admin. Each is granted once, so an admin who
 * later revokes one of them is not overruled by the next start.
 */
export async function grantAdmins(deps: Deps, setting: string | undefined) {
  for (const openid of (setting ?? '').split(/[\s,]+/).filter(Boolean)) {
    const user = await resolveCaller(deps, openid)
    if (user.roles.includes('admin') || user.history.some((h) => h.note === NAMED_ADMIN)) continue
    const at = deps.clock.now().toISOString()
    const roles = [...user.roles, 'admin' as const]
    const entry: HistoryEntry = { at, by: 'system', role: 'system', from: user.roles.join(','), to: roles.join(','), note: NAMED_ADMIN }
    // matched only if nobody changed them since the read (another instance starting at the same time)
    await users(deps.store).update({ _id: user._id, updatedAt: user.updatedAt }, { $set: { roles, updatedAt: at }, $push: { history: entry } })
  }
}
