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
