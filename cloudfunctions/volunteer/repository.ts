import { CIVILITY_OFFICE, type HistoryEntry, type User } from '../../types/domain'
import type { Activity, ServiceRecord, Signup, Volunteer, VolunteerSettings } from '../../types/volunteer'
import { activities, departments, monthly, secrets, serviceRecords, settings, signups, users, volunteers } from '../core/collections'
import { forbidden, notFound } from '../core/errors'
import { findAll } from '../core/pages'
import type { Query, Store } from '../core/ports'
import { VOLUNTEER_DEFAULTS } from '../core/seed'
import { signupId } from './rules'

export type StoredActivity = Activity & { waiting: number }

/** Holding a place: confirmed, or in line for one. */
export const HOLDING = ['confirmed', 'waitlisted', 'offered'] as const


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
    volunteers: volunteers(store),
    monthly: monthly(store),
    mySignups: (userId: string, activityIds: string[]) =>
      activityIds.length ? signups(store).find({ userId, activityId: { $in: activityIds } }, { limit: activityIds.length }) : Promise.resolve([] as Signup[])
  }
}
