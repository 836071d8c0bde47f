import type { HistoryEntry } from '../../types/domain'
import type { Signup } from '../../types/volunteer'
import { activities, signups, users } from '../core/collections'
import type { Deps } from '../core/ports'
import { beijingDateTime } from '../../types/calendar'
import { volunteerRepository, type StoredActivity } from './repository'

const entry = (deps: Deps, from: string, to: string, note: string): HistoryEntry => ({ at: deps.clock.now().toISOString(), by: 'system', role: 'system', from, to, note })

async function tellUser(deps: Deps, userId: string, title: string, body: string, activityId: string) {
  const user = await users(deps.store).findOne({ _id: userId })
  if (user) await deps.notifier.notify({ userId, openid: user.openid, template: 'volunteer.place', title, body, page: `/packages/volunteer/detail/index?id=${activityId}` })
}

/**
 * Gives free places to the waitlist in ticket order: each place is taken atomically first and then offered to
 * the next person still waiting, who has `offerHours` to say yes. Safe to run at any time, from anywhere.
 */
export async function promote(deps: Deps, activity: StoredActivity) {
  const rules = await volunteerRepository(deps.store).settings()
  for (;;) {
    const [next] = await signups(deps.store).find({ activityId: activity._id, status: 'waitlisted' }, { sort: { ticket: 1 }, limit: 1 })
    if (!next) return
    const seat = await activities(deps.store).take({ _id: activity._id, status: 'published', taken: { $lt: activity.capacity } }, 'taken')
    if (seat === null) return
    const offerExpiresAt = new Date(deps.clock.now().getTime() + rules.offerHours * 3600000).toISOString()
    const offered = await signups(deps.store).update(
      { _id: next._id, status: 'waitlisted' },
      { $set: { status: 'offered', offerExpiresAt, updatedAt: deps.clock.now().toISOString() }, $push: { history: entry(deps, 'waitlisted', 'offered', '有名额空出，递补') } }
    )
    if (!offered) {
      await activities(deps.store).update({ _id: activity._id }, { $inc: { taken: -1 } })
      continue
    }
    await activities(deps.store).update({ _id: activity._id }, { $inc: { waiting: -1 } })
    await tellUser(deps, next.userId, '候补递补：有名额了', `「${activity.title}」空出名额，请在 ${beijingDateTime(offerExpiresAt)} 前确认参加`, activity._id)
  }
}

/** Gives a held place back: a confirmed or offered place frees a seat; a waitlist place shortens the line. */
export async function release(deps: Deps, activity: StoredActivity, signup: Signup) {
  if (signup.status === 'waitlisted') await activities(deps.store).update({ _id: activity._id }, { $inc: { waiting: -1 } })
  else await activities(deps.store).update({ _id: activity._id }, { $inc: { taken: -1 } })
  await promote(deps, await volunteerRepository(deps.store).activity(activity._id))
}

export { tellUser }
