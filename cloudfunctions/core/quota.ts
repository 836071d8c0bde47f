import { quotas } from './collections'
import { AppError } from './errors'
import type { Deps } from './ports'

/**
 * Takes one of `limit` uses counted under `key` (who, what and the period, e.g. `<userId>:<day>`), or refuses
 * with RATE_LIMITED and `message` once they are used up. A conditional increment, so racing calls cannot pass it.
 */
export async function takeQuota(deps: Deps, key: string, limit: number, message: string) {
  await quotas(deps.store).insertIfAbsent({ _id: key, count: 0 })
  const taken = await quotas(deps.store).update({ _id: key, count: { $lt: limit } }, { $inc: { count: 1 } })
  if (!taken) throw new AppError('RATE_LIMITED', message)
}

/** Gives back a use taken under `key`, for a call that turned out to repeat one already counted. */
export async function giveBackQuota(deps: Deps, key: string) {
  await quotas(deps.store).update({ _id: key }, { $inc: { count: -1 } })
}
