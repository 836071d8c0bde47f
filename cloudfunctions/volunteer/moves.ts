import type { ActivityStatus, ServiceRecord, Signup, SignupStatus } from '../../types/volunteer'
import { finish, finishStale, settle, STALE_MS, type Pending, type Steps } from '../core/moves'
import type { Deps, Store } from '../core/ports'
import { beijingDateTime, beijingDay } from '../../types/calendar'
import { promote, tellOffer, tellUser } from './places'
import { volunteerRepository, type StoredActivity } from './repository'
import { countHours } from './rules'

/** An activity's note (core/moves.ts): who moved it, and from which status. */
export type ActivityPending = Pending & { by: string; from?: ActivityStatus }
export type NotedActivity = StoredActivity & { pending?: ActivityPending | null }

/** What an activity's moves do after its own write, each step safe to take again. */
const STEPS: Steps<NotedActivity> = {
  /**
   * Confirming a roster, for each volunteer who held a place: their attendance and hours on the sign-up, an
   * append-only service record under a fixed id, and their verified hours, activities and month's figures set
   * from their service records.
   */
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
  },
  /** A new time followed into the sign-ups, which the clash check reads. */
  reschedule: {
    async run(deps, activity) {
      await volunteerRepository(deps.store).reschedule(activity._id, activity.startAt, activity.endAt)
    }
  },
  /** Everyone holding or waiting for a place hears the new time and place, once per edit. */
  retell: {
    async run(deps, activity) {
      const body = `「${activity.title}」改为 ${beijingDateTime(activity.startAt)} 在 ${activity.place.address}，请留意`
      for (const s of await volunteerRepository(deps.store).holding(activity._id)) await tellUser(deps, s.userId, '活动时间地点有变', body, activity._id, `moved:${activity.pending.key}:${s.userId}`)
    }
  },
  /** A cancelled activity: each place held or waited for is told, then given up, so it blocks no other activity. */
  release: {
    async run(deps, activity) {
      const repo = volunteerRepository(deps.store)
      const { at, by } = activity.pending
      const held = await repo.holding(activity._id)
      for (const s of held) await tellUser(deps, s.userId, '活动已取消', `「${activity.title}」已取消：${activity.cancelReason}`, activity._id, `cancelled:${activity._id}:${s.userId}`)
      await repo.releaseAll(activity._id, { at, by, role: 'organizer', to: 'cancelled', note: `活动取消：${activity.cancelReason}` })
    }
  },
  /** The home page's count of activities, which counts the published ones. */
  uncount: {
    once: true,
    async run(deps, activity) {
      if (activity.pending.from === 'published') await volunteerRepository(deps.store).countActivity(-1)
    },
    repair: (deps) => volunteerRepository(deps.store).settleCounts()
  },
  /** Places added to an activity go to its line; seats are shared counts, so this runs once (places.ts). */
  offer: {
    once: true,
    run: async (deps, activity) => promote(deps, await volunteerRepository(deps.store).activity(activity._id)),
    async repair(deps, activity) {
      if (!(await settlePlaces(deps, activity._id))) return false
      await promote(deps, await volunteerRepository(deps.store).activity(activity._id))
    }
  }
}

export const ROSTER_STEPS = ['hours']
export const WIDEN_STEPS = ['offer']
export const MOVED_STEPS = ['reschedule', 'retell']
export const CANCEL_STEPS = ['release', 'uncount']

const noted = (store: Store) => store.collection<NotedActivity>('activities')

export const finishActivity = (deps: Deps, activity: NotedActivity) => finish(deps, noted(deps.store), activity, STEPS)

/** The sweep's part: an activity's moves a crash cut short. */
export const finishStaleActivities = (deps: Deps) => finishStale(deps, noted(deps.store), STEPS)

/**
 * A sign-up's or a cancellation's note: the status it moved from, and who moved it. A sign-up's first write
 * makes it unplaced (in line without a ticket: no seat, no place in line, counted nowhere); its place is
 * decided by the step.
 */
export type PlacePending = Pending & { from: SignupStatus | null; by: string }
export type NotedSignup = Signup & { pending?: PlacePending | null }

export const UNPLACED = { status: 'waitlisted', ticket: null } as const
export const unplaced = (s: Pick<Signup, 'status' | 'ticket'>) => s.status === 'waitlisted' && s.ticket === null

/** What a sign-up counts in its activity's seats (`taken`) and line (`waiting`). */
const placeOf = (status: SignupStatus | null, ticket: number | null) =>
  status === 'confirmed' || status === 'offered' ? 'seat' : status === 'waitlisted' && ticket !== null ? 'line' : null

