import type { HistoryEntry } from '../../types/domain'
import type { Signup } from '../../types/volunteer'
import type { Deps } from '../core/ports'
import { beijingDateTime } from '../../types/calendar'
import { volunteerRepository, type StoredActivity } from './repository'

const entry = (deps: Deps, from: string, to: string, note: string): HistoryEntry => ({ at: deps.clock.now().toISOString(), by: 'system', role: 'system', from, to, note })

/** `key` names the notice, so a step taken again does not tell twice. */
async function tellUser(deps: Deps, userId: string, title: string, body: string, activityId: string, key?: string) {
  const user = await volunteerRepository(deps.store).findUser(userId)
  if (user) await deps.notifier.notify({ userId, openid: user.openid, template: 'volunteer.place', title, body, page: `/packages/volunteer/detail/index?id=${activityId}`, ...(key ? { key } : {}) })
}

/** The offer of a freed place, told once per offer however often it is told (volunteer/moves.ts tells again after a cut). */
export const tellOffer = (deps: Deps, activity: StoredActivity, s: Pick<Signup, '_id' | 'userId' | 'offerExpiresAt'>) =>
  tellUser(deps, s.userId, '候补递补：有名额了', `「${activity.title}」空出名额，请在 ${beijingDateTime(s.offerExpiresAt!)} 前确认参加`, activity._id, `offer:${s._id}:${s.offerExpiresAt}`)

/**
 * Gives free places to the waitlist in ticket order, until the activity starts: each place is taken atomically
 * first and then offered to the next person still waiting, who has `offerHours` to say yes, and no longer than
 * the start. Safe to run at any time, from anywhere.
 */
export async function promote(deps: Deps, activity: StoredActivity) {
  const repo = volunteerRepository(deps.store)
  const rules = await repo.settings()
  for (;;) {
    if (deps.clock.now().toISOString() >= activity.startAt) return
    const next = await repo.nextInLine(activity._id)
    if (!next) return
    const seat = await repo.seatForNext(activity)
    if (seat === null) return
    const offerExpiresAt = new Date(Math.min(deps.clock.now().getTime() + rules.offerHours * 3600000, Date.parse(activity.startAt))).toISOString()
    const offered = await repo.moveSignup(next, { status: 'offered', offerExpiresAt, updatedAt: deps.clock.now().toISOString() }, entry(deps, 'waitlisted', 'offered', '有名额空出，递补'))
    if (!offered) {
      await repo.freeSeat(activity._id)
      continue
    }
    await repo.leaveLine(activity._id)
    await tellOffer(deps, activity, { ...next, offerExpiresAt })
  }
}

export { tellUser }
