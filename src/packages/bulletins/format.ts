import { lastPeriodStart, monthPeriod, periodOf, type BulletinKind } from '@contract'

/** A frozen rate as printed in the bulletin: 92.5%, or — when there was nothing to divide by. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate}%`)

/** A figure that may be missing (an average with no cases): the number, or —. */
export const figure = (n: number | null) => (n === null ? '—' : String(n))

export interface PeriodOption {
  start: string
  label: string
}

const DAY_MS = 86_400_000

/**
 * The periods the office may open a bulletin for, newest first: the last `count` whole weeks (Monday–Sunday) or
 * months before `now`. The first is the default: last week, or the month just ended.
 */
export function periodOptions(kind: BulletinKind, now: Date, count = 12): PeriodOption[] {
  const last = lastPeriodStart(kind, now)
  const starts = Array.from({ length: count }, (_, i) => {
    if (kind === 'week') return new Date(Date.parse(`${last}T00:00:00Z`) - i * 7 * DAY_MS).toISOString().slice(0, 10)
    const [y, m] = last.split('-').map(Number)
    return new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 10)
  })
  return starts.map((start) => ({ start, label: periodOf(kind, start).title }))
}

/** The assessment months one may look back on, newest first: this month (so far) and the `count` - 1 before it. */
export function monthOptions(now: Date, count = 12): { month: string; label: string }[] {
  const beijing = new Date(now.getTime() + 8 * 3600_000)
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - i, 1)).toISOString().slice(0, 7)
    return { month, label: monthPeriod(month).title }
  })
}

/** What a download is called on the phone and in the browser: 创文通报-2026年第3期.docx. */
export const exportName = (no: string, format: 'docx' | 'xlsx') => `创文通报-${no}.${format}`
