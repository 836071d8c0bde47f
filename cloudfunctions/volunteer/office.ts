import type { Page } from '../../types/api'
import { shortListNote, starsMonth, starsToChoose, type CorrectionRequest, type IdentityChange, type StarsMonth, type StarWinner, type Volunteer, type VolunteerIdentity, type VolunteerSummary } from '../../types/volunteer'
import type { ActionContext } from '../core/action'
import { createdId } from '../core/idempotency'
import { conflict, invalid } from '../core/errors'
import { isPhoneWord, takePhoneSearch } from '../core/phone-search'
import { beijingDateTime, beijingDay } from '../../types/calendar'
import { volunteerRepository } from './repository'
import { identityOf, maskPhone } from './rules'

/** What the office may know of a volunteer: the name on paper sign-in sheets and a masked phone. */
const toSummary = (v: Volunteer, nickname: string): VolunteerSummary => ({
  userId: v._id,
  realName: v.realName,
  nickname,
  phone: maskPhone(v.phone),
  team: v.team,
  hours: v.hours,
  makeupHours: v.makeupHours,
  activities: v.activities,
  registeredAt: v.registeredAt
})

/**
 * Registered volunteers for the office to pick from, newest first, found by real name or team, or by a phone's
 * last four digits or whole number; phone searches are limited per hour, so numbers cannot be guessed through it.
 */
export async function listVolunteers(input: { page: number; pageSize: number; keyword?: string }, { caller, deps }: ActionContext): Promise<Page<VolunteerSummary>> {
  const repo = volunteerRepository(deps.store)
  const word = input.keyword
  if (word && isPhoneWord(word)) await takePhoneSearch(deps, caller._id)
  const { found, total } = await repo.volunteerPage(word ? { text: word, phone: isPhoneWord(word) } : undefined, input.page, input.pageSize)
  const people = await repo.people(found.map((v) => v._id))
  return {
    items: found.map((v) => toSummary(v, people.users.get(v._id)?.nickname ?? '')),
    total,
    page: input.page,
    pageSize: input.pageSize
  }
}

const masked = (v: VolunteerIdentity): VolunteerIdentity => ({ ...v, phone: maskPhone(v.phone) })

/** Identity corrections waiting for the office, oldest first. */
export async function corrections(input: { page: number; pageSize: number }, { deps }: ActionContext): Promise<Page<CorrectionRequest>> {
  const { found, total } = await volunteerRepository(deps.store).pendingCorrections(input)
  return {
    items: found.map((v) => ({ userId: v._id, team: v.team, hours: v.hours, makeupHours: v.makeupHours, from: masked(identityOf(v)), to: masked(identityOf(v.correction!)), requestedAt: v.correction!.requestedAt })),
    total,
    page: input.page,
    pageSize: input.pageSize
  }
}

/** 更正: the office approves (the identity changes, on the record) or refuses (it stays, the refusal on the record). */
export async function decideCorrection(input: { userId: string; approve: boolean; reason?: string }, { caller, deps }: ActionContext): Promise<VolunteerSummary> {
  const repo = volunteerRepository(deps.store)
  const v = await repo.findVolunteer(input.userId)
  if (!v?.correction) throw conflict('这位志愿者没有待审核的信息更正')
  if (!input.approve && !input.reason) throw invalid('reason', '请填写不予更正的原因')
  const from = identityOf(v)
  const to = identityOf(v.correction)
  const change: IdentityChange = { at: deps.clock.now().toISOString(), by: caller._id, from, to: input.approve ? to : from, note: input.approve ? '创文办核准更正' : `创文办未核准更正：${input.reason}` }
  const set = input.approve ? { ...to, correction: null } : { correction: null }
  if (!(await repo.decideCorrection(v, set, change))) throw conflict('该更正刚刚有变化，请刷新后再试')
  const people = await repo.people([v._id])
  return toSummary(await repo.volunteer(v._id), people.users.get(v._id)?.nickname ?? '')
}

