import type { LedgerFilter, LedgerStats, Page, ReportCard, ReportDetail, RoutingSuggestion } from '../../types/api'
import { deadlineDaysOf, REPORT_STATUS_LABELS, type PublicText, type Report } from '../../types/domain'
import { mayBeOriginal } from '../../types/report-moves'
import type { ActionContext } from '../core/action'
import { invalid, notFound } from '../core/errors'
import { saveExport } from '../core/expiring'
import { beijingDateTime, deadlineAfter } from '../../types/calendar'
import { buildLedgerWorkbook, type LedgerRow } from './ledger-export'
import { ledgerQuery, reportRepository, type News } from './repository'
import { sourceOf, toStats } from './tallies'
import { ACCEPT_POINTS } from './moves'
import { toCards, toDetail } from './views'
import { assertMove, move, withCleanPhotos } from './workflow'

/**
 * The most cases one export writes. Streamed, its memory stays flat; its time grows with the rows, and 100,000
 * (`npm run bench`) end well inside the reports function's 60 s timeout, reads of 1,000 included.
 */
const EXPORT_LIMIT = 100_000

type Paged<T> = T & { page: number; pageSize: number }

export async function ledger(input: Paged<LedgerFilter>, { deps }: ActionContext): Promise<Page<ReportCard>> {
  const repo = reportRepository(deps.store)
  const q = ledgerQuery(input)
  // The triage queue works oldest first; the ledger reads newest first.
  const sort = { createdAt: input.status === 'submitted' ? 1 : -1 } as const
  const [list, total] = await Promise.all([repo.find(q, { sort, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }), repo.total(input)])
  return { items: await toCards(deps, list, true), total, page: input.page, pageSize: input.pageSize }
}

/** The figures as the campaign documents report them, over the filtered ledger. */
export async function stats(filter: LedgerFilter, { deps }: ActionContext): Promise<LedgerStats> {
  return toStats(await reportRepository(deps.store).stats(filter))
}

export async function exportLedger(filter: LedgerFilter, ctx: ActionContext) {
  const { deps } = ctx
  const repo = reportRepository(deps.store)
  const total = await repo.total(filter)
  if (total > EXPORT_LIMIT) throw invalid('from', `符合条件的问题有 ${total} 条，一次最多导出 ${EXPORT_LIMIT} 条，请缩小日期范围`)
  const [depts, grids, figures] = await Promise.all([repo.allDepartments(), repo.allGrids(), stats(filter, ctx)])
  const name = new Map([...depts, ...grids].map((d) => [d._id, d.name]))
  let rows = 0
  async function* ledgerRows(): AsyncGenerator<LedgerRow> {
    for await (const page of repo.ledgerPages(filter)) {
      rows += page.length
      yield* page.map((r) => ({
        no: r.no,
        source: sourceOf(r),
        createdAt: r.createdAt,
        category: r.categoryName,
        description: r.description,
        address: r.location.address,
        grid: (r.gridId && name.get(r.gridId)) || '',
        department: (r.departmentId && name.get(r.departmentId)) || '',
        status: REPORT_STATUS_LABELS[r.status],
        assignedAt: r.assignedAt,
        deadline: r.deadline,
        fixedAt: r.fixedAt,
        closedAt: r.closedAt,
        overdue: r.overdue,
        onSpot: r.onSpot,
        rating: r.confirmation?.rating ?? null
      }))
    }
  }
  const now = deps.clock.now().toISOString()
  const content = await buildLedgerWorkbook({ rows: ledgerRows(), stats: figures, title: '创文问题台账', generatedAt: now })
  return { ...(await saveExport(ctx, content, `问题台账-${beijingDateTime(now).slice(0, 10)}.xlsx`)), rows }
}

