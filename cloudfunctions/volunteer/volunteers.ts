import { createHash } from 'node:crypto'
import type { Page } from '../../types/api'
import type { ActivityCard, ActivityType, Certificate, IdentityChange, MySignup, Signup, Volunteer, VolunteerIdentity, VolunteerMe } from '../../types/volunteer'
import type { ActionContext } from '../core/action'
import { AppError, conflict, invalid } from '../core/errors'
import { DuplicateKeyError } from '../core/ports'
import { beijingDay, endOfBeijingDay, startOfBeijingDay } from '../../types/calendar'
import { FREE_STEPS, finishPlace, SIGN_UP_STEPS, UNPLACED, unplaced, type NotedSignup, type PlacePending } from './moves'
import { HOLDING, volunteerRepository } from './repository'
import { ageOn, hasHours, identityOf, maskName, newSignup, sameIdentity } from './rules'
import { toCard, toDetail, toMe, toMySignup } from './views'

export interface RegisterInput {
  realName: string
  phone: string
  team: string
  birthDate: string
  guardian?: { name: string; phone: string; consent: boolean }
}

type Repo = ReturnType<typeof volunteerRepository>

const mySignup = async (repo: Repo, s: Signup) => toMySignup(s, await repo.placeInLine(s))

/** The person's sign-up as it stands now. */
export const mySignupAt = async (repo: Repo, activityId: string, userId: string) => mySignup(repo, (await repo.signup(activityId, userId))!)

/** A stable certificate number anyone can check, that does not reveal who it belongs to. */
const certificateNoOf = (userId: string, year: string) => `ZYFW-${year}-${createHash('sha256').update(userId).digest('hex').slice(0, 8).toUpperCase()}`

export async function register(input: RegisterInput, { caller, deps }: ActionContext): Promise<VolunteerMe> {
  const today = beijingDay(deps.clock.now())
  const age = ageOn(input.birthDate, today)
  if (age < 14) throw invalid('birthDate', '未满 14 周岁暂不能注册志愿者，可在监护人陪同下参加活动')
  if (age < 18 && !input.guardian?.consent) throw invalid('guardian', '未满 18 周岁需填写监护人信息并取得监护人同意')
  const repo = volunteerRepository(deps.store)
  const identity = { realName: input.realName, phone: input.phone, birthDate: input.birthDate }
  const rest = { team: input.team, guardian: age < 18 && input.guardian ? { name: input.guardian.name, phone: input.guardian.phone } : null }
  const known = await repo.findVolunteer(caller._id)
  if (known) {
    await repo.setVolunteer(caller._id, rest)
    await changeIdentity({ caller, deps }, known, identity)
  } else {
    const volunteer: Volunteer = { _id: caller._id, ...identity, ...rest, registeredAt: deps.clock.now().toISOString(), hours: 0, makeupHours: 0, activities: 0, certificateNo: certificateNoOf(caller._id, today.slice(0, 4)), correction: null, history: [] }
    await repo.addVolunteer(volunteer)
  }
  if (!caller.roles.includes('volunteer')) {
    const at = deps.clock.now().toISOString()
    await repo.grantVolunteer(caller, { at, by: caller._id, role: 'resident', from: caller.roles.join(','), to: [...caller.roles, 'volunteer'].join(','), note: '注册志愿者' })
  }
  return toMe(await repo.volunteer(caller._id), await repo.settings())
}

/**
 * A volunteer changing their name, phone or birth date: recorded and applied at once while they have no hours;
 * once hours are earned (and a certificate carries the name), kept as a correction for the office to approve.
 */
async function changeIdentity({ caller, deps }: Pick<ActionContext, 'caller' | 'deps'>, v: Volunteer, to: VolunteerIdentity) {
  const repo = volunteerRepository(deps.store)
  const from = identityOf(v)
  if (sameIdentity(from, to)) {
    if (v.correction) await repo.setVolunteer(v._id, { correction: null })
    return
  }
  const at = deps.clock.now().toISOString()
  if (hasHours(v)) {
    await repo.setVolunteer(v._id, { correction: { ...to, requestedAt: at } })
    return
  }
  const change: IdentityChange = { at, by: caller._id, from, to, note: '志愿者本人修改' }
  await repo.changeIdentity(v._id, { ...to, correction: null }, change)
}

export async function me({ caller, deps }: ActionContext): Promise<VolunteerMe | null> {
  const repo = volunteerRepository(deps.store)
  const v = await repo.findVolunteer(caller._id)
  return v ? toMe(v, await repo.settings()) : null
}

