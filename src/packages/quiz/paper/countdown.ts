/**
 * The countdown reads the server's clock, never the phone's: a phone set an hour back must not buy an hour.
 * The offset is taken at the middle of the request that brought the server's time, so the wait for the answer
 * counts half on each side.
 */
export function clockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverNow)
  return Number.isFinite(server) ? server - Math.round((sentAt + receivedAt) / 2) : 0
}

/** Milliseconds left until the deadline on the server's clock, never below zero. */
export const msLeft = (deadline: string, offset: number, phoneNow: number) => Math.max(0, Date.parse(deadline) - (phoneNow + offset))

/** Under a minute the countdown turns red. */
export const URGENT_MS = 60_000
export const isUrgent = (ms: number) => ms < URGENT_MS

const two = (n: number) => String(n).padStart(2, '0')

/** 19:58, or 1:02:03 past an hour; seconds are rounded up so 00:00 shows only when time is really up. */
export function formatLeft(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`
}

/** Minutes left at which the paper says how long remains, aloud (a live region) and in a toast. */
export const WARN_MINUTES = [5, 1]

/**
 * The warnings `ms` left has reached and `given` has not had, as minutes, largest first; the page says only the
 * last (a paper reopened with 3 minutes left says so once, not "5 minutes" too), and marks them all given.
 */
export const dueWarnings = (ms: number, given: number[]) => WARN_MINUTES.filter((m) => ms > 0 && ms <= m * 60_000 && !given.includes(m))

/** What the warning says: minutes rounded up, so 4:30 left is 还剩 5 分钟. */
export const warningText = (ms: number) => `答题还剩 ${Math.ceil(ms / 60_000)} 分钟`

/** What the paper says when the office's extra time reaches it. */
export const extendedText = (ms: number) => `创文办已为您延长答题时间，还剩 ${Math.ceil(ms / 60_000)} 分钟`

/** The warnings still given once the time left grew to `ms`: those it is past again are due again. */
export const stillGiven = (given: number[], ms: number) => given.filter((m) => m * 60_000 >= ms)
