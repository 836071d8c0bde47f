import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Page } from '../../types/api'
import type { PublicText } from '../../types/domain'
import { ACTIVITY_TYPE_LABELS, activityLocked, CHECK_OUT_LATE_MINUTES, type ActivityCard, type ActivityDetail, type ActivityInput, type Roster, type RosterRow } from '../../types/volunteer'
import type { ActionContext } from '../core/action'
import { conflict, forbidden, invalid } from '../core/errors'
import { saveExport } from '../core/expiring'
import { createdId } from '../core/idempotency'
import { beijingDateTime } from '../../types/calendar'
import { currentCode } from './checkin-code'
import { CANCEL_STEPS, finishActivity, MOVED_STEPS, ROSTER_STEPS, WIDEN_STEPS, type ActivityPending, type NotedActivity } from './moves'
import { volunteerRepository, type StoredActivity } from './repository'
import { checkOutClosesAt, maskPhone } from './rules'
import { toCard, toDetail } from './views'

async function own(ctx: ActionContext, id: string) {
  const activity = await volunteerRepository(ctx.deps.store).activity(id)
  if (activity.organizerId !== ctx.caller._id && !ctx.caller.roles.includes('admin')) throw forbidden('这不是您组织的活动')
  return activity
}

const detailOf = async (ctx: ActionContext, id: string) => toDetail(await volunteerRepository(ctx.deps.store).activity(id), ctx.caller, null, null, ctx.deps.clock.now())

export async function create(input: ActivityInput<PublicText>, ctx: ActionContext): Promise<ActivityDetail> {
  const { caller, deps } = ctx
  const at = deps.clock.now().toISOString()
  const activity: StoredActivity = {
    _id: createdId('act', ctx),
    ...input,
    taken: 0,
    tickets: 0,
    waiting: 0,
    status: 'draft',
    organizerId: caller._id,
    team: (await volunteerRepository(deps.store).findVolunteer(caller._id))?.team || caller.nickname,
    cancelReason: null,
    rosterConfirmedAt: null,
    remindedAt: null,
    createdAt: at,
    updatedAt: at,
    history: [{ at, by: caller._id, role: 'organizer', from: null, to: 'draft', note: '创建活动' }]
  }
  // a retry of the same request (a double tap, a lost answer) lands on the draft the first one made
  await volunteerRepository(deps.store).insertActivity(activity)
  return detailOf(ctx, activity._id)
}

/**
 * Edits an activity until it starts; capacity may not drop below the places already given. Places added go to the
 * line, and a new time or place follows into the sign-ups and is told to everyone holding or waiting for a place:
 * steps of the edit (volunteer/moves.ts), so a cut edit still takes them.
 */
export async function update(input: { id: string } & ActivityInput<PublicText>, ctx: ActionContext): Promise<ActivityDetail> {
  const { deps } = ctx
  const activity = await settled(ctx, await own(ctx, input.id))
  const at = deps.clock.now().toISOString()
  if (activity.status === 'cancelled') throw conflict('活动已取消，不能再修改')
  if (activityLocked(activity, new Date(at))) throw conflict('活动已开始，不能再修改')
  if (input.capacity < activity.taken) throw invalid('capacity', `已有 ${activity.taken} 人报名，名额不能少于 ${activity.taken}`)
  const { id, ...fields } = input
  const moved = input.startAt !== activity.startAt || input.endAt !== activity.endAt || input.place.address !== activity.place.address
  const steps = [...(input.capacity > activity.capacity ? WIDEN_STEPS : []), ...(moved && activity.status === 'published' ? MOVED_STEPS : [])]
  const pending: ActivityPending | null = steps.length ? { move: 'edit', key: deps.ids.next(), at, steps, by: ctx.caller._id } : null
  const set = { ...fields, updatedAt: at, ...(input.startAt !== activity.startAt ? { remindedAt: null } : {}), ...(pending ? { pending } : {}) }
  const repo = volunteerRepository(deps.store)
  const done = await repo.editActivity(activity, set, { at, by: ctx.caller._id, role: 'organizer', from: activity.status, to: activity.status, note: '修改活动信息' })
  if (!done) throw conflict('活动刚刚有变化（可能有新的报名），请刷新后再修改')
  if (moved && !pending) await repo.reschedule(id, input.startAt, input.endAt)
  if (pending) await finishActivity(deps, { ...activity, ...set, pending })
  return detailOf(ctx, id)
}

