import type { Activity, Signup, Volunteer, VolunteerSettings } from '../../types/volunteer'
import { activities, secrets, settings, signups, users, volunteers } from '../core/collections'
import { forbidden, notFound } from '../core/errors'
import { findAll } from '../core/pages'
import type { Store } from '../core/ports'
import { VOLUNTEER_DEFAULTS } from './rules'

export type StoredActivity = Activity & { waiting: number }

/** Holding a place: confirmed, or in line for one. */
export const HOLDING = ['confirmed', 'waitlisted', 'offered'] as const

export const signupId = (activityId: string, userId: string) => `${activityId}:${userId}`

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
    signup: (activityId: string, userId: string) => signups(store).findOne({ _id: signupId(activityId, userId) }),
    async settings(): Promise<VolunteerSettings> {
      return ((await settings(store).findOne({ _id: 'volunteer' })) as VolunteerSettings | null) ?? VOLUNTEER_DEFAULTS
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
    mySignups: (userId: string, activityIds: string[]) =>
      activityIds.length ? signups(store).find({ userId, activityId: { $in: activityIds } }, { limit: activityIds.length }) : Promise.resolve([] as Signup[])
  }
}
