import { createHash } from 'node:crypto'
import type { User } from '../../types/domain'
import { DuplicateKeyError, type Deps } from './ports'
import { counters, users } from './collections'

/** A stable user id that does not reveal the openid, so a first visit registers exactly once even when raced. */
export const userIdOf = (openid: string) => 'u' + createHash('sha256').update(openid).digest('hex').slice(0, 23)

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
  try {
    // the person and the count of people land together, or neither does
    await deps.store.transaction(async () => {
      await users(deps.store).insert(user)
      await counters(deps.store).update({ _id: 'users' }, { $inc: { value: 1 } })
    })
    return user
  } catch (error) {
    if (error instanceof DuplicateKeyError) return (await users(deps.store).findOne({ _id }))!
    throw error
  }
}
