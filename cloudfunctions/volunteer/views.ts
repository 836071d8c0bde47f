import { activityStage, type ActivityCard, type ActivityDetail, type MySignup, type Signup, type Volunteer, type VolunteerMe, type VolunteerSettings } from '../../types/volunteer'
import type { User } from '../../types/domain'
import type { StoredActivity } from './repository'
import { starLevel } from './rules'

export const toCard = (a: StoredActivity, mine: Signup | null, now: Date): ActivityCard => ({
  id: a._id,
  title: a.title,
  type: a.type,
  address: a.place.address,
  startAt: a.startAt,
  endAt: a.endAt,
  capacity: a.capacity,
  placesLeft: Math.max(0, a.capacity - a.taken),
  waitlist: a.waiting,
  signupDeadline: a.signupDeadline,
  status: a.status,
  team: a.team,
  rosterConfirmedAt: a.rosterConfirmedAt,
  mine: mine?.status ?? null,
  stage: activityStage(a, mine?.status ?? null, now)
})

/** The caller's own sign-up; a waitlisted one learns its place in line. */
export function toMySignup(s: Signup, position: number | null): MySignup {
  return { status: s.status, position, offerExpiresAt: s.offerExpiresAt, checkInAt: s.checkInAt, checkOutAt: s.checkOutAt, placeCheck: s.placeCheck ?? null, attendance: s.attendance, hours: s.hours }
}

/** `position`: the viewer's place in line, when waitlisted. */
export function toDetail(a: StoredActivity, viewer: User, mine: Signup | null, position: number | null, now: Date): ActivityDetail {
  return {
    ...toCard(a, mine, now),
    description: a.description,
    bring: a.bring,
    place: a.place,
    cancelDeadline: a.cancelDeadline,
    insurance: a.insurance,
    cancelReason: a.cancelReason,
    mySignup: mine ? toMySignup(mine, position) : null,
    organizing: a.organizerId === viewer._id || viewer.roles.includes('admin')
  }
}

export function toMe(v: Volunteer, rules: VolunteerSettings): VolunteerMe {
  return { realName: v.realName, phone: v.phone, team: v.team, hours: v.hours, makeupHours: v.makeupHours, activities: v.activities, ...starLevel(v.hours, rules.stars), certificateNo: v.certificateNo, correction: v.correction ?? null }
}
