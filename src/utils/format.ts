import dayjs from 'dayjs'

/** "320 米" close by, "1.2 公里" further away. */
export function formatDistance(meters: number): string {
  if (meters < 10) return '10 米内'
  if (meters < 1000) return `${Math.round(meters / 10) * 10} 米`
  return `${(meters / 1000).toFixed(meters < 10000 ? 1 : 0)} 公里`
}

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
