import { createHash } from 'node:crypto'
import type { Page } from '../../types/api'
import type { ActivityCard, ActivityType, Certificate, IdentityChange, MySignup, Volunteer, VolunteerIdentity, VolunteerMe } from '../../types/volunteer'
import type { ActionContext } from '../core/action'
import { activities, counters, serviceRecords, signups, stars as starMonths, users, volunteers } from '../core/collections'
import { AppError, conflict, invalid } from '../core/errors'
import { DuplicateKeyError } from '../core/ports'
import { textOrder, findAll } from '../core/pages'
import { beijingDay, endOfBeijingDay, startOfBeijingDay } from '../../types/calendar'
import { promote, release } from './places'
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
    await volunteers(deps.store).update({ _id: caller._id }, { $set: rest })
    await changeIdentity({ caller, deps }, known, identity)
  } else {
    const volunteer: Volunteer = { _id: caller._id, ...identity, ...rest, registeredAt: deps.clock.now().toISOString(), hours: 0, makeupHours: 0, activities: 0, certificateNo: certificateNoOf(caller._id, today.slice(0, 4)), correction: null, history: [] }
    if (await volunteers(deps.store).insertIfAbsent(volunteer)) await counters(deps.store).update({ _id: 'volunteers' }, { $inc: { value: 1 } })
  }
  if (!caller.roles.includes('volunteer')) {
    const at = deps.clock.now().toISOString()
    await users(deps.store).update(
      { _id: caller._id, roles: { $ne: 'volunteer' } },
      { $push: { roles: 'volunteer', history: { at, by: caller._id, role: 'resident', from: caller.roles.join(','), to: [...caller.roles, 'volunteer'].join(','), note: '注册志愿者' } } }
    )
  }
  return toMe(await repo.volunteer(caller._id), await repo.settings())
}

/**
 * A volunteer changing their name, phone or birth date: recorded and applied at once while they have no hours;
 * once hours are earned (and a certificate carries the name), kept as a correction for the office to approve.
 */
async function changeIdentity({ caller, deps }: Pick<ActionContext, 'caller' | 'deps'>, v: Volunteer, to: VolunteerIdentity) {
  const from = identityOf(v)
  if (sameIdentity(from, to)) {
    if (v.correction) await volunteers(deps.store).update({ _id: v._id }, { $set: { correction: null } })
    return
  }
  const at = deps.clock.now().toISOString()
  if (hasHours(v)) {
    await volunteers(deps.store).update({ _id: v._id }, { $set: { correction: { ...to, requestedAt: at } } })
    return
  }
  const change: IdentityChange = { at, by: caller._id, from, to, note: '志愿者本人修改' }
  await volunteers(deps.store).update({ _id: v._id }, { $set: { ...to, correction: null }, $push: { history: change } })
}

export async function me({ caller, deps }: ActionContext): Promise<VolunteerMe | null> {
  const repo = volunteerRepository(deps.store)
  const v = await repo.findVolunteer(caller._id)
  return v ? toMe(v, await repo.settings()) : null
}

