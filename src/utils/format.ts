import dayjs from 'dayjs'
import type { ProfileView } from '@contract'

/** "320 米" close by, "1.2 公里" further away. */
export function formatDistance(meters: number): string {
  if (meters < 10) return '10 米内'
  if (meters < 1000) return `${Math.round(meters / 10) * 10} 米`
  return `${(meters / 1000).toFixed(meters < 10000 ? 1 : 0)} 公里`
}

/**
 * The app's dates, one way everywhere: 11月3日 within this year, 2025年11月3日 otherwise; with the time,
 * 11月3日 09:30. Values sent to the server or put in file names keep their ISO forms.
 */
export function formatDay(iso: string | Date, now: Date = new Date()): string {
  const at = dayjs(iso)
  return at.format(at.isSame(now, 'year') ? 'M月D日' : 'YYYY年M月D日')
}

export function formatDateTime(iso: string | Date, now: Date = new Date()): string {
  return `${formatDay(iso, now)} ${dayjs(iso).format('HH:mm')}`
}

/** 2月5日, where the year is said already (a year's holidays). */
export function formatMonthDay(iso: string | Date): string {
  return dayjs(iso).format('M月D日')
}

/** A date that stands on its own, as on a certificate or a joining date: always with the year. */
export function formatFullDay(iso: string | Date): string {
  return dayjs(iso).format('YYYY年M月D日')
}

/** `2026-11` → 2026年11月. */
export function formatMonth(month: string): string {
  return dayjs(`${month}-01`).format('YYYY年M月')
}

/** 11月23日 周一 09:00–11:30, the end's date only when it falls on another day (an activity past midnight). */
export function formatSpan(startAt: string, endAt: string, now: Date = new Date()): string {
  const start = dayjs(startAt)
  const end = dayjs(endAt)
  const tail = end.isSame(start, 'day') ? end.format('HH:mm') : formatDateTime(endAt, start.toDate())
  return `${formatDay(startAt, now)} 周${'日一二三四五六'[start.day()]} ${start.format('HH:mm')}–${tail}`
}

/** When something is open: 11月22日 09:00 至 11月30日 09:00. */
export function formatWindow(opensAt: string, closesAt: string, now: Date = new Date()): string {
  return `${formatDateTime(opensAt, now)} 至 ${formatDateTime(closesAt, now)}`
}

/** Hours as people write them: 12, 2.5, never 2.4999999. */
export const hoursText = (hours: number) => String(Math.round(hours * 10) / 10)

/** How long ago, the way people say it: 刚刚, 5 分钟前, 今天 09:30, 昨天 18:02, 11月3日, 2025年11月3日. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = dayjs(iso)
  const minutes = dayjs(now).diff(at, 'minute')
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  if (at.isSame(now, 'day')) return `今天 ${at.format('HH:mm')}`
  if (at.isSame(dayjs(now).subtract(1, 'day'), 'day')) return `昨天 ${at.format('HH:mm')}`
  if (at.isSame(now, 'year')) return at.format('M月D日 HH:mm')
  return at.format('YYYY年M月D日')
}

/** A duration in hours as people say it, short enough for a figure tile: <1 小时, 18 小时, 3.5 天; — when there is none. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—'
  if (hours < 1) return '<1 小时'
  if (hours < 48) return `${Math.round(hours)} 小时`
  return `${Math.round((hours / 24) * 10) / 10} 天`
}

/** A point as staff and residents read it, always latitude first and labelled: 纬度 25.49720，经度 103.79710. */
export function formatPoint({ lat, lng }: { lat: number; lng: number }): string {
  return `纬度 ${lat.toFixed(5)}，经度 ${lng.toFixed(5)}`
}

/** Where a person takes quizzes for: the school and class, then the community; null when bound to neither. */
export function formatProfile(p: ProfileView): string | null {
  const parts = [p.school && `${p.school.name}${p.className ? ` · ${p.className}` : ''}`, p.community?.name].filter(Boolean)
  return parts.length ? parts.join('　') : null
}
