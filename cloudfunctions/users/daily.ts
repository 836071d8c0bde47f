import type { Deps } from '../core/ports'
import { userRepository } from './repository'

/** How long a notice stays in the in-app inbox; pushed notices have long been read by then. */
export const INBOX_DAYS = 90

/** The nightly sweep: notices older than the inbox keeps are removed, so the outbox does not grow with the years. */
export async function sweepInbox(deps: Deps) {
  const cutoff = new Date(deps.clock.now().getTime() - INBOX_DAYS * 86_400_000).toISOString()
  return { pruned: await userRepository(deps.store).pruneInbox(cutoff) }
}
