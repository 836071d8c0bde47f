import type { Quiz } from '../../types/quiz'
import type { Store } from '../core/ports'
import { quizRepository } from './repository'
import { sample } from './rules'

/** A pool twice each quota: two people's papers still differ, and practice keeps most of the bank. */
export const POOL_PER_QUOTA = 2

/** The quiz's pool: per knowledge point, POOL_PER_QUOTA times its quota of the active questions, at random. */
export async function drawPool(store: Store, quotas: Quiz['quotas']): Promise<string[]> {
  const repo = quizRepository(store)
  const pool: string[] = []
  for (const quota of quotas) pool.push(...sample(await repo.activeIds(quota.point), quota.count * POOL_PER_QUOTA))
  return pool
}

/**
 * The one rule against harvesting answers through practice: what a quiz not yet closed may put on a paper is
 * never practised until it closes — its pool, or for a quiz without one, its knowledge points whole.
 */
export async function withheldFromPractice(store: Store, now: Date) {
  const live = await quizRepository(store).unclosed(now.toISOString())
  return {
    ids: live.flatMap((q) => q.pool ?? []),
    points: live.flatMap((q) => (q.pool ? [] : q.quotas.map((x) => x.point)))
  }
}