/**
 * 补录: hours the office vouches for without a roster, always with a reason, kept apart from verified hours; the
 * page's retry of the same request adds nothing more.
 */
export async function makeup(input: { userId: string; hours: number; reason: string }, ctx: ActionContext): Promise<VolunteerSummary> {
  const { caller, deps } = ctx
  const repo = volunteerRepository(deps.store)
  await repo.volunteer(input.userId).catch(() => {
    throw invalid('userId', '该用户还不是注册志愿者')
  })
  const at = deps.clock.now().toISOString()
  await repo.addMakeup({ _id: createdId('makeup', ctx), userId: input.userId, activityId: null, activityTitle: null, hours: input.hours, kind: 'makeup', reason: input.reason, by: caller._id, at, month: beijingDay(at).slice(0, 7) })
  const people = await repo.people([input.userId])
  return toSummary(await repo.volunteer(input.userId), people.users.get(input.userId)?.nickname ?? '')
}

/** A month's candidates for 志愿服务之星: verified hours, then number of activities. */
export async function candidates(input: { month: string }, { deps }: ActionContext): Promise<StarWinner[]> {
  const repo = volunteerRepository(deps.store)
  const rows = await repo.monthTop(input.month)
  const { nicknames, teams } = await repo.nicknamesAndTeams(rows.map((r) => r.userId))
  return rows.map((r) => ({ userId: r.userId, nickname: nicknames.get(r.userId) ?? '', team: teams.get(r.userId) ?? '', hours: Math.round(r.hours * 10) / 10, activities: r.activities }))
}

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`

/** 公示: the chosen stars are shown publicly for the notice period before they are final. */
export async function publishStars(input: { month: string; userIds: string[] }, ctx: ActionContext): Promise<StarsMonth> {
  const { deps } = ctx
  const now = deps.clock.now()
  if (input.month > starsMonth(now)) throw invalid('month', `${monthText(input.month)}还没有结束，月底后再评选`)
  const repo = volunteerRepository(deps.store)
  const rules = await repo.settings()
  const pool = new Map((await candidates({ month: input.month }, ctx)).map((c) => [c.userId, c]))
  if (pool.size === 0) throw invalid('month', `${monthText(input.month)}还没有志愿者有服务时长`)
  const outsider = input.userIds.find((id) => !pool.has(id))
  if (outsider) throw invalid('userIds', '只能从本月有服务时长的志愿者中评选')
  const short = pool.size < rules.starsPerMonth
  if (new Set(input.userIds).size < starsToChoose(rules.starsPerMonth, pool.size)) {
    throw invalid('userIds', short ? `本月符合条件的志愿者共 ${pool.size} 人，请全部选上` : `每月至少评选 ${rules.starsPerMonth} 名志愿服务之星`)
  }
  const winners = [...new Set(input.userIds)].map((id) => pool.get(id)!).sort((a, b) => b.hours - a.hours || b.activities - a.activities)
  const noticeUntil = new Date(now.getTime() + rules.noticeDays * 86400000).toISOString()
  const existing = await repo.starsOf(input.month)
  if (existing?.status === 'published') throw conflict(`${input.month} 的志愿服务之星已正式发布`)
  const note = short ? shortListNote(pool.size) : null
  const month: StarsMonth = { _id: input.month, status: 'notice', winners, noticeUntil, publishedAt: null, note }
  if (existing) await repo.renotice(input.month, { winners, noticeUntil, note })
  else await repo.insertStars(month)
  return month
}

export async function finalizeStars(input: { month: string }, { deps }: ActionContext): Promise<StarsMonth> {
  const repo = volunteerRepository(deps.store)
  const month = await repo.starsOf(input.month)
  if (!month) throw invalid('month', '这个月还没有公示名单')
  const now = deps.clock.now().toISOString()
  if (month.status === 'published') return month
  if (now < month.noticeUntil) throw conflict(`公示期至 ${beijingDateTime(month.noticeUntil)}，期满后才能正式发布`)
  await repo.publishStars(input.month, now)
  return { ...month, status: 'published', publishedAt: now }
}
