import { randomBytes } from 'node:crypto'
import type { Clock, Ids, Logger } from './ports'

// The Clock, Ids and Logger ports as the system answers them (its clock, random ids, JSON lines on the console), and a clock tests move.

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests can move. */
export function manualClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let now = new Date(start)
  return {
    now: () => new Date(now),
    set: (at) => (now = new Date(at)),
    advance: (ms) => (now = new Date(now.getTime() + ms))
  }
}

/** 24 hex characters: time-ordered prefix so ids sort roughly by creation, random tail so they are not guessable. */
export const randomIds: Ids = {
  next: () => Date.now().toString(16).padStart(12, '0').slice(-12) + randomBytes(6).toString('hex')
}

export const consoleLogger: Logger = {
  info: (message, extra) => console.log(JSON.stringify({ level: 'info', message, ...extra })),
  error: (message, extra) => console.error(JSON.stringify({ level: 'error', message, ...extra }))
}
