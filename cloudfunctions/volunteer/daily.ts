import { beijingDateTime, beijingDay } from '../../types/calendar'
import type { Deps } from '../core/ports'
import { finishPlace, finishStaleActivities, finishStalePlaces, FREE_STEPS, type PlacePending } from './moves'
import { tellUser } from './places'
import { volunteerRepository } from './repository'
import { checkOutClosedBefore } from './rules'

const BATCH = 500

/**
 * The volunteer side of the hourly sweep: moves a crash cut short are finished, the home page's counts set from
 * what they count, lapsed waitlist offers pass to the next in line (a move of the sign-up, volunteer/moves.ts),
 * forgotten check-outs close at the scheduled end once check-out has closed, and the volunteers of an activity
 * starting within a day are reminded once (今天 or 明天, by Beijing day).
 */
export async function sweepVolunteers(deps: Deps) {
  const repo = volunteerRepository(deps.store)
  const now = deps.clock.now()
  const at = now.toISOString()
  const finished = (await finishStaleActivities(deps)) + (await finishStalePlaces(deps))
  await repo.settleCounts()

  const lapsed = await repo.lapsedOffers(at, BATCH)
  for (const s of lapsed) {
    const pending: PlacePending = { move: 'lapse', key: deps.ids.next(), at, steps: FREE_STEPS, from: 'offered', by: 'system' }
    const passed = await repo.moveSignup(s, { status: 'passed', updatedAt: at, pending }, { at, by: 'system', role: 'system', from: 'offered', to: 'passed', note: '递补未在规定时间内确认，名额顺延' })
    if (passed) await finishPlace(deps, { ...s, status: 'passed', pending })
  }

  const forgotten = await repo.forgottenCheckouts(checkOutClosedBefore(now), BATCH)
  for (const s of forgotten) await repo.checkOutAtEnd(s, at)

  const soon = new Date(now.getTime() + 86400000).toISOString()
  const tomorrow = await repo.toRemind(at, soon, BATCH)
  for (const a of tomorrow) {
    if (!(await repo.markReminded(a._id, at))) continue
    for (const s of await repo.present(a._id)) {
      const day = beijingDay(a.startAt) === beijingDay(at) ? '今天' : '明天'
      await tellUser(deps, s.userId, `${day}有志愿活动`, `「${a.title}」${day} ${beijingDateTime(a.startAt).slice(11, 16)} 在 ${a.place.address}，记得准时到场签到`, a._id)
    }
  }
  return { finished, passed: lapsed.length, autoCheckedOut: forgotten.length, reminded: tomorrow.length }
}