/** An activity whose last move a crash cut short, that move finished first; refused while another call still runs it. */
async function settled(ctx: ActionContext, activity: NotedActivity): Promise<NotedActivity> {
  if (!activity.pending) return activity
  if ((await finishActivity(ctx.deps, activity)).pending) throw conflict('活动的上一步操作还在处理中，请稍后再试')
  return own(ctx, activity._id)
}

export async function publish(input: { id: string }, ctx: ActionContext): Promise<ActivityDetail> {
  const activity = await own(ctx, input.id)
  const at = ctx.deps.clock.now().toISOString()
  if (at > activity.signupDeadline) throw invalid('signupDeadline', '报名截止时间已过，请先修改时间再发布')
  const done = await volunteerRepository(ctx.deps.store).publish(activity._id, at, { at, by: ctx.caller._id, role: 'organizer', from: 'draft', to: 'published', note: '发布活动' })
  if (!done) throw conflict('只有草稿可以发布')
  return detailOf(ctx, activity._id)
}

/**
 * 取消活动, until it starts: everyone holding or waiting for a place is told why and their place given up, so it
 * blocks no other activity (steps of the move, volunteer/moves.ts).
 */
export async function cancelActivity(input: { id: string; reason: PublicText }, ctx: ActionContext): Promise<ActivityDetail> {
  const { deps } = ctx
  const found: NotedActivity = await own(ctx, input.id)
  // a cancellation cut short: cancelling again finishes it and answers as it would have
  if (found.pending?.move === 'cancel') {
    await finishActivity(deps, found)
    return detailOf(ctx, found._id)
  }
  const activity = await settled(ctx, found)
  const at = deps.clock.now().toISOString()
  if (activity.status === 'cancelled') throw conflict('活动已经取消了')
  if (activityLocked(activity, new Date(at))) throw conflict('活动已开始，不能再取消')
  const pending: ActivityPending = { move: 'cancel', key: deps.ids.next(), at, steps: CANCEL_STEPS, by: ctx.caller._id, from: activity.status }
  const entry = { at, by: ctx.caller._id, role: 'organizer' as const, from: activity.status, to: 'cancelled', note: input.reason }
  if (!(await volunteerRepository(deps.store).cancelActivity(activity, input.reason, at, pending, entry))) throw conflict('活动刚刚有变化，请刷新后再试')
  await finishActivity(deps, { ...activity, status: 'cancelled', cancelReason: input.reason, updatedAt: at, pending })
  return detailOf(ctx, activity._id)
}

export async function organized(input: { page: number; pageSize: number }, { caller, deps }: ActionContext): Promise<Page<ActivityCard>> {
  const { found, total } = await volunteerRepository(deps.store).organizedPage(caller.roles.includes('admin') ? undefined : caller._id, input.page, input.pageSize)
  return { items: found.map((a) => toCard(a, null, deps.clock.now())), total, page: input.page, pageSize: input.pageSize }
}

export async function code(input: { id: string }, ctx: ActionContext) {
  const activity = await own(ctx, input.id)
  if (activity.status !== 'published') throw conflict('活动发布后才有签到码')
  const now = ctx.deps.clock.now()
  if (now > checkOutClosesAt(activity.endAt)) throw conflict(`活动已结束 ${CHECK_OUT_LATE_MINUTES / 60} 小时，签到码已停用；未签退的志愿者按活动结束时间自动签退`)
  return currentCode(await volunteerRepository(ctx.deps.store).secret(), activity._id, now)
}

export async function roster(input: { id: string }, ctx: ActionContext): Promise<Roster> {
  const activity = await own(ctx, input.id)
  const repo = volunteerRepository(ctx.deps.store)
  const list = await repo.signupsOf(activity._id)
  const people = await repo.people(list.map((s) => s.userId))
  const order = (s: (typeof list)[number]) => (s.status === 'confirmed' || s.status === 'offered' ? 0 : s.status === 'waitlisted' ? 1 : 2)
  const rows: RosterRow[] = [...list]
    .sort((a, b) => order(a) - order(b) || (a.ticket ?? 0) - (b.ticket ?? 0))
    .map((s) => {
      const v = people.volunteers.get(s.userId)
      return {
        userId: s.userId,
        nickname: people.users.get(s.userId)?.nickname ?? '',
        realName: v?.realName ?? '',
        phone: maskPhone(v?.phone ?? ''),
        status: s.status,
        ticket: s.ticket,
        checkInAt: s.checkInAt,
        checkOutAt: s.checkOutAt,
        autoCheckout: s.autoCheckout,
        placeCheck: s.placeCheck ?? null,
        attendance: s.attendance,
        hours: s.hours
      }
    })
  return { activity: toDetail(activity, ctx.caller, null, null, ctx.deps.clock.now()), rows, confirmedAt: activity.rosterConfirmedAt }
}

