import { CIVILITY_OFFICE, type HistoryEntry, type User } from '../../types/domain'
import type { Activity, ActivityType, IdentityChange, ServiceRecord, Signup, StarsMonth, Volunteer, VolunteerSettings } from '../../types/volunteer'
import { activities, counters, departments, monthly, secrets, serviceRecords, settings, signups, stars, users, volunteers } from '../core/collections'
import { forbidden, notFound } from '../core/errors'
import { findAll, textOrder } from '../core/pages'
import { phoneMatch } from '../core/phone-search'
import type { Query, Store } from '../core/ports'
import { containing } from '../core/search'
import { settle, type Pending } from '../core/moves'
import { VOLUNTEER_DEFAULTS } from '../core/seed'
import { signupId } from './rules'

export type StoredActivity = Activity & { waiting: number }

/** Holding a place: confirmed, or in line for one. */
export const HOLDING = ['confirmed', 'waitlisted', 'offered'] as const

const paged = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, limit: pageSize })

export function volunteerRepository(store: Store) {
  return {
    async activity(id: string) {
      const found = await activities(store).findOne({ _id: id })
      if (!found) throw notFound('该活动')
      return found
    },
    async volunteer(userId: string) {
      const found = await volunteers(store).findOne({ _id: userId })
      if (!found) throw forbidden('请先注册成为志愿者')
      return found
    },
    findVolunteer: (userId: string) => volunteers(store).findOne({ _id: userId }),
    /** Corrections waiting for the office, oldest first. */
    async pendingCorrections(page: { page: number; pageSize: number }) {
      const q = { 'correction.requestedAt': { $gt: '' } }
      const [found, total] = await Promise.all([
        volunteers(store).find(q, { sort: { 'correction.requestedAt': 1 }, skip: (page.page - 1) * page.pageSize, limit: page.pageSize }),
        volunteers(store).count(q)
      ])
      return { found, total }
    },
    signup: (activityId: string, userId: string) => signups(store).findOne({ _id: signupId(activityId, userId) }),
    async settings(): Promise<VolunteerSettings> {
      return ((await settings(store).findOne({ _id: 'volunteer' })) as VolunteerSettings | null) ?? VOLUNTEER_DEFAULTS
    },
    /** The city's 文明办 by the name the office gave it. */
    async issuer() {
      return (await departments(store).findOne({ _id: CIVILITY_OFFICE }))?.name ?? '市文明办'
    },
    async secret() {
      return (await secrets(store).findOne({ _id: 'checkin' }))?.value ?? ''
    },
    async people(ids: string[]) {
      const wanted = [...new Set(ids)]
      const [u, v] = wanted.length
        ? await Promise.all([findAll(users(store), { _id: { $in: wanted } }), findAll(volunteers(store), { _id: { $in: wanted } })])
        : [[], []]
      return { users: new Map(u.map((x) => [x._id, x])), volunteers: new Map(v.map((x: Volunteer) => [x._id, x])) }
    },
    /** A check-in or check-out, if the signup still matches `query` (not marked yet); answers whether it did. */
    markAttendance: (query: Query & { _id: string }, changes: Partial<Signup>, entry: HistoryEntry) => signups(store).update(query, { $set: changes, $push: { history: entry } }),
    /** One more try at the code, unless `max` are used up (answers null); signups from before the limit count from 0. */
    takeCodeTry: (id: string, max: number) => signups(store).take({ _id: id, $or: [{ codeTries: { $lt: max } }, { codeTries: { $exists: false } }] }, 'codeTries'),
    resetCodeTries: async (id: string) => {
      await signups(store).update({ _id: id }, { $set: { codeTries: 0 } })
    },
    lockCode: (id: string, until: string) => signups(store).update({ _id: id }, { $set: { codeLockedUntil: until } }),
    unlockCode: (s: Signup) => signups(store).update({ _id: s._id, codeLockedUntil: s.codeLockedUntil }, { $set: { codeTries: 0, codeLockedUntil: null } }),
    /** Who held a place when the activity ended: the roster counts their hours. */
    present: (activityId: string) => findAll(signups(store), { activityId, status: 'confirmed' }),
    setAttendance: (id: string, counted: Partial<Signup>) => signups(store).update({ _id: id }, { $set: counted }),
    /** A service record under its own id: written once however often it is tried. */
    record: (record: ServiceRecord) => serviceRecords(store).insertIfAbsent(record),
    /** Verified hours and activities from the service records (of one month when named): the truth the figures are set from. */
    async verified(q: { userId: string; month?: string }) {
      const mine = { ...q, kind: 'verified' }
      const [hours, activities] = await Promise.all([serviceRecords(store).sum(mine, 'hours'), serviceRecords(store).count(mine)])
      return { hours, activities }
    },
    async user(id: string) {
      const found = await users(store).findOne({ _id: id })
      if (!found) throw notFound('该用户')
      return found
    },
    /** Users by a registered volunteer's whole phone number. */
    async usersByPhone(phones: string[]) {
      const found = phones.length ? await findAll(volunteers(store), { phone: { $in: [...new Set(phones)] } }) : []
      const people = new Map((found.length ? await findAll(users(store), { _id: { $in: found.map((v) => v._id) } }) : []).map((u) => [u._id, u]))
      const out = new Map<string, User[]>()
      for (const v of found) if (people.has(v._id)) out.set(v.phone, [...(out.get(v.phone) ?? []), people.get(v._id)!])
      return out
    },
    /** Users by exact nickname; a nickname two people share answers both. */
    async usersByNickname(nicknames: string[]) {
      const found = nicknames.length ? await findAll(users(store), { nickname: { $in: [...new Set(nicknames)] } }) : []
      const out = new Map<string, User[]>()
      for (const u of found) out.set(u.nickname, [...(out.get(u.nickname) ?? []), u])
      return out
    },
    departments: () => departments(store).find({}, { sort: { order: 1 }, limit: 1000 }),
    findUser: (id: string) => users(store).findOne({ _id: id }),

    // ------------------------------------------------------------ volunteers

    /** Newest first, by a word in the real name or team, or by a phone's last four digits or whole number. */
    async volunteerPage(word: { text: string; phone: boolean } | undefined, page: number, pageSize: number) {
      const q = word?.phone ? { phone: phoneMatch(word.text) } : word ? { $or: [{ realName: containing(word.text) }, { team: containing(word.text) }] } : {}
      const [found, total] = await Promise.all([volunteers(store).find(q, { sort: { registeredAt: -1 }, ...paged(page, pageSize) }), volunteers(store).count(q)])
      return { found, total }
    },
    /** A new volunteer, counted once; answers false when they registered already. */
    async addVolunteer(volunteer: Volunteer) {
      if (!(await volunteers(store).insertIfAbsent(volunteer))) return false
      await counters(store).update({ _id: 'volunteers' }, { $inc: { value: 1 } })
      return true
    },
    setVolunteer: (id: string, fields: Partial<Volunteer>) => volunteers(store).update({ _id: id }, { $set: fields }),
    changeIdentity: (id: string, fields: Partial<Volunteer>, change: IdentityChange) => volunteers(store).update({ _id: id }, { $set: fields, $push: { history: change } }),
    /** The office's decision, only on the correction it read. */
    decideCorrection: (v: Volunteer, fields: Partial<Volunteer>, change: IdentityChange) =>
      volunteers(store).update({ _id: v._id, 'correction.requestedAt': v.correction!.requestedAt }, { $set: fields, $push: { history: change } }),
    /** The volunteer role, once, however often they register. */
    grantVolunteer: (user: User, entry: HistoryEntry) => users(store).update({ _id: user._id, roles: { $ne: 'volunteer' } }, { $push: { roles: 'volunteer', history: entry } }),
    byCertificate: (no: string) => volunteers(store).findOne({ certificateNo: no }),
    /** A make-up record kept once under its id, and the volunteer's make-up hours set from their records. */
    async addMakeup(record: ServiceRecord) {
      await serviceRecords(store).insertIfAbsent(record)
      await settle(volunteers(store), record.userId, async () => ({ makeupHours: await serviceRecords(store).sum({ userId: record.userId, kind: 'makeup' }, 'hours') }))
    },
    async recordsPage(userId: string, page: number, pageSize: number) {
      const q = { userId }
      const [found, total] = await Promise.all([serviceRecords(store).find(q, { sort: { at: -1 }, ...paged(page, pageSize) }), serviceRecords(store).count(q)])
      return { found, total }
    },
    // every activity behind the hours, however many: read in pages, newest first
    verifiedRecords: async (userId: string) => (await findAll(serviceRecords(store), { userId, kind: 'verified' })).sort(textOrder((r) => r.at, -1)),

    // ------------------------------------------------------------ stars of the month

    /** A month's volunteers with verified hours, most first. */
    monthTop: (month: string) => monthly(store).find({ month, hours: { $gt: 0 } }, { sort: { hours: -1, activities: -1 }, limit: 100 }),
    async nicknamesAndTeams(ids: string[]) {
      const [u, v] = ids.length ? await Promise.all([users(store).find({ _id: { $in: ids } }, { limit: ids.length }), volunteers(store).find({ _id: { $in: ids } }, { limit: ids.length })]) : [[], []]
      return { nicknames: new Map(u.map((x) => [x._id, x.nickname])), teams: new Map(v.map((x) => [x._id, x.team])) }
    },
    starsOf: (month: string) => stars(store).findOne({ _id: month }),
    insertStars: (month: StarsMonth) => stars(store).insert(month),
    /** A list still in its notice period, chosen again. */
    renotice: (month: string, fields: Pick<StarsMonth, 'winners' | 'noticeUntil' | 'note'>) => stars(store).update({ _id: month, status: 'notice' }, { $set: fields }),
    publishStars: (month: string, at: string) => stars(store).update({ _id: month, status: 'notice' }, { $set: { status: 'published', publishedAt: at } }),
    starMonths: () => stars(store).find({}, { sort: { _id: -1 }, limit: 24 }),

    // ------------------------------------------------------------ activities

    /** Answers false when an activity of that id (the same request sent again) is kept already. */
    insertActivity: (activity: StoredActivity) => activities(store).insertIfAbsent(activity),
    /** An edit, only on the activity read and while the places given fit the new capacity. */
    editActivity: (activity: StoredActivity, fields: Partial<Activity>, entry: HistoryEntry) =>
      activities(store).update({ _id: activity._id, updatedAt: activity.updatedAt, taken: { $lte: fields.capacity }, pending: { $exists: false } }, { $set: fields, $push: { history: entry } }),
    /** A draft published and counted; answers false when it was not a draft. */
    async publish(id: string, at: string, entry: HistoryEntry) {
      if (!(await activities(store).update({ _id: id, status: 'draft' }, { $set: { status: 'published', updatedAt: at }, $push: { history: entry } }))) return false
      await counters(store).update({ _id: 'activities' }, { $inc: { value: 1 } })
      return true
    },
    countActivity: (by: number) => counters(store).update({ _id: 'activities' }, { $inc: { value: by } }),
    /** The home page's counts set to what they count (the sweep's; a cut between a move and its count leaves them off). */
    async settleCounts() {
      const truth = { activities: await activities(store).count({ status: 'published' }), volunteers: await volunteers(store).count({}) }
      for (const [key, value] of Object.entries(truth)) await counters(store).update({ _id: key as 'activities', value: { $ne: value } }, { $set: { value } })
    },
    cancelActivity: (activity: StoredActivity, reason: string, at: string, pending: Pending, entry: HistoryEntry) =>
      activities(store).update({ _id: activity._id, status: activity.status, pending: { $exists: false } }, { $set: { status: 'cancelled', cancelReason: reason, updatedAt: at, pending }, $push: { history: entry } }),
    /** The roster confirmed, once, with the steps still to take noted on it. */
    claimRoster: (id: string, at: string, pending: Pending) => activities(store).update({ _id: id, rosterConfirmedAt: null, pending: { $exists: false } }, { $set: { rosterConfirmedAt: at, updatedAt: at, pending } }),
    /** Activities an organizer runs (all, for the office), latest first. */
    async organizedPage(organizerId: string | undefined, page: number, pageSize: number) {
      const q = organizerId ? { organizerId } : {}
      const [found, total] = await Promise.all([activities(store).find(q, { sort: { startAt: -1 }, ...paged(page, pageSize) }), activities(store).count(q)])
      return { found, total }
    },
    /** Published (and cancelled) activities starting within a range, or not ended by `endFrom`; soonest first. */
    async listed(when: { startFrom: string; startTo: string } | { endFrom: string }, type: ActivityType | undefined, page: number, pageSize: number) {
      const range = 'endFrom' in when ? { endAt: { $gte: when.endFrom } } : { startAt: { $gte: when.startFrom, $lte: when.startTo } }
      const q = { status: { $in: ['published', 'cancelled'] }, ...range, ...(type ? { type } : {}) }
      const [found, total] = await Promise.all([activities(store).find(q, { sort: { startAt: 1 }, ...paged(page, pageSize) }), activities(store).count(q)])
      return { found, total }
    },
    activitiesById: (ids: string[]) => (ids.length ? activities(store).find({ _id: { $in: ids } }, { limit: ids.length }) : Promise.resolve([] as StoredActivity[])),
    /** Published activities starting between the two times, not yet reminded of. */
    toRemind: (from: string, to: string, limit: number) => activities(store).find({ status: 'published', remindedAt: null, startAt: { $gte: from, $lte: to } }, { limit }),
    /** Answers false when another sweep reminded first. */
    markReminded: (id: string, at: string) => activities(store).update({ _id: id, remindedAt: null }, { $set: { remindedAt: at } }),

    // ------------------------------------------------------------ places: seats, the waitlist, sign-ups

    /** A seat, only while nobody waits for one; null when none is free. */
    seatIfNoneWaiting: (activity: StoredActivity) => activities(store).take({ _id: activity._id, status: 'published', waiting: 0, taken: { $lt: activity.capacity } }, 'taken'),
    /** A seat for the next in line; null when none is free. */
    seatForNext: (activity: StoredActivity) => activities(store).take({ _id: activity._id, status: 'published', taken: { $lt: activity.capacity } }, 'taken'),
    /** The next waitlist ticket, in arrival order. */
    ticket: (activityId: string) => activities(store).take({ _id: activityId }, 'tickets'),
    freeSeat: (activityId: string) => activities(store).update({ _id: activityId }, { $inc: { taken: -1 } }),
    joinLine: (activityId: string) => activities(store).update({ _id: activityId }, { $inc: { waiting: 1 } }),
    leaveLine: (activityId: string) => activities(store).update({ _id: activityId }, { $inc: { waiting: -1 } }),
    // a sign-up not yet placed (volunteer/moves.ts) has no ticket and is not in line
    nextInLine: async (activityId: string) => (await signups(store).find({ activityId, status: 'waitlisted', ticket: { $gt: 0 } }, { sort: { ticket: 1 }, limit: 1 }))[0] as Signup | undefined,
    /** An activity's seats taken and line set to what its sign-ups hold, if nobody took or left meanwhile. */
    setPlaces: (activity: StoredActivity, taken: number, waiting: number) =>
      activities(store).update({ _id: activity._id, taken: activity.taken, waiting: activity.waiting }, { $set: { taken, waiting } }),
    /** A waitlisted person's place in line, from 1; null for anyone else. */
    async placeInLine(s: Signup) {
      return s.status === 'waitlisted' && s.ticket !== null ? (await signups(store).count({ activityId: s.activityId, status: 'waitlisted', ticket: { $lt: s.ticket } })) + 1 : null
    },
    /** Another activity the person holds a place in that overlaps this one. */
    clash: async (userId: string, activity: StoredActivity) =>
      (await signups(store).find({ userId, activityId: { $ne: activity._id }, status: { $in: [...HOLDING] }, startAt: { $lt: activity.endAt }, endAt: { $gt: activity.startAt } }, { limit: 1 }))[0] as Signup | undefined,
    insertSignup: (signup: Signup) => signups(store).insert(signup),
    /** A sign-up's place as its move decided it, only while that move's note is on it. */
    place: (s: Signup & { pending: Pending }, fields: Pick<Signup, 'status' | 'ticket'>, entry: HistoryEntry) =>
      signups(store).update({ _id: s._id, 'pending.key': s.pending.key }, { $set: { ...fields, updatedAt: entry.at }, $push: { history: entry } }),
    /** A sign-up made again over the person's earlier one, only if it is still as read. */
    signUpAgain: (signup: Signup, from: Signup['status']) => signups(store).update({ _id: signup._id, status: from }, { $set: { ...signup } as Record<string, unknown> }),
    /** A sign-up's move from the status read to another, with its history entry; answers whether it moved. */
    moveSignup: (s: Pick<Signup, '_id' | 'status'>, fields: Partial<Signup> & { pending?: Pending }, entry: HistoryEntry) => signups(store).update({ _id: s._id, status: s.status }, { $set: fields, $push: { history: entry } }),
    /** An offer taken up, only before it expires. */
    acceptOffer: (id: string, at: string, entry: HistoryEntry) =>
      signups(store).update({ _id: id, status: 'offered', offerExpiresAt: { $gte: at } }, { $set: { status: 'confirmed', offerExpiresAt: null, updatedAt: at }, $push: { history: entry } }),
    /** The organizer's verdict on a check-in made without a location, only on the one read. */
    reviewPlace: (s: Signup, placeCheck: Signup['placeCheck'], at: string, entry: HistoryEntry) =>
      signups(store).update({ _id: s._id, placeCheck: s.placeCheck }, { $set: { placeCheck, updatedAt: at }, $push: { history: entry } }),
    /** The schedule follows an edited activity into its sign-ups. */
    reschedule: (activityId: string, startAt: string, endAt: string) => signups(store).update({ activityId }, { $set: { startAt, endAt } }, { multi: true }),
    /** Every place held or waited for in a cancelled activity given up, each saying from what. */
    async releaseAll(activityId: string, entry: Omit<HistoryEntry, 'from'>) {
      for (const from of HOLDING) await signups(store).update({ activityId, status: from }, { $set: { status: 'cancelled', updatedAt: entry.at }, $push: { history: { ...entry, from } } }, { multi: true })
    },
    signupsOf: (activityId: string) => findAll(signups(store), { activityId }),
    holding: (activityId: string) => findAll(signups(store), { activityId, status: { $in: [...HOLDING] } }),
    /** Confirmed places whose check-in without a location still waits for the organizer. */
    unchecked: (activityId: string) => signups(store).count({ activityId, status: 'confirmed', placeCheck: 'pending' }),
    lapsedOffers: (at: string, limit: number) => signups(store).find({ status: 'offered', offerExpiresAt: { $lt: at } }, { limit }),
    /** Checked in, never out, and check-out closed for activities ending before `endedBefore`. */
    forgottenCheckouts: (endedBefore: string, limit: number) => signups(store).find({ status: 'confirmed', checkInAt: { $ne: null }, checkOutAt: null, endAt: { $lt: endedBefore } }, { limit }),
    checkOutAtEnd: (s: Signup, at: string) => signups(store).update({ _id: s._id, checkOutAt: null }, { $set: { checkOutAt: s.endAt, autoCheckout: true, updatedAt: at } }),
    async mySignupsPage(userId: string, at: string, page: number, pageSize: number) {
      const upcoming = { userId, endAt: { $gt: at } }
      const ended = { userId, endAt: { $lte: at } }
      const skip = (page - 1) * pageSize
      const [ahead, total] = await Promise.all([signups(store).count(upcoming), signups(store).count({ userId })])
      const first = skip < ahead ? await signups(store).find(upcoming, { sort: { startAt: 1 }, skip, limit: pageSize }) : []
      const rest = pageSize - first.length
      const then = rest > 0 ? await signups(store).find(ended, { sort: { startAt: -1 }, skip: Math.max(0, skip - ahead), limit: rest }) : []
      return { found: [...first, ...then], total }
    },

    volunteers: volunteers(store),
    monthly: monthly(store),
    mySignups: (userId: string, activityIds: string[]) =>
      activityIds.length ? signups(store).find({ userId, activityId: { $in: activityIds } }, { limit: activityIds.length }) : Promise.resolve([] as Signup[])
  }
}
