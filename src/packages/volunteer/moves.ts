import { CHECK_IN_EARLY_MINUTES, CHECK_OUT_LATE_MINUTES, type ActivityDetail, type MySignup } from '@contract'

const MINUTE = 60_000

/** Which of 签到 / 签退 the volunteer can make now, if either: the server still judges the code, time and place. */
export function checkMove(d: Pick<ActivityDetail, 'startAt' | 'endAt' | 'status'>, s: MySignup | null, now: Date = new Date()): 'checkIn' | 'checkOut' | null {
  if (d.status !== 'published' || s?.status !== 'confirmed' || s.checkOutAt) return null
  const t = now.getTime()
  const start = Date.parse(d.startAt)
  const end = Date.parse(d.endAt)
  if (!s.checkInAt) return t >= start - CHECK_IN_EARLY_MINUTES * MINUTE && t <= end ? 'checkIn' : null
  return t <= end + CHECK_OUT_LATE_MINUTES * MINUTE ? 'checkOut' : null
}

/** A sign-up that holds or waits for a place; cancelled and lapsed ones leave the person free to sign up again. */
export const isActive = (s: MySignup | null): s is MySignup => !!s && (s.status === 'confirmed' || s.status === 'waitlisted' || s.status === 'offered')
