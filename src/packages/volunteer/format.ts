import dayjs from 'dayjs'
import type { ActivityCard, SignupStatus } from '@contract'

/** What a volunteer's own sign-up is called in lists and on the detail page. */
export const SIGNUP_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  offered: '待确认',
  cancelled: '已取消',
  passed: '候补已失效'
}

/** A waitlisted sign-up's place in line; none yet while a sign-up cut short is still being placed. */
export function lineText(position: number | null, short = false): string {
  if (position === null) return '报名处理中，请稍后刷新查看'
  return short ? `候补第 ${position} 位` : `已进入候补，第 ${position} 位`
}

/** 剩余 3 个名额, or 已满 · 候补 2 人 once every place is taken. */
export function placesText(card: Pick<ActivityCard, 'placesLeft' | 'waitlist'>): string {
  if (card.placesLeft > 0) return `剩余 ${card.placesLeft} 个名额`
  return card.waitlist > 0 ? `已满 · 候补 ${card.waitlist} 人` : '已满 · 可报名候补'
}

/** Whole years of age on `today`, the way an ID card counts them. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  return dayjs(today).diff(dayjs(birthDate), 'year')
}

/** 14 to 17 may serve with a guardian's consent; younger ones are refused by the server. */
export const needsGuardian = (age: number) => age >= 14 && age < 18

/** A mainland mobile number: the form checks it before asking the server. */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone)
