import { pastDeadline } from '../../types/report-moves'
import type { Page, ReportCard, ReportDetail } from '../../types/api'
import type { PublicText } from '../../types/domain'
import type { ActionContext } from '../core/action'
import { conflict, forbidden } from '../core/errors'
import { hoursBetween } from './office'
import { reportRepository } from './repository'
import { WITH_DEPARTMENT } from './state'
import { toCards, toDetail } from './views'
import { assertMove, assertOwnDepartment, move, withCleanPhotos } from './workflow'

/** The department's cases, the nearest deadline first. */
export async function queue(input: { page: number; pageSize: number; scope?: 'open' | 'all' }, { caller, deps }: ActionContext): Promise<Page<ReportCard>> {
  if (!caller.departmentId) throw forbidden('您还没有所属责任单位，请联系创文办')
  const q = { departmentId: caller.departmentId, ...(input.scope === 'all' ? {} : { status: { $in: WITH_DEPARTMENT } }) }
  const repo = reportRepository(deps.store)
  const [list, total] = await Promise.all([repo.find(q, { sort: { deadline: 1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }), repo.total({ departmentId: caller.departmentId }, input.scope === 'all' ? undefined : WITH_DEPARTMENT)])
  return { items: await toCards(deps, list, true), total, page: input.page, pageSize: input.pageSize }
}

async function own(ctx: ActionContext, id: string) {
  const report = await reportRepository(ctx.deps.store).get(id)
  assertOwnDepartment(ctx, report)
  return report
}

/** The caller's department as the office's notices name it. */
const departmentName = async ({ caller, deps }: ActionContext) => (await reportRepository(deps.store).department(caller.departmentId ?? ''))?.name ?? '责任单位'

export async function start(input: { id: string; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const started = await move(ctx, await own(ctx, input.id), 'start', { note: input.note || '已安排人员整改' })
  return toDetail(ctx.deps, started, ctx.caller)
}

/** 整改到位: the department shows its after photos; the office verifies before the case closes. */
export async function fix(input: { id: string; afterPhotos: string[]; note: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const report = await own(ctx, input.id)
  assertMove(report, 'fix')
  const unit = await departmentName(ctx)
  const at = ctx.deps.clock.now().toISOString()
  const fixed = await withCleanPhotos(ctx, input.afterPhotos, 'afterPhotos', 'after-photo', (afterPhotos) =>
    move(ctx, report, 'fix', {
      note: input.note,
      photos: afterPhotos,
      // fixed after its deadline: overdue, as the hourly sweep would have marked it, so the month's ranking counts it
      set: { afterPhotos, fixNote: input.note, fixedAt: at, hoursToFix: hoursBetween(report.assignedAt ?? report.createdAt, at), ...(report.deadline && report.deadline < at ? { overdue: true } : {}) },
      tell: { title: '问题已整改，待核查', body: `「${report.categoryName}」责任单位已整改，创文办核查后结案` },
      news: [{ to: 'office', title: '整改完成待核查', body: `${unit}已整改，请核查` }]
    })
  )
  return toDetail(ctx.deps, fixed, ctx.caller)
}

/** 退回: not this department's to fix; the office reassigns it. Only within the deadline, which it would erase. */
export async function sendBack(input: { id: string; reason: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const report = await own(ctx, input.id)
  if (pastDeadline(report, ctx.deps.clock.now())) throw conflict('已过整改期限，不能再退回；如确非本单位职责，请联系创文办改派')
  const returned = await move(ctx, report, 'sendBack', {
    note: `退回创文办：${input.reason}`,
    set: { departmentId: null, deadline: null, overdue: false, extension: null },
    news: [{ to: 'office', title: '问题被退回待重新交办', body: `${await departmentName(ctx)}退回：${input.reason}` }]
  })
  return toDetail(ctx.deps, returned, ctx.caller)
}

export async function requestExtension(input: { id: string; days: number; reason: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const requested = await move(ctx, await own(ctx, input.id), 'requestExtension', {
    note: `申请延期 ${input.days} 个工作日：${input.reason}`,
    set: { extension: { days: input.days, reason: input.reason, requestedAt: ctx.deps.clock.now().toISOString() } },
    news: [{ to: 'office', title: '延期申请待审批', body: `${await departmentName(ctx)}申请延期 ${input.days} 个工作日：${input.reason}` }]
  })
  return toDetail(ctx.deps, requested, ctx.caller)
}