/** Published activities: upcoming ones soonest first, or one month's; with the caller's own status on each. */
export async function list(input: { page: number; pageSize: number; month?: string; type?: ActivityType; scope?: 'upcoming' | 'month' }, { caller, deps }: ActionContext): Promise<Page<ActivityCard>> {
  const now = deps.clock.now().toISOString()
  const when = input.month
    ? { startAt: { $gte: startOfBeijingDay(`${input.month}-01`), $lte: endOfBeijingDay(lastDayOf(input.month)) } }
    : { endAt: { $gte: now } }
  const q = { status: { $in: ['published', 'cancelled'] }, ...when, ...(input.type ? { type: input.type } : {}) }
  const [found, total] = await Promise.all([
    activities(deps.store).find(q, { sort: { startAt: 1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    activities(deps.store).count(q)
  ])
  const mine = new Map((await volunteerRepository(deps.store).mySignups(caller._id, found.map((a) => a._id))).map((s) => [s.activityId, s]))
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
  return toDetail(deps.store, activity, caller, await repo.signup(activity._id, caller._id), deps.clock.now())
}

/**
 * 报名: one place per person; a seat is taken with a conditional atomic update, only while nobody is waiting;
 * when full, a waitlist ticket in arrival order. Overlapping activities the person joined are refused.
 */
export async function signUp(input: { id: string }, ctx: ActionContext): Promise<MySignup> {
  const { caller, deps } = ctx
  const repo = volunteerRepository(deps.store)
  await repo.volunteer(caller._id)
  const activity = await repo.activity(input.id)
  const now = deps.clock.now().toISOString()
  if (activity.status !== 'published') throw conflict(activity.status === 'cancelled' ? '该活动已取消' : '该活动还未发布')
  if (now > activity.signupDeadline) throw conflict('报名已截止')
  const existing = await repo.signup(activity._id, caller._id)
  if (existing && HOLDING.includes(existing.status as (typeof HOLDING)[number])) return toMySignup(deps.store, existing)

  const clash = await signups(deps.store).find(
    { userId: caller._id, activityId: { $ne: activity._id }, status: { $in: [...HOLDING] }, startAt: { $lt: activity.endAt }, endAt: { $gt: activity.startAt } },
    { limit: 1 }
  )
  if (clash.length) {
    const other = await repo.activity(clash[0].activityId)
    throw conflict(`与您已报名的「${other.title}」时间冲突`)
  }

  const seat = await activities(deps.store).take({ _id: activity._id, status: 'published', waiting: 0, taken: { $lt: activity.capacity } }, 'taken')
  const ticket = seat === null ? await activities(deps.store).take({ _id: activity._id }, 'tickets') : null
  const signup = newSignup(activity, caller._id, ticket, now, [...(existing?.history ?? []), { at: now, by: caller._id, role: 'volunteer', from: existing?.status ?? null, to: seat === null ? 'waitlisted' : 'confirmed', note: seat === null ? `名额已满，候补第 ${ticket} 号` : '报名成功' }])
  if (seat === null) await activities(deps.store).update({ _id: activity._id }, { $inc: { waiting: 1 } })
  try {
    if (existing) await signups(deps.store).update({ _id: signup._id, status: existing.status }, { $set: { ...signup } as Record<string, unknown> })
    else await signups(deps.store).insert(signup)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // The same person tapped twice at once: keep the first, hand back what this one took.
    await release(deps, activity, signup)
    return toMySignup(deps.store, (await repo.signup(activity._id, caller._id))!)
  }
  // A place may have freed between the check and the ticket; the line moves on if so.
  if (seat === null) await promote(deps, await repo.activity(activity._id))
  return toMySignup(deps.store, (await repo.signup(activity._id, caller._id))!)
}

/** 取消报名, until the cancellation deadline; a freed place goes to the first in line. */
export async function cancel(input: { id: string }, { caller, deps }: ActionContext): Promise<MySignup> {
  const repo = volunteerRepository(deps.store)
  const activity = await repo.activity(input.id)
  const signup = await repo.signup(activity._id, caller._id)
  if (!signup || !HOLDING.includes(signup.status as (typeof HOLDING)[number])) throw conflict('您没有报名这个活动')
  const now = deps.clock.now().toISOString()
  if (signup.status === 'confirmed' && now > activity.cancelDeadline) throw conflict('已过取消截止时间，如确有困难请联系活动组织者')
  const done = await signups(deps.store).update(
    { _id: signup._id, status: signup.status },
    { $set: { status: 'cancelled', updatedAt: now }, $push: { history: { at: now, by: caller._id, role: 'volunteer', from: signup.status, to: 'cancelled', note: '本人取消' } } }
  )
  if (!done) throw conflict('报名状态刚刚变化，请刷新后重试')
  await release(deps, activity, signup)
  return toMySignup(deps.store, (await repo.signup(activity._id, caller._id))!)
}

export async function acceptOffer(input: { id: string }, { caller, deps }: ActionContext): Promise<MySignup> {
  const repo = volunteerRepository(deps.store)
  const signup = await repo.signup(input.id, caller._id)
  const now = deps.clock.now().toISOString()
  if (!signup || signup.status !== 'offered') throw conflict('没有待确认的递补名额')
  const done = await signups(deps.store).update(
    { _id: signup._id, status: 'offered', offerExpiresAt: { $gte: now } },
    { $set: { status: 'confirmed', offerExpiresAt: null, updatedAt: now }, $push: { history: { at: now, by: caller._id, role: 'volunteer', from: 'offered', to: 'confirmed', note: '确认递补' } } }
  )
  if (!done) throw conflict('递补确认已超时，名额已让给下一位')
  return toMySignup(deps.store, (await repo.signup(input.id, caller._id))!)
}

/** Upcoming first, soonest first; then the ended ones, newest first. */
export async function mine(input: { page: number; pageSize: number }, { caller, deps }: ActionContext) {
  const now = deps.clock.now()
  const at = now.toISOString()
  const upcoming = { userId: caller._id, endAt: { $gt: at } }
  const ended = { userId: caller._id, endAt: { $lte: at } }
  const skip = (input.page - 1) * input.pageSize
  const [ahead, total] = await Promise.all([signups(deps.store).count(upcoming), signups(deps.store).count({ userId: caller._id })])
  const first = skip < ahead ? await signups(deps.store).find(upcoming, { sort: { startAt: 1 }, skip, limit: input.pageSize }) : []
  const rest = input.pageSize - first.length
  const then = rest > 0 ? await signups(deps.store).find(ended, { sort: { startAt: -1 }, skip: Math.max(0, skip - ahead), limit: rest }) : []
  const found = [...first, ...then]
  const acts = found.length ? await activities(deps.store).find({ _id: { $in: found.map((s) => s.activityId) } }, { limit: found.length }) : []
  const byId = new Map(acts.map((a) => [a._id, a]))
  const items = await Promise.all(found.filter((s) => byId.has(s.activityId)).map(async (s) => ({ ...toCard(byId.get(s.activityId)!, s, now), signup: await toMySignup(deps.store, s) })))
  return { items, total, page: input.page, pageSize: input.pageSize }
}

export async function hours(input: { page: number; pageSize: number }, { caller, deps }: ActionContext) {
  const repo = volunteerRepository(deps.store)
  const v = await repo.volunteer(caller._id)
  const q = { userId: caller._id }
  const [found, total] = await Promise.all([serviceRecords(deps.store).find(q, { sort: { at: -1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }), serviceRecords(deps.store).count(q)])
  const items = found.map((r) => ({ hours: r.hours, kind: r.kind, reason: r.reason, activityTitle: r.activityTitle, at: r.at }))
  return { items, total, page: input.page, pageSize: input.pageSize, me: toMe(v, await repo.settings()) }
}

/** 志愿服务记录证明 (志愿服务记录与证明出具办法): verified hours and activities, make-up hours apart. */
export async function certificate({ caller, deps }: ActionContext): Promise<Certificate> {
  const repo = volunteerRepository(deps.store)
  const v = await repo.volunteer(caller._id)
  if (!hasHours(v)) throw new AppError('NO_HOURS', '还没有经组织者确认的志愿服务时长，暂不能开具证明：报名参加活动，签到签退并经组织者确认时长后即可开具')
  // every activity behind the hours, however many: read in pages, newest first
  const records = (await findAll(serviceRecords(deps.store), { userId: caller._id, kind: 'verified' })).sort(textOrder((r) => r.at, -1))
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
  const v = await volunteers(deps.store).findOne({ certificateNo: input.no.trim().toUpperCase() })
  return v ? { valid: true, name: maskName(v.realName), hours: v.hours, activities: v.activities } : { valid: false, name: null, hours: null, activities: null }
}

/** The stars of past months, newest first; who they are by nickname and team only. */
export async function stars({ deps }: ActionContext) {
  const months = await starMonths(deps.store).find({}, { sort: { _id: -1 }, limit: 24 })
  return months.map((m) => ({ month: m._id, status: m.status, noticeUntil: m.noticeUntil, note: m.note ?? null, winners: m.winners.map(({ nickname, team, hours, activities: n }) => ({ nickname, team, hours, activities: n })) }))
}
