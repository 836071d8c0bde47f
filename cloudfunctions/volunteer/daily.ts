import { activities, signups } from '../core/collections'
import { findAll } from '../core/pages'
import type { Deps } from '../core/ports'
import { finishStaleRosters } from './moves'
import { promote, tellUser } from './places'
import { volunteerRepository } from './repository'
import { checkOutClosedBefore } from './rules'

const BATCH = 500

/**
 * The volunteer side of the hourly sweep: rosters a crash cut short are finished, lapsed waitlist offers pass to the next in line, forgotten check-outs
 * close at the scheduled end once check-out has closed, and tomorrow's volunteers are reminded once.
 */
export async function sweepVolunteers(deps: Deps) {
  const repo = volunteerRepository(deps.store)
  const now = deps.clock.now()
  const at = now.toISOString()
  const finished = await finishStaleRosters(deps)

  const lapsed = await signups(deps.store).find({ status: 'offered', offerExpiresAt: { $lt: at } }, { limit: BATCH })
  for (const s of lapsed) {
    const passed = await signups(deps.store).update(
      { _id: s._id, status: 'offered' },
      { $set: { status: 'passed', updatedAt: at }, $push: { history: { at, by: 'system', role: 'system', from: 'offered', to: 'passed', note: '递补未在规定时间内确认，名额顺延' } } }
    )
    if (!passed) continue
    await activities(deps.store).update({ _id: s.activityId }, { $inc: { taken: -1 } })
    await promote(deps, await repo.activity(s.activityId))
  }

  const forgotten = await signups(deps.store).find({ status: 'confirmed', checkInAt: { $ne: null }, checkOutAt: null, endAt: { $lt: checkOutClosedBefore(now) } }, { limit: BATCH })
  for (const s of forgotten) {
    await signups(deps.store).update({ _id: s._id, checkOutAt: null }, { $set: { checkOutAt: s.endAt, autoCheckout: true, updatedAt: at } })
  }

  const soon = new Date(now.getTime() + 86400000).toISOString()
  const tomorrow = await activities(deps.store).find({ status: 'published', remindedAt: null, startAt: { $gte: at, $lte: soon } }, { limit: BATCH })
  for (const a of tomorrow) {
    if (!(await activities(deps.store).update({ _id: a._id, remindedAt: null }, { $set: { remindedAt: at } }))) continue
    for (const s of await findAll(signups(deps.store), { activityId: a._id, status: 'confirmed' })) {
      await tellUser(deps, s.userId, '明天有志愿活动', `「${a.title}」${a.place.address}，记得准时到场签到`, a._id)
    }
  }
  return { finished, passed: lapsed.length, autoCheckedOut: forgotten.length, reminded: tomorrow.length }
}
