import type { ServiceRecord } from '../../types/volunteer'
import { finish, finishStale, settle, type Pending, type Steps } from '../core/moves'
import type { Deps, Store } from '../core/ports'
import { beijingDay } from '../../types/calendar'
import { volunteerRepository, type StoredActivity } from './repository'
import { countHours } from './rules'

/** A confirmed roster's note (core/moves.ts): who confirmed it. */
export type RosterPending = Pending & { by: string }
export type NotedActivity = StoredActivity & { pending?: RosterPending | null }

/**
 * What confirming a roster does after the activity's own write, for each volunteer who held a place, each write
 * safe to take again: their attendance and hours on the sign-up, an append-only service record under a fixed id,
 * and their verified hours, activities and month's figures set from their service records.
 */
const STEPS: Steps<NotedActivity> = {
  hours: {
    async run(deps, activity) {
      const repo = volunteerRepository(deps.store)
      const { at, by } = activity.pending
      const rules = await repo.settings()
      const month = beijingDay(activity.startAt).slice(0, 7)
      for (const s of await repo.present(activity._id)) {
        const counted = countHours(activity, s, rules.minAttendance)
        await repo.setAttendance(s._id, { ...counted, updatedAt: at })
        if (!counted.hours) continue
        const record: ServiceRecord = { _id: `${activity._id}:${s.userId}`, userId: s.userId, activityId: activity._id, activityTitle: activity.title, hours: counted.hours, kind: 'verified', reason: null, by, at, month }
        await repo.record(record)
        await settle(repo.volunteers, s.userId, () => repo.verified({ userId: s.userId }))
        await settle(repo.monthly, `${month}:${s.userId}`, () => repo.verified({ userId: s.userId, month }), { _id: `${month}:${s.userId}`, userId: s.userId, month, hours: 0, activities: 0 })
      }
    }
  }
}

export const ROSTER_STEPS = Object.keys(STEPS)

const noted = (store: Store) => store.collection<NotedActivity>('activities')

export const finishRoster = (deps: Deps, activity: NotedActivity) => finish(deps, noted(deps.store), activity, STEPS)

/** The sweep's part: rosters a crash cut short. */
export const finishStaleRosters = (deps: Deps) => finishStale(deps, noted(deps.store), STEPS)