/** Published activities: upcoming ones soonest first, or one month's; with the caller's own status on each. */
export async function list(input: { page: number; pageSize: number; month?: string; type?: ActivityType; scope?: 'upcoming' | 'month' }, { caller, deps }: ActionContext): Promise<Page<ActivityCard>> {
  const repo = volunteerRepository(deps.store)
  // not ended by the start of this minute: the same read for a minute, which the store may answer again
  const now = new Date(Math.floor(deps.clock.now().getTime() / 60_000) * 60_000).toISOString()
  const when = input.month ? { startFrom: startOfBeijingDay(`${input.month}-01`), startTo: endOfBeijingDay(lastDayOf(input.month)) } : { endFrom: now }
  const { found, total } = await repo.listed(when, input.type, input.page, input.pageSize)
  const mine = new Map((await repo.mySignups(caller._id, found.map((a) => a._id))).map((s) => [s.activityId, s]))
  return { items: found.map((a) => toCard(a, mine.get(a._id) ?? null, deps.clock.now())), total, page: input.page, pageSize: input.pageSize }
}

function lastDayOf(month: string) {
  const [y, m] = month.split('-').map(Number)
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

export async function detail(input: { id: string }, { caller, deps }: ActionContext) {
  const repo = volunteerRepository(deps.store)
  const activity = await repo.activity(input.id)
  const organizing = activity.organizerId === caller._id || caller.roles.includes('admin')
  if (activity.status === 'draft' && !organizing) throw new AppError('NOT_FOUND', '该活动还未发布')
  const found: NotedSignup | null = await repo.signup(activity._id, caller._id)
  // the person's look finishes a move of theirs a crash cut short, so a sign-up left unplaced gets its place
  if (found?.pending) await finishPlace(deps, found)
  const mine = found?.pending ? await repo.signup(activity._id, caller._id) : found
  return toDetail(activity, caller, mine, mine && (await repo.placeInLine(mine)), deps.clock.now())
}

/**
 * 报名: one place per person; a seat is taken with a conditional atomic update, only while nobody is waiting;
 * when full, a waitlist ticket in arrival order. Overlapping activities the person joined are refused. The
 * sign-up is written first, unplaced and noting the step that places it (volunteer/moves.ts), so a call cut
 * short is finished by its retry, the person's next move, or the sweep.
 */
export async function signUp(input: { id: string }, ctx: ActionContext): Promise<MySignup> {
  const { caller, deps } = ctx
  const repo = volunteerRepository(deps.store)
  await repo.volunteer(caller._id)
  const activity = await repo.activity(input.id)
  const found: NotedSignup | null = await repo.signup(activity._id, caller._id)
  // a move cut short is finished first: a retry answers as the first call would have
  if (found?.pending) await finishPlace(deps, found)
  const existing = found?.pending ? await repo.signup(activity._id, caller._id) : found
  if (existing && HOLDING.includes(existing.status as (typeof HOLDING)[number])) return mySignup(repo, existing)
  const now = deps.clock.now().toISOString()
  if (activity.status !== 'published') throw conflict(activity.status === 'cancelled' ? '该活动已取消' : '该活动还未发布')
  if (now > activity.signupDeadline) throw conflict('报名已截止')

  const clash = await repo.clash(caller._id, activity)
  if (clash) {
    const other = await repo.activity(clash.activityId)
    throw conflict(`与您已报名的「${other.title}」时间冲突`)
  }

  const pending: PlacePending = { move: 'signUp', key: deps.ids.next(), at: now, steps: SIGN_UP_STEPS, from: existing?.status ?? null, by: caller._id }
  const signup = { ...newSignup(activity, caller._id, null, now, existing?.history ?? []), ...UNPLACED, pending }
  try {
    const written = existing ? await repo.signUpAgain(signup, existing.status) : await repo.insertSignup(signup)
    if (!written) throw conflict('报名状态刚刚变化，请刷新后重试')
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // The same person tapped twice at once: the first one's sign-up stands
    return signUp(input, ctx)
  }
  await finishPlace(deps, signup)
  return mySignupAt(repo, activity._id, caller._id)
}

/** 取消报名, until the cancellation deadline; a freed place goes to the first in line (volunteer/moves.ts). */
export async function cancel(input: { id: string }, { caller, deps }: ActionContext): Promise<MySignup> {
  const repo = volunteerRepository(deps.store)
  const activity = await repo.activity(input.id)
  const found: NotedSignup | null = await repo.signup(activity._id, caller._id)
  if (found?.pending) {
    await finishPlace(deps, found)
    // a cancellation cut short: its retry finishes it and answers as it would have
    if (found.pending.move === 'cancel') return mySignupAt(repo, activity._id, caller._id)
  }
  const signup = found?.pending ? await repo.signup(activity._id, caller._id) : found
  if (!signup || !HOLDING.includes(signup.status as (typeof HOLDING)[number])) throw conflict('您没有报名这个活动')
  if (unplaced(signup)) throw conflict('报名还在处理中，请稍后再试')
  const now = deps.clock.now().toISOString()
  if (signup.status === 'confirmed' && now > activity.cancelDeadline) throw conflict('已过取消截止时间，如确有困难请联系活动组织者')
  const pending: PlacePending = { move: 'cancel', key: deps.ids.next(), at: now, steps: FREE_STEPS, from: signup.status, by: caller._id }
  const done = await repo.moveSignup(signup, { status: 'cancelled', updatedAt: now, pending }, { at: now, by: caller._id, role: 'volunteer', from: signup.status, to: 'cancelled', note: '本人取消' })
  if (!done) throw conflict('报名状态刚刚变化，请刷新后重试')
  await finishPlace(deps, { ...signup, status: 'cancelled', pending })
  return mySignupAt(repo, activity._id, caller._id)
}

export async function acceptOffer(input: { id: string }, { caller, deps }: ActionContext): Promise<MySignup> {
  const repo = volunteerRepository(deps.store)
  const signup = await repo.signup(input.id, caller._id)
  const now = deps.clock.now().toISOString()
  if (!signup || signup.status !== 'offered') throw conflict('没有待确认的递补名额')
  if (now >= signup.startAt) throw conflict('活动已开始，递补名额已失效')
  const done = await repo.acceptOffer(signup._id, now, { at: now, by: caller._id, role: 'volunteer', from: 'offered', to: 'confirmed', note: '确认递补' })
  if (!done) throw conflict('递补确认已超时，名额已让给下一位')
  return mySignupAt(repo, input.id, caller._id)
}

/** Upcoming first, soonest first; then the ended ones, newest first. */
export async function mine(input: { page: number; pageSize: number }, { caller, deps }: ActionContext) {
  const repo = volunteerRepository(deps.store)
  const now = deps.clock.now()
  const { found, total } = await repo.mySignupsPage(caller._id, now.toISOString(), input.page, input.pageSize)
  const byId = new Map((await repo.activitiesById(found.map((s) => s.activityId))).map((a) => [a._id, a]))
  const items = await Promise.all(found.filter((s) => byId.has(s.activityId)).map(async (s) => ({ ...toCard(byId.get(s.activityId)!, s, now), signup: await mySignup(repo, s) })))
  return { items, total, page: input.page, pageSize: input.pageSize }
}

export async function hours(input: { page: number; pageSize: number }, { caller, deps }: ActionContext) {
  const repo = volunteerRepository(deps.store)
  const v = await repo.volunteer(caller._id)
  const { found, total } = await repo.recordsPage(caller._id, input.page, input.pageSize)
  const items = found.map((r) => ({ hours: r.hours, kind: r.kind, reason: r.reason, activityTitle: r.activityTitle, at: r.at }))
  return { items, total, page: input.page, pageSize: input.pageSize, me: toMe(v, await repo.settings()) }
}

/** 志愿服务记录证明 (志愿服务记录与证明出具办法): verified hours and activities, make-up hours apart. */
export async function certificate({ caller, deps }: ActionContext): Promise<Certificate> {
  const repo = volunteerRepository(deps.store)
  const v = await repo.volunteer(caller._id)
  if (!hasHours(v)) throw new AppError('NO_HOURS', '还没有经组织者确认的志愿服务时长，暂不能开具证明：报名参加活动，签到签退并经组织者确认时长后即可开具')
  const records = await repo.verifiedRecords(caller._id)
  return {
    no: v.certificateNo,
    name: v.realName,
    team: v.team,
    hours: v.hours,
    makeupHours: v.makeupHours,
    activities: records.map((r) => ({ title: r.activityTitle ?? '', date: beijingDay(r.at), hours: r.hours })),
    issuer: await repo.issuer(),
    issuedAt: deps.clock.now().toISOString()
  }
}

export async function verify(input: { no: string }, { deps }: ActionContext) {
  const v = await volunteerRepository(deps.store).byCertificate(input.no.trim().toUpperCase())
  return v ? { valid: true, name: maskName(v.realName), hours: v.hours, activities: v.activities } : { valid: false, name: null, hours: null, activities: null }
}

/** The stars of past months, newest first; who they are by nickname and team only. */
export async function stars({ deps }: ActionContext) {
  const months = await volunteerRepository(deps.store).starMonths()
  return months.map((m) => ({ month: m._id, status: m.status, noticeUntil: m.noticeUntil, note: m.note ?? null, winners: m.winners.map(({ nickname, team, hours, activities: n }) => ({ nickname, team, hours, activities: n })) }))
}
