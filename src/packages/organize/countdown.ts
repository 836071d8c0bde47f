/** How often the organizer's screen asks for a fresh sign-in code. */
export const REFRESH_MS = 30_000

/**
 * When to fetch the next code: every 30 s, or sooner if the server's code expires first,
 * and never sooner than a second from now so a clock out of step cannot make it spin.
 */
export function nextRefresh(fetchedAt: number, expiresAt: string): number {
  const expires = Date.parse(expiresAt)
  const due = Number.isFinite(expires) ? Math.min(fetchedAt + REFRESH_MS, expires) : fetchedAt + REFRESH_MS
  return Math.max(due, fetchedAt + 1000)
}

/** Whole seconds left until `at`, never below zero. */
export const secondsLeft = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000))