/** The step of each move that changes the activity's counts: a lapsed offer frees its seat as a cancellation does. */
const COUNTING = { signUp: 'place', cancel: 'free', lapse: 'free' } as const

/**
 * What the activity's counts hold of a sign-up: a move whose counting step has not begun counts as it was;
 * one begun and cut inside (this is what a repair settles) as it now stands, unplaced counting nowhere.
 */
function counted(s: NotedSignup) {
  const note = s.pending
  const step = note && COUNTING[note.move as keyof typeof COUNTING]
  if (note && step && !note.claimed?.[step]) return placeOf(note.from, s.ticket)
  return placeOf(s.status, s.ticket)
}

const counting = (note: Pending | null | undefined, live: string) => !!note && note.at >= live && Object.values(note.claimed ?? {}).includes('begun')

/**
 * After a step cut inside: sets an activity's seats taken and line to what its sign-ups hold, unless another
 * move (of a sign-up or of the activity) is counting on it (answers false: try again later), compare-and-set so a seat taken meanwhile is
 * counted again; then tells each offer made (keyed: an offer told already is not told again), as the cut may
 * have fallen between an offer and its notice.
 */
async function settlePlaces(deps: Deps, activityId: string) {
  const repo = volunteerRepository(deps.store)
  const live = new Date(deps.clock.now().getTime() - STALE_MS).toISOString()
  for (;;) {
    const activity: NotedActivity = await repo.activity(activityId)
    const all = (await repo.signupsOf(activityId)) as NotedSignup[]
    if (counting(activity.pending, live) || all.some((s) => counting(s.pending, live))) return false
    const held = all.map(counted)
    const taken = held.filter((p) => p === 'seat').length
    const waiting = held.filter((p) => p === 'line').length
    if ((activity.taken !== taken || activity.waiting !== waiting) && !(await repo.setPlaces(activity, taken, waiting))) continue
    for (const s of all) if (s.status === 'offered') await tellOffer(deps, activity, s)
    return true
  }
}

/**
 * What signing up, cancelling and an offer lapsing do after the sign-up's own write. Seats and the line are counts many sign-ups
 * share, so the step that changes them runs once; one cut inside is settled by recounting the activity's
 * sign-ups, and an unplaced sign-up is then placed anew. A freed seat goes to the line after.
 */
const PLACE_STEPS: Steps<NotedSignup> = {
  place: {
    once: true,
    async run(deps, s) {
      const repo = volunteerRepository(deps.store)
      const activity = await repo.activity(s.activityId)
      const seat = await repo.seatIfNoneWaiting(activity)
      const ticket = seat === null ? await repo.ticket(activity._id) : null
      if (seat === null) await repo.joinLine(activity._id)
      const { at, by, from } = s.pending
      const to = seat === null ? 'waitlisted' : 'confirmed'
      await repo.place(s, { status: to, ticket }, { at, by, role: 'volunteer', from, to, note: seat === null ? `名额已满，候补第 ${ticket} 号` : '报名成功' })
      // a seat may have freed between the check and the ticket; the line moves on if so
      if (seat === null) await promote(deps, await repo.activity(activity._id))
    },
    async repair(deps, s) {
      if (!(await settlePlaces(deps, s.activityId))) return false
      if (unplaced(s)) return PLACE_STEPS.place.run(deps, s)
      await promote(deps, await volunteerRepository(deps.store).activity(s.activityId))
    }
  },
  free: {
    once: true,
    async run(deps, s) {
      const repo = volunteerRepository(deps.store)
      if (s.pending.from === 'waitlisted') await repo.leaveLine(s.activityId)
      else await repo.freeSeat(s.activityId)
      await promote(deps, await repo.activity(s.activityId))
    },
    async repair(deps, s) {
      if (!(await settlePlaces(deps, s.activityId))) return false
      await promote(deps, await volunteerRepository(deps.store).activity(s.activityId))
    }
  }
}

export const SIGN_UP_STEPS = ['place']
/** Cancelling, and an offer lapsing. */
export const FREE_STEPS = ['free']

const notedSignups = (store: Store) => store.collection<NotedSignup>('signups')

export const finishPlace = (deps: Deps, signup: NotedSignup) => finish(deps, notedSignups(deps.store), signup, PLACE_STEPS)

/** The sweep's part: sign-ups, cancellations and lapsed offers a crash cut short. */
export const finishStalePlaces = (deps: Deps) => finishStale(deps, notedSignups(deps.store), PLACE_STEPS)
