import { CHECK_OUT_LATE_MINUTES, type Activity, type Attendance, type PlaceCheck, type Signup, type Volunteer, type VolunteerIdentity } from '../../types/volunteer'

const MINUTE = 60000

const CHECK_OUT_LATE_MS = CHECK_OUT_LATE_MINUTES * MINUTE
/** When 签退 closes for an activity ending at `endAt`. */
export const checkOutClosesAt = (endAt: string) => new Date(Date.parse(endAt) + CHECK_OUT_LATE_MS)
/** By `now`, 签退 has closed for the activities that ended before this. */
export const checkOutClosedBefore = (now: Date) => new Date(now.getTime() - CHECK_OUT_LATE_MS).toISOString()

/**
 * Hours as the rules count them: time on site within the scheduled time (so never more than scheduled), and
 * nothing when that is under the minimum share of the schedule. No check-in is a no-show, and so is a visit
 * whose place the organizer did not approve.
 */
export function countHours(
  schedule: { startAt: string; endAt: string },
  visit: { checkInAt: string | null; checkOutAt: string | null; placeCheck?: PlaceCheck | null },
  minAttendance: number
): { attendance: Attendance; minutes: number; hours: number } {
  if (!visit.checkInAt || visit.placeCheck === 'pending' || visit.placeCheck === 'refused') return { attendance: 'absent', minutes: 0, hours: 0 }
  const start = Date.parse(schedule.startAt)
  const end = Date.parse(schedule.endAt)
  const from = Math.max(Date.parse(visit.checkInAt), start)
  const to = Math.min(Date.parse(visit.checkOutAt ?? schedule.endAt), end)
  const minutes = Math.max(0, Math.floor((to - from) / MINUTE))
  if (minutes < ((end - start) / MINUTE) * minAttendance) return { attendance: 'short', minutes, hours: 0 }
  return { attendance: 'present', minutes, hours: Math.round((minutes / 60) * 10) / 10 }
}

/** Stars reached (0–5) and what the next one needs. */
export function starLevel(hours: number, thresholds: number[]) {
  const stars = thresholds.filter((t) => hours >= t).length
  return { stars, nextStar: stars < thresholds.length ? { stars: stars + 1, hours: thresholds[stars] } : null }
}

/** 138****5678: enough for an organizer to tell people apart, never the whole number. */
export const identityOf = (v: VolunteerIdentity): VolunteerIdentity => ({ realName: v.realName, phone: v.phone, birthDate: v.birthDate })
export const sameIdentity = (a: VolunteerIdentity, b: VolunteerIdentity) => a.realName === b.realName && a.phone === b.phone && a.birthDate === b.birthDate

export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

/** Hours an organizer confirmed or the office made up: what a certificate attests and what fixes the identity. */
export const hasHours = (v: Pick<Volunteer, 'hours' | 'makeupHours'>) => v.hours > 0 || v.makeupHours > 0

/** 王*明: a checker learns the certificate is real without learning the whole name. */
export const maskName = (name: string) => (name.length <= 1 ? name : name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`)

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string) {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export const signupId = (activityId: string, userId: string) => `${activityId}:${userId}`

/** A sign-up as it starts: a place, or a ticket in line, and nothing on site yet. */
export function newSignup(activity: Pick<Activity, '_id' | 'startAt' | 'endAt'>, userId: string, ticket: number | null, at: string, history: Signup['history']): Signup {
  return {
    _id: signupId(activity._id, userId),
    activityId: activity._id,
    userId,
    status: ticket === null ? 'confirmed' : 'waitlisted',
    ticket,
    offerExpiresAt: null,
    checkInAt: null,
    checkOutAt: null,
    autoCheckout: false,
    placeCheck: null,
    codeTries: 0,
    codeLockedUntil: null,
    attendance: 'pending',
    minutes: null,
    hours: null,
    startAt: activity.startAt,
    endAt: activity.endAt,
    createdAt: at,
    updatedAt: at,
    history
  }
}