/** What the office most likely wants when assigning: the grid the point lies in, the kind's department and deadline. */
export async function suggest(input: { id: string }, { deps }: ActionContext): Promise<RoutingSuggestion> {
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  const [grid, category, calendar] = await Promise.all([report.gridId ? repo.grid(report.gridId) : null, repo.category(report.categoryId), repo.calendar()])
  const department = category?.departmentId ? await repo.department(category.departmentId) : null
  const deadlineDays = deadlineDaysOf(category)
  return {
    grid: grid ? { id: grid._id, name: grid.name, worker: grid.worker } : null,
    department: department ? { id: department._id, name: department.name } : null,
    deadlineDays,
    deadline: deadlineAfter(deps.clock.now(), deadlineDays, calendar)
  }
}

/** 受理: the case is real; its reporter, the first to report this problem, earns points once. */
export async function accept(input: { id: string; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const found = await reportRepository(ctx.deps.store).get(input.id)
  const report = await move(ctx, found, 'accept', {
    note: input.note || '创文办已受理',
    set: { acceptedAt: ctx.deps.clock.now().toISOString() },
    tell: { title: '随手拍已受理', body: `「${found.categoryName}」已受理，感谢您为文明城市出力，积分 +${ACCEPT_POINTS}` },
    then: ['award']
  })
  return toDetail(ctx.deps, report, ctx.caller)
}

export async function reject(input: { id: string; reason: string; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const repo = reportRepository(ctx.deps.store)
  if (!(await repo.rejectReasons()).includes(input.reason)) throw invalid('reason', '请从列表中选择不予受理的理由')
  const note = `不予受理：${input.reason}${input.note ? `（${input.note}）` : ''}`
  const report = await move(ctx, await repo.get(input.id), 'reject', { note, set: { rejectReason: input.reason }, tell: { title: '随手拍未被受理', body: note } })
  return toDetail(ctx.deps, report, ctx.caller)
}

/** A second report of a known problem: linked to the original, whose followers gain the reporter (reports/moves.ts). */
export async function markDuplicate(input: { id: string; duplicateOf: string }, ctx: ActionContext): Promise<ReportDetail> {
  const repo = reportRepository(ctx.deps.store)
  const report = await repo.get(input.id)
  const original = await repo.find({ $or: [{ _id: input.duplicateOf }, { no: input.duplicateOf }] }, { limit: 1 })
  if (!original.length || original[0]._id === report._id) throw notFound('原问题')
  if (!mayBeOriginal({ id: original[0]._id, status: original[0].status }, report._id)) throw invalid('duplicateOf', '原问题已不予受理或已并入其他问题，请选择其他案件')
  const dup = await move(ctx, report, 'markDuplicate', {
    note: `与 ${original[0].no} 为同一问题，并入原问题办理`,
    set: { duplicateOf: original[0]._id },
    tell: { title: '问题已并入原问题办理', body: `您反映的问题已有人上报（${original[0].no}），可在「我的随手拍」中跟进` },
    then: ['follow']
  })
  return toDetail(ctx.deps, dup, ctx.caller)
}

export async function assign(input: { id: string; departmentId: string; gridId?: string; deadlineDays: number; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const { deps } = ctx
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  const department = await repo.department(input.departmentId)
  if (!department) throw invalid('departmentId', '请选择责任单位')
  if (input.gridId && !(await repo.grid(input.gridId))) throw invalid('gridId', '所选网格不存在')
  const at = deps.clock.now().toISOString()
  const deadline = deadlineAfter(at, input.deadlineDays, await repo.calendar())
  const assigned = await move(ctx, report, 'assign', {
    note: `交办${department.name}，${input.deadlineDays ? `${input.deadlineDays} 个工作日内整改` : '当日整改'}${input.note ? `。${input.note}` : ''}`,
    deadline,
    departmentId: department._id,
    set: { departmentId: department._id, gridId: input.gridId ?? report.gridId, deadline, assignedAt: at, overdue: false, remindedAt: null, extension: null },
    tell: { title: '问题已交办', body: `「${report.categoryName}」已交办${department.name}整改` },
    news: [{ to: 'department', title: '新交办问题', body: `「${report.categoryName}」${report.location.address}，请于期限内整改` }]
  })
  return toDetail(deps, assigned, ctx.caller)
}

/** 立行立改: the office had it fixed at once; the case closes the same day with its after photos. */
export async function fixOnSpot(input: { id: string; afterPhotos: string[]; note: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const { deps } = ctx
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  assertMove(report, 'fixOnSpot')
  const at = deps.clock.now().toISOString()
  const closed = await withCleanPhotos(ctx, input.afterPhotos, 'afterPhotos', 'after-photo', (afterPhotos) =>
    move(ctx, report, 'fixOnSpot', {
      note: `立行立改：${input.note}`,
      photos: afterPhotos,
      set: { onSpot: true, afterPhotos, fixNote: input.note, fixedAt: at, closedAt: at, hoursToFix: hoursBetween(report.acceptedAt ?? at, at), confirmation: { state: 'pending' } },
      tell: closedNotice(report),
      news: [followersTold(report)]
    })
  )
  return toDetail(deps, closed, ctx.caller)
}

/** 核查结案: the office checked the fix. Whether it ran late is settled now and stays. */
export async function verify(input: { id: string; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const { deps } = ctx
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  const at = deps.clock.now().toISOString()
  const late = report.overdue || (!!report.deadline && (report.fixedAt ?? at) > report.deadline)
  const closed = await move(ctx, report, 'verify', {
    note: input.note || '创文办核查整改到位，结案',
    set: { closedAt: at, overdue: late, confirmation: { state: 'pending' } },
    tell: closedNotice(report),
    news: [followersTold(report)]
  })
  return toDetail(deps, closed, ctx.caller)
}

const closedNotice = (report: Report) => ({ title: '问题已整改完毕', body: `「${report.categoryName}」已整改，请查看整改后照片并确认是否解决` })

/** Followers hear when the problem they also met is fixed. */
const followersTold = (report: Report): News => ({ to: 'followers', title: '您关注的问题已办结', body: `「${report.categoryName}」${report.location.address} 已整改完毕` })

/**
 * 返工: the fix did not pass the office's check. The unit gets the category's time again from now (never less than
 * it had), so a fix made in time is not made late by a slower check; a fix made late stays marked late.
 */
export async function rework(input: { id: string; reason: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const repo = reportRepository(ctx.deps.store)
  const found = await repo.get(input.id)
  const again = deadlineAfter(ctx.deps.clock.now(), deadlineDaysOf(await repo.category(found.categoryId)), await repo.calendar())
  const deadline = found.deadline && found.deadline > again ? found.deadline : again
  const report = await move(ctx, found, 'rework', {
    note: `要求返工：${input.reason}`,
    deadline,
    set: { fixedAt: null, afterPhotos: [], deadline, remindedAt: null },
    news: [{ to: 'department', title: '整改未通过核查', body: `「${found.categoryName}」需返工：${input.reason}` }]
  })
  return toDetail(ctx.deps, report, ctx.caller)
}

export async function grantExtension(input: { id: string; note?: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const { deps } = ctx
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  const days = report.extension?.days ?? 0
  const deadline = deadlineAfter(report.deadline ?? deps.clock.now(), days, await repo.calendar())
  const granted = await move(ctx, report, 'grantExtension', {
    note: `同意延期 ${days} 个工作日${input.note ? `：${input.note}` : ''}`,
    deadline,
    set: { deadline, overdue: deadline < deps.clock.now().toISOString(), remindedAt: null, extension: null },
    news: [{ to: 'department', title: '延期申请已同意', body: `「${report.categoryName}」整改时限延至新期限` }]
  })
  return toDetail(deps, granted, ctx.caller)
}

export async function refuseExtension(input: { id: string; note: PublicText }, ctx: ActionContext): Promise<ReportDetail> {
  const repo = reportRepository(ctx.deps.store)
  const found = await repo.get(input.id)
  const refused = await move(ctx, found, 'refuseExtension', {
    note: `不同意延期：${input.note}`,
    set: { extension: null },
    news: [{ to: 'department', title: '延期申请未同意', body: `「${found.categoryName}」请按原期限整改：${input.note}` }]
  })
  return toDetail(ctx.deps, refused, ctx.caller)
}

export const hoursBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / 3600000) * 10) / 10
