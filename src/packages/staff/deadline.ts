import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Extra days off and weekend days that are worked (调休), as YYYY-MM-DD. */
export interface WorkCalendar {
  off: string[]
  workdays: string[]
}

export type DeadlineTone = 'normal' | 'due' | 'late'

const NO_HOLIDAYS: WorkCalendar = { off: [], workdays: [] }
// Deadlines are working days in Beijing (fixed +08:00, no DST) whatever the phone's own zone is.
const BEIJING = 8 * 60

export const beijingDay = (at: string | Date) => dayjs(at).utcOffset(BEIJING).format('YYYY-MM-DD')

const nextDay = (day: string) => dayjs.utc(day).add(1, 'day').format('YYYY-MM-DD')

/** Mon–Fri unless declared off; Sat/Sun only when declared a 调休 workday. */
export function isWorkingDay(day: string, calendar: WorkCalendar = NO_HOLIDAYS) {
  if (calendar.off.includes(day)) return false
  const weekday = dayjs.utc(day).day()
  return (weekday !== 0 && weekday !== 6) || calendar.workdays.includes(day)
}

/** Working days after `fromDay` up to and including `toDay`; 0 when `toDay` is not later. */
export function workingDaysBetween(fromDay: string, toDay: string, calendar: WorkCalendar = NO_HOLIDAYS) {
  let count = 0
  for (let day = fromDay; day < toDay; ) {
    day = nextDay(day)
    if (isWorkingDay(day, calendar)) count++
  }
  return count
}

/**
 * The day a deadline of N working days from `start` falls on (0 = the same day), as the server counts it,
 * so the assign form can show the date while the days are being changed. The server stays the authority.
 */
export function deadlineDay(start: string | Date, workingDays: number, calendar: WorkCalendar = NO_HOLIDAYS) {
  let day = beijingDay(start)
  for (let left = Math.max(0, Math.floor(workingDays)); left > 0; ) {
    day = nextDay(day)
    if (isWorkingDay(day, calendar)) left--
  }
  return day
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
