import { createHmac } from 'node:crypto'
import QRCode from 'qrcode'

/** A code lives for one 30-second window; the one before it is still accepted, so no code works past a minute. */
export const WINDOW_MS = 30000

const windowOf = (at: Date) => Math.floor(at.getTime() / WINDOW_MS)

function codeFor(secret: string, activityId: string, window: number) {
  const mac = createHmac('sha256', secret).update(`${activityId}:${window}`).digest()
  return String(mac.readUInt32BE(0) % 1000000).padStart(6, '0')
}

/** The 6 digits of the current window and when they change; the QR only draws them. */
export function codeAt(secret: string, activityId: string, now: Date) {
  const window = windowOf(now)
  return { code: codeFor(secret, activityId, window), expiresAt: new Date((window + 1) * WINDOW_MS).toISOString() }
}

/** What the organizer's screen shows now: the code, its QR (PNG data URL) and when it changes. */
export async function currentCode(secret: string, activityId: string, now: Date) {
  const { code, expiresAt } = codeAt(secret, activityId, now)
  const qr = await QRCode.toDataURL(`cwt-checkin:${activityId}:${code}`, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
  return { code, qr, expiresAt }
}

/** Accepts the 6 digits typed, or the whole text a scan of the QR gives. */
export function codeMatches(secret: string, activityId: string, given: string, now: Date) {
  const scanned = /^cwt-checkin:([^:]+):(\d{6})$/.exec(given.trim())
  if (scanned && scanned[1] !== activityId) return false
  const code = scanned ? scanned[2] : given.trim()
  const window = windowOf(now)
  return code === codeFor(secret, activityId, window) || code === codeFor(secret, activityId, window - 1)
}
