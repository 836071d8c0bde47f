/** 志愿服务: the domain and the views the volunteer function answers with. Dates travel as ISO 8601 strings. */
import type { HistoryEntry, PublicText } from './domain'

export const ACTIVITY_TYPES = ['traffic', 'cleanup', 'leifeng', 'neighbour', 'publicity', 'other'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  traffic: '交通文明劝导',
  cleanup: '环境清洁',
  leifeng: '学雷锋',
  neighbour: '邻里互助',
  publicity: '文明宣传',
  other: '其他'
}

export type ActivityStatus = 'draft' | 'published' | 'cancelled'

/** 签到 opens this long before the start. */
export const CHECK_IN_EARLY_MINUTES = 30
/**
 * 签退, and the organizer's code for it, stay open this long after the end; then the sweep checks out whoever
 * forgot, at the end. Hours never run past the end, so a later check-out would change nothing.
 */
export const CHECK_OUT_LATE_MINUTES = 120

/** `Text`: PublicText as the back end stores it (moderated), a plain string as a client sends it. */
export interface ActivityPlace<Text extends string = string> {
  address: Text
  /** Where check-in is allowed, when given. */
  lat: number | null
  lng: number | null
  /** Metres around the point within which check-in is accepted. */
  radius: number
}

export interface Activity {
  _id: string
  title: PublicText
  type: ActivityType
  description: PublicText
  /** What to bring (证件, 水杯, 防晒…). */
  bring: PublicText
  place: ActivityPlace<PublicText>
  startAt: string
  endAt: string
  capacity: number
  /** Confirmed places taken; only ever changed by a conditional atomic update. */
  taken: number
  /** The last waitlist ticket handed out: arrival order. */
  tickets: number
  signupDeadline: string
  cancelDeadline: string
  insurance: boolean
  status: ActivityStatus
  organizerId: string
  team: string
  cancelReason: PublicText | null
  rosterConfirmedAt: string | null
  remindedAt: string | null
  createdAt: string
  updatedAt: string
  history: HistoryEntry[]
}

/** confirmed: has a place; waitlisted: in line; offered: a freed place waits for the person's yes; passed: the offer lapsed. */
export type SignupStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'passed'
export type Attendance = 'pending' | 'present' | 'short' | 'absent'

/**
 * 待核实: a check-in or check-out at an activity with a place came without the volunteer's location, so the
 * organizer approves or refuses it in the roster; until approved it earns no hours. Null: nothing to check.
 */
export type PlaceCheck = 'pending' | 'approved' | 'refused'

export interface Signup {
  /** `<activityId>:<userId>`: one place per person per activity. */
  _id: string
  activityId: string
  userId: string
  status: SignupStatus
  ticket: number | null
  offerExpiresAt: string | null
  checkInAt: string | null
  checkOutAt: string | null
  autoCheckout: boolean
  placeCheck: PlaceCheck | null
  /** Wrong check-in codes typed since the last right one or lock; at 5 the code locks for this person. */
  codeTries: number
  codeLockedUntil: string | null
  attendance: Attendance
  minutes: number | null
  hours: number | null
  /** Copied from the activity, for the clash rule. */
  startAt: string
  endAt: string
  createdAt: string
  updatedAt: string
  history: HistoryEntry[]
}

export interface Guardian {
  name: string
  phone: string
}

/** A registered volunteer as the office picks one (make-up hours): the name on paper sign-in sheets, a masked phone. */
export interface VolunteerSummary {
  userId: string
  realName: string
  nickname: string
  phone: string
  team: string
  hours: number
  makeupHours: number
  activities: number
  registeredAt: string
}

/** Who a volunteer is: once hours are earned, these change only by a correction the office approves. */
export interface VolunteerIdentity {
  realName: string
  phone: string
  birthDate: string
}

export type PendingCorrection = VolunteerIdentity & { requestedAt: string }

/** Append-only: each change of a volunteer's identity, who made or approved it, from what to what. */
export interface IdentityChange {
  at: string
  by: string
  from: VolunteerIdentity
  to: VolunteerIdentity
  note: string
}

/** A correction as the office reviews it: phones masked. */
export interface CorrectionRequest {
  userId: string
  team: string
  hours: number
  makeupHours: number
  from: VolunteerIdentity
  to: VolunteerIdentity
  requestedAt: string
}

export interface Volunteer {
  /** The user's id. */
  _id: string
  realName: string
  phone: string
  team: string
  birthDate: string
  guardian: Guardian | null
  registeredAt: string
  /** Verified hours, from confirmed rosters. */
  hours: number
  /** Make-up hours the office recorded, kept apart. */
  makeupHours: number
  activities: number
  certificateNo: string
  /** A change of identity asked for after hours were earned, waiting for the office. */
  correction: PendingCorrection | null
  history: IdentityChange[]
}

/** Append-only: a record is never changed or removed. */
export interface ServiceRecord {
  _id: string
  userId: string
  activityId: string | null
  activityTitle: string | null
  hours: number
  kind: 'verified' | 'makeup'
  reason: string | null
  by: string
  at: string
  /** YYYY-MM of the service, for the monthly stars. */
  month: string
}

