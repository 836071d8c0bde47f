import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { beijingDay, deadlineAfter, workingDaysBetween, type WorkCalendar } from '@contract/calendar'

dayjs.extend(utc)

export type DeadlineTone = 'normal' | 'due' | 'late'

const NO_HOLIDAYS: WorkCalendar = { off: [], workdays: [] }
const MAX_PREVIEW_DAYS = 365

/**
 * The day a deadline of N working days from `start` falls on (0 = the same day), counted by the server's
 * calendar, so the assign form can show the date while the days are being typed (a half-typed number counts
 * as the nearest it could mean). The server stays the authority.
 */
export function deadlineDay(start: string | Date, workingDays: number, calendar: WorkCalendar = NO_HOLIDAYS) {
  const days = Number.isFinite(workingDays) ? Math.min(MAX_PREVIEW_DAYS, Math.max(0, Math.floor(workingDays))) : 0
  return beijingDay(deadlineAfter(start, days, calendar))
}

/** How a deadline reads in a department's queue: 剩 N 个工作日, 今天到期, 已超期 N 天. */
export function deadlineLabel(deadline: string, now: string | Date, calendar: WorkCalendar = NO_HOLIDAYS): { text: string; tone: DeadlineTone } {
  const today = beijingDay(now)
  const day = beijingDay(deadline)
  if (dayjs(now).isAfter(deadline)) {
    const late = Math.max(1, dayjs.utc(today).diff(dayjs.utc(day), 'day'))
    return { text: `已超期 ${late} 天`, tone: 'late' }
  }
  if (day === today) return { text: '今天到期', tone: 'due' }
  const left = workingDaysBetween(today, day, calendar)
  // A 调休 workday the phone does not know about can leave no working day in between.
  if (left === 0) return { text: `${dayjs.utc(day).format('M月D日')}到期`, tone: 'due' }
  return { text: `剩 ${left} 个工作日`, tone: left <= 1 ? 'due' : 'normal' }
}

const WEEKDAYS = '日一二三四五六'

/** 11月26日（周四）, for a YYYY-MM-DD day. */
export const dayWithWeekday = (day: string) => {
  const d = dayjs.utc(day)
  return `${d.format('M月D日')}（周${WEEKDAYS[d.day()]}）`
}