/** 核实: the organizer approves or refuses a check-in made without a location, until the roster is confirmed. */
export async function reviewAttendance(input: { id: string; userId: string; approve: boolean }, ctx: ActionContext): Promise<Roster> {
  const activity = await own(ctx, input.id)
  if (activity.rosterConfirmedAt) throw conflict('名单已确认，不能再核实')
  const repo = volunteerRepository(ctx.deps.store)
  const signup = await repo.signup(activity._id, input.userId)
  if (!signup?.placeCheck) throw conflict('这位志愿者的签到不需要核实')
  const at = ctx.deps.clock.now().toISOString()
  const placeCheck = input.approve ? 'approved' : 'refused'
  const note = input.approve ? '组织者核实：认可签到' : '组织者核实：未认可签到位置'
  const done = await repo.reviewPlace(signup, placeCheck, at, { at, by: ctx.caller._id, role: 'organizer', from: signup.status, to: signup.status, note })
  if (!done) throw conflict('这位志愿者的签到刚刚有变化，请刷新后再核实')
  return roster(input, ctx)
}

/**
 * 确认名单 after the activity: each confirmed volunteer's time on site becomes hours (capped, 60% rule), no-shows
 * are recorded, and the hours go into the append-only service records (volunteer/moves.ts). Once per activity;
 * a confirmation a crash cut short is finished by confirming again.
 */
export async function confirmRoster(input: { id: string }, ctx: ActionContext): Promise<Roster> {
  const { deps } = ctx
  const found: NotedActivity = await own(ctx, input.id)
  // a confirmation cut short: confirming again finishes it and answers as it would have
  if (found.pending?.move === 'confirmRoster') {
    await finishActivity(deps, found)
    return roster(input, ctx)
  }
  const activity = await settled(ctx, found)
  const at = deps.clock.now().toISOString()
  if (at < activity.endAt) throw conflict('活动结束后才能确认名单')
  const repo = volunteerRepository(deps.store)
  const unchecked = await repo.unchecked(activity._id)
  if (unchecked) throw conflict(`还有 ${unchecked} 人的签到待核实，请先在名单中核实`)
  const pending: ActivityPending = { move: 'confirmRoster', key: deps.ids.next(), at, steps: ROSTER_STEPS, by: ctx.caller._id }
  const claimed = await repo.claimRoster(activity._id, at, pending)
  if (!claimed) throw conflict('名单已经确认过了')
  await finishActivity(deps, { ...activity, rosterConfirmedAt: at, updatedAt: at, pending })
  return roster(input, ctx)
}

const STATUS_TEXT = { confirmed: '已报名', waitlisted: '候补', offered: '待确认递补', cancelled: '已取消', passed: '递补超时' } as const
const ATTENDANCE_TEXT = { pending: '', present: '出勤', short: '不足规定时长', absent: '缺席' } as const

/** Written row by row into the compressed file, so a roster of thousands stays small in memory (as the ledger's export). */
export async function exportRoster(input: { id: string }, ctx: ActionContext) {
  const { activity, rows } = await roster(input, ctx)
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  const sheet = book.addWorksheet('活动名单')
  sheet.columns = [10, 12, 14, 12, 8, 18, 22, 14, 12].map((width) => ({ width }))
  sheet.addRow([`${activity.title}（${ACTIVITY_TYPE_LABELS[activity.type]}）`]).font = { bold: true, size: 14 }
  sheet.addRow([`${beijingDateTime(activity.startAt)} – ${beijingDateTime(activity.endAt).slice(11)} · ${activity.place.address}`])
  sheet.addRow(['姓名', '昵称', '手机', '状态', '候补号', '签到', '签退', '出勤', '时长（小时）']).font = { bold: true }
  for (const r of rows) {
    sheet.addRow([r.realName, r.nickname, r.phone, STATUS_TEXT[r.status], r.ticket ?? '', r.checkInAt ? beijingDateTime(r.checkInAt) : '', r.checkOutAt ? `${beijingDateTime(r.checkOutAt)}${r.autoCheckout ? '（自动）' : ''}` : '', ATTENDANCE_TEXT[r.attendance], r.hours ?? '']).commit()
  }
  sheet.commit()
  await book.commit()
  return { ...(await saveExport(ctx, Buffer.concat(chunks), `${activity.title}-名单.xlsx`)), rows: rows.length }
}
