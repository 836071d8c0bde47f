import { CHECK_IN_EARLY_MINUTES, CHECK_OUT_LATE_MINUTES, type ActivityPlace, type MySignup, type PlaceCheck, type Signup } from '../../types/volunteer'
import type { ActionContext } from '../core/action'
import { AppError, conflict, invalid } from '../core/errors'
import type { Deps } from '../core/ports'
import { distanceMeters } from '../core/geo'
import { codeMatches } from './checkin-code'
import { volunteerRepository } from './repository'
import { checkOutClosesAt } from './rules'
import { mySignupAt } from './volunteers'

/** A 6-digit code cannot be guessed in 5 tries; the wait makes trying again slow. */
const CODE_TRIES = 5
const LOCK_MINUTES = 10

export interface AttendInput {
  id: string
  code: string
  lat?: number
  lng?: number
}

/**
 * 签到 / 签退 with the organizer's current code. At an activity with a place the volunteer must be within its
 * radius; a mark without a location is kept as 待核实 for the organizer, never counted until approved.
 */
export async function attend(kind: 'in' | 'out', input: AttendInput, { caller, deps }: ActionContext): Promise<MySignup> {
  const repo = volunteerRepository(deps.store)
  const activity = await repo.activity(input.id)
  const signup = await repo.signup(activity._id, caller._id)
  if (!signup || signup.status !== 'confirmed') throw conflict('您没有这个活动的名额，无法签到')
  const now = deps.clock.now()
  if (kind === 'out' && now > checkOutClosesAt(activity.endAt)) throw conflict(`签退时间已过（活动结束后 ${CHECK_OUT_LATE_MINUTES / 60} 小时内），系统按活动结束时间为您签退`)
  await checkCode(deps, signup, input.code, now)
  const unplaced = placeCheckOf(activity.place, input, kind)
  const at = now.toISOString()
  const mark = kind === 'in' ? '现场签到' : '现场签退'
  const changes = { [kind === 'in' ? 'checkInAt' : 'checkOutAt']: at, updatedAt: at, ...(unplaced ? { placeCheck: unplaced } : {}) }
  const entry = { at, by: caller._id, role: 'volunteer' as const, from: 'confirmed', to: 'confirmed', note: unplaced ? `${mark}（未提供位置，待核实）` : mark }
  if (kind === 'in') {
    if (now.getTime() < Date.parse(activity.startAt) - CHECK_IN_EARLY_MINUTES * 60000) throw conflict(`活动开始前 ${CHECK_IN_EARLY_MINUTES} 分钟起才能签到`)
    if (at > activity.endAt) throw conflict('活动已结束，不能再签到')
    if (!(await repo.markAttendance({ _id: signup._id, checkInAt: null }, changes, entry))) throw conflict('您已签到过了')
  } else {
    if (!signup.checkInAt) throw conflict('请先签到')
    if (!(await repo.markAttendance({ _id: signup._id, checkOutAt: null }, changes, entry))) throw conflict('您已签退过了')
  }
  return mySignupAt(repo, activity._id, caller._id)
}

/** 'pending' when the activity has a place but the phone did not say where the volunteer is; refuses a mark out of range. */
function placeCheckOf(place: ActivityPlace, at: { lat?: number; lng?: number }, kind: 'in' | 'out'): PlaceCheck | null {
  if (place.lat === null || place.lng === null) return null
  if (at.lat === undefined || at.lng === undefined) return 'pending'
  const distance = distanceMeters({ lat: place.lat, lng: place.lng }, { lat: at.lat, lng: at.lng })
  if (distance > place.radius) throw conflict(`您距离活动地点约 ${distance} 米，请到现场 ${place.radius} 米范围内${kind === 'in' ? '签到' : '签退'}`)
  return null
}

const locked = (ms: number) => new AppError('RATE_LIMITED', `签到码输错次数过多，请 ${Math.ceil(ms / 60000)} 分钟后再试`)

/**
 * Each try takes one of the person's 5 for this activity before the code is judged (so racing guesses cannot
 * get past it); the right code gives them back, the 5th wrong one locks the code for 10 minutes. The action
 * runs outside a transaction so that a refused try stays counted.
 */
async function checkCode(deps: Deps, signup: Signup, code: string, now: Date) {
  const repo = volunteerRepository(deps.store)
  const lockedUntil = signup.codeLockedUntil ? Date.parse(signup.codeLockedUntil) : 0
  if (lockedUntil > now.getTime()) throw locked(lockedUntil - now.getTime())
  if (lockedUntil) await repo.unlockCode(signup)
  const tries = await repo.takeCodeTry(signup._id, CODE_TRIES)
  if (tries === null) throw locked(LOCK_MINUTES * 60000)
  if (codeMatches(await repo.secret(), signup.activityId, code, now)) return repo.resetCodeTries(signup._id)
  if (tries < CODE_TRIES) throw invalid('code', `签到码不正确或已过期，请扫描组织者手机上的最新二维码（再输错 ${CODE_TRIES - tries} 次将锁定 ${LOCK_MINUTES} 分钟）`)
  await repo.lockCode(signup._id, new Date(now.getTime() + LOCK_MINUTES * 60000).toISOString())
  throw locked(LOCK_MINUTES * 60000)
}