export interface StarWinner {
  userId: string
  nickname: string
  team: string
  hours: number
  activities: number
}

export interface StarsMonth {
  /** YYYY-MM. */
  _id: string
  status: 'notice' | 'published'
  winners: StarWinner[]
  noticeUntil: string
  publishedAt: string | null
  /** Why the list is shorter than the monthly number; null when it is not. */
  note: string | null
}

/** The month whose stars are judged: the one just ended, in Beijing time. */
export function starsMonth(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000)
  beijing.setUTCDate(1)
  beijing.setUTCMonth(beijing.getUTCMonth() - 1)
  return beijing.toISOString().slice(0, 7)
}

/** Stars to choose: the monthly number, or everyone who qualifies when fewer do. */
export const starsToChoose = (perMonth: number, eligible: number) => Math.min(perMonth, eligible)

/** Said on the notice when fewer than the monthly number qualify. */
export const shortListNote = (eligible: number) => `本月符合条件的志愿者仅 ${eligible} 人，全部入选`

export interface VolunteerSettings {
  _id: 'volunteer'
  /** Hours for 1 to 5 stars. */
  stars: number[]
  /** Share of the scheduled time a volunteer must be present for the hours to count. */
  minAttendance: number
  /** Hours a waitlisted person has to take a freed place. */
  offerHours: number
  starsPerMonth: number
  noticeDays: number
}

// ---------------------------------------------------------------- views

export interface ActivityCard {
  id: string
  title: string
  type: ActivityType
  address: string
  startAt: string
  endAt: string
  capacity: number
  placesLeft: number
  waitlist: number
  signupDeadline: string
  status: ActivityStatus
  team: string
  /** When the organizer confirmed who came; until then the hours are not counted. */
  rosterConfirmedAt: string | null
  /** The caller's sign-up, if any. */
  mine: SignupStatus | null
  stage: ActivityStage
}

/** Where an activity stands for the one looking: ended, its roster confirmed, or 完成 for a volunteer who had a place. */
export type ActivityStage = ActivityStatus | 'ended' | 'confirmed' | 'completed'

export const ACTIVITY_STAGE_LABELS: Record<ActivityStage, string> = { draft: '草稿', published: '已发布', cancelled: '已取消', ended: '已结束', confirmed: '已确认', completed: '已完成' }

/** Cancelled, or published and begun: from then on the day is what happened, not a plan to edit or cancel. */
export const activityLocked = (a: { status: ActivityStatus; startAt: string }, now: Date) => a.status === 'cancelled' || (a.status === 'published' && Date.parse(a.startAt) <= now.getTime())

export function activityStage(a: { status: ActivityStatus; endAt: string; rosterConfirmedAt: string | null }, mine: SignupStatus | null, now: Date): ActivityStage {
  if (a.status !== 'published') return a.status
  if (a.rosterConfirmedAt) return mine === 'confirmed' ? 'completed' : 'confirmed'
  return Date.parse(a.endAt) <= now.getTime() ? 'ended' : 'published'
}

export interface MySignup {
  status: SignupStatus
  /** 1-based place in the waitlist while waitlisted. */
  position: number | null
  offerExpiresAt: string | null
  checkInAt: string | null
  checkOutAt: string | null
  placeCheck: PlaceCheck | null
  attendance: Attendance
  hours: number | null
}

export interface ActivityDetail extends ActivityCard {
  description: string
  bring: string
  place: ActivityPlace
  cancelDeadline: string
  insurance: boolean
  cancelReason: string | null
  mySignup: MySignup | null
  /** The caller organizes it. */
  organizing: boolean
}

export interface VolunteerMe {
  realName: string
  phone: string
  team: string
  hours: number
  makeupHours: number
  activities: number
  stars: number
  /** The next star and the hours it needs; null at five stars. */
  nextStar: { stars: number; hours: number } | null
  certificateNo: string
  /** The identity asked for and waiting for the office; the fields above stay the verified ones meanwhile. */
  correction: PendingCorrection | null
}

export interface RosterRow {
  userId: string
  nickname: string
  realName: string
  /** 138****5678: organizers never see the whole number. */
  phone: string
  status: SignupStatus
  ticket: number | null
  checkInAt: string | null
  checkOutAt: string | null
  autoCheckout: boolean
  placeCheck: PlaceCheck | null
  attendance: Attendance
  hours: number | null
}

export interface Roster {
  activity: ActivityDetail
  rows: RosterRow[]
  confirmedAt: string | null
}

export interface Certificate {
  no: string
  name: string
  team: string
  hours: number
  makeupHours: number
  activities: { title: string; date: string; hours: number }[]
  issuer: string
  issuedAt: string
}

export interface ActivityInput<Text extends string = string> {
  title: Text
  type: ActivityType
  description: Text
  bring: Text
  place: ActivityPlace<Text>
  startAt: string
  endAt: string
  capacity: number
  signupDeadline: string
  cancelDeadline: string
  insurance: boolean
}
