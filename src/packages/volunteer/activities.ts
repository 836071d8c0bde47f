import type { ActivityCard, ActivityType } from '@contract'
import { api } from '@/services/api'

const PAGE_SIZE = 50

/** Every activity of a month, page after page: the calendar marks days from the whole month, not its first page. */
export async function monthActivities(month: string, type?: ActivityType): Promise<ActivityCard[]> {
  const items: ActivityCard[] = []
  for (let page = 1; ; page++) {
    const res = await api.call('volunteer', 'activities', { scope: 'month', month, page, pageSize: PAGE_SIZE, ...(type ? { type } : {}) })
    items.push(...res.items)
    if (res.items.length === 0 || items.length >= res.total) return items
  }
}

/** Activities by the day they start on (YYYY-MM-DD, local time), in start order. */
export function byDay(cards: ActivityCard[], day: (iso: string) => string): Map<string, ActivityCard[]> {
  const days = new Map<string, ActivityCard[]>()
  for (const card of [...cards].sort((a, b) => a.startAt.localeCompare(b.startAt))) {
    const key = day(card.startAt)
    days.set(key, [...(days.get(key) ?? []), card])
  }
  return days
}
