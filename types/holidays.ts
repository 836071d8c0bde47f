/**
 * Reading the office's holidays from what it has at hand: the year's 国务院办公厅 notice
 * (“春节：2月15日（农历腊月二十八、周日）至23日（…）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。”)
 * or a plain list of dates, one way for the page and its tests.
 */

export interface HolidayCalendar {
  off: string[]
  workdays: string[]
}

export interface ParsedHolidays extends HolidayCalendar {
  /** Read from a notice: each holiday with all its days off, weekends included, as the notice gives them. */
  holidays: { name: string; off: string[]; workdays: string[] }[]
  /** Years a notice covers: saving replaces what the calendar held for them. A list of dates covers none. */
  years: number[]
  /** Pieces that looked like dates but are none, or lines that hold no date. */
  unread: string[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` when the date exists (2月30日 does not). */
function dayOf(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day))

function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 40; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

const sorted = (days: Iterable<string>) => [...new Set(days)].sort()

// “一、元旦：” or “国庆节、中秋节：”; the notice's greeting (“各省、…各直属机构：”) holds no dates and drops out
const SECTION = /(?:[一二三四五六七八九十]+、)?([\u4e00-\u9fa5、]{2,12})[：:]/g
const NOTE = '(?:（[^）]*）|\\([^)]*\\))?'
const RANGE = new RegExp(`(\\d{1,2})月(\\d{1,2})日${NOTE}(?:(?:至|—|-|～|~)(?:(\\d{1,2})月)?(\\d{1,2})日${NOTE})?放假`)
const MONTH_DAY = /(\d{1,2})月(\d{1,2})日/g
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?/g

export function parseHolidays(text: string, fallbackYear: number): ParsedHolidays {
  return text.includes('放假') ? parseNotice(text, fallbackYear) : parseList(text)
}

function parseNotice(text: string, fallbackYear: number): ParsedHolidays {
  const year = Number(/(\d{4})\s*年/.exec(text)?.[1] ?? fallbackYear)
  const heads = [...text.matchAll(SECTION)]
  const holidays: ParsedHolidays['holidays'] = []
  const unread: string[] = []
  heads.forEach((head, i) => {
    const body = text.slice(head.index! + head[0].length, heads[i + 1]?.index ?? text.length)
    const off: string[] = []
    const workdays: string[] = []
    for (const clause of body.split(/[。；;\n]/)) {
      const range = RANGE.exec(clause)
      if (range) {
        const [, m1, d1, m2, d2] = range
        const from = dayOf(year, +m1, +d1)
        const to = d2 ? dayOf(year, +(m2 ?? m1), +d2) : from
        if (from && to && from <= to) off.push(...daysBetween(from, to))
        else unread.push(range[0])
      } else if (clause.includes('上班')) {
        for (const [piece, m, d] of clause.matchAll(MONTH_DAY)) {
          const day = dayOf(year, +m, +d)
          if (day) workdays.push(day)
          else unread.push(piece)
        }
      }
    }
    if (off.length || workdays.length) holidays.push({ name: head[1].replace(/^、+/, ''), off, workdays })
  })
  return {
    holidays,
    years: holidays.length ? [year] : [],
    off: sorted(holidays.flatMap((h) => h.off).filter((d) => !isWeekend(d))),
    workdays: sorted(holidays.flatMap((h) => h.workdays)),
    unread
  }
}

/** One date or several a line; a line saying 上班 (or 补班) lists make-up working days. */
function parseList(text: string): ParsedHolidays {
  const off: string[] = []
  const workdays: string[] = []
  const unread: string[] = []
  for (const line of text.split(/\n/).map((l) => l.trim()).filter(Boolean)) {
    const found = [...line.matchAll(FULL_DATE)]
    if (!found.length) unread.push(line)
    for (const [piece, y, m, d] of found) {
      const day = dayOf(+y, +m, +d)
      if (!day) unread.push(piece)
      else (/上班|补班/.test(line) ? workdays : off).push(day)
    }
  }
  return { holidays: [], years: [], off: sorted(off), workdays: sorted(workdays), unread }
}

/** A notice replaces the years it covers; a list of dates adds to what is there. */
export function mergeHolidays(current: HolidayCalendar, parsed: ParsedHolidays): HolidayCalendar {
  const kept = (days: string[]) => days.filter((d) => !parsed.years.includes(Number(d.slice(0, 4))))
  return { off: sorted([...kept(current.off), ...parsed.off]), workdays: sorted([...kept(current.workdays), ...parsed.workdays]) }
}

/** Deadlines count working days on this calendar: a year without its holidays counts through 元旦 and 春节. */
export function calendarWarning(calendar: HolidayCalendar, today: string): string | null {
  const year = Number(today.slice(0, 4))
  const has = (y: number) => calendar.off.some((d) => d.startsWith(`${y}-`))
  const missing = !has(year) ? year : today.slice(5, 7) === '12' && !has(year + 1) ? year + 1 : null
  return missing ? `${missing} 年的节假日还没有设置，整改时限会把节假日算作工作日。请在 系统设置 → 节假日 粘贴国务院办公厅的放假通知` : null
}
