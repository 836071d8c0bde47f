import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Holidays } from './domain'

dayjs.extend(utc)

/** China keeps +08:00 all year (no DST), so a fixed offset is exact and independent of the server's TZ. */
const BEIJING = 8 * 60
const DAY_MS = 24 * 60 * 60 * 1000
const MAX_WORKING_DAYS = 365

export type WorkCalendar = Pick<Holidays, 'off' | 'workdays'>

// A string without a zone would be read in the server's TZ, which differs between the cloud and a laptop.
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A day written YYYY-MM-DD that the calendar has (2027-02-30 has the form but no such day). */
export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false
  const [y, m, d] = text.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d))
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d
}

function inBeijing(at: string | Date): Dayjs {
  if (typeof at === 'string' && !ZONED.test(at)) throw new RangeError(`时间缺少时区: ${at}`)
  const d = dayjs(at)
  if (!d.isValid()) throw new RangeError(`无效时间: ${String(at)}`)
  return d.utcOffset(BEIJING)
}

/** The calendar day (YYYY-MM-DD) of an instant in Beijing. */
export function beijingDay(at: string | Date): string {
  return inBeijing(at).format('YYYY-MM-DD')
}

/** 'YYYY-MM-DD HH:mm' in Beijing, as staff read times in tables and exports. */
export function beijingDateTime(at: string | Date): string {
  return inBeijing(at).format('YYYY-MM-DD HH:mm')
}

/** Epoch ms of 00:00 Beijing; throws RangeError for anything but a real YYYY-MM-DD. */
function dayStart(day: string): number {
  const ms = DAY.test(day) ? Date.parse(`${day}T00:00:00+08:00`) : NaN
  // Date.parse rolls 2026-02-30 over to March; the round trip catches that.
  if (Number.isNaN(ms) || beijingDay(new Date(ms)) !== day) throw new RangeError(`无效日期: ${day}`)
  return ms
}

/** 00:00 Beijing of `day`, as an ISO instant. */
export function startOfBeijingDay(day: string): string {
  return new Date(dayStart(day)).toISOString()
}

/** 23:59:59.999 Beijing of `day`, as an ISO instant. */
export function endOfBeijingDay(day: string): string {
  return new Date(dayStart(day) + DAY_MS - 1).toISOString()
}

function nextDay(day: string): string {
  return dayjs.utc(day).add(1, 'day').format('YYYY-MM-DD')
}

/** Mon–Fri unless declared off; Sat/Sun only when declared a 调休 workday. A day in both lists is off. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  dayStart(day) // a malformed day has no weekday and would otherwise pass as a working day
  return worked(day, calendar)
}

function worked(day: string, calendar: WorkCalendar): boolean {
  if (calendar.off.includes(day)) return false
  const weekday = dayjs.utc(day).day()
  return (weekday !== 0 && weekday !== 6) || calendar.workdays.includes(day)
}

/**
 * End of the Nth working day after the Beijing day of `start` (the start day does not count).
 * N = 0 is 立行立改: end of the start day itself. Throws RangeError unless N is an integer in 0..365.
 */
export function deadlineAfter(start: string | Date, workingDays: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
    throw new RangeError(`整改时限须为 0–${MAX_WORKING_DAYS} 个工作日: ${workingDays}`)
  }
  let day = beijingDay(start)
  for (let left = workingDays; left > 0; ) {
    day = nextDay(day)
    if (worked(day, calendar)) left--
  }
  return endOfBeijingDay(day)
}

/** Working days after `fromDay` up to and including `toDay`; 0 when `toDay` is not later. */
export function workingDaysBetween(fromDay: string, toDay: string, calendar: WorkCalendar): number {
  dayStart(fromDay)
  dayStart(toDay)
  let count = 0
  for (let day = fromDay; day < toDay; ) {
    day = nextDay(day)
    if (worked(day, calendar)) count++
  }
  return count
}
