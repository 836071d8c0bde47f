import { REPORT_STATUS_LABELS, type Report, type ReportHistoryEntry, type ReportStatus, type User } from '../../types/domain'
import type { ActionContext } from '../core/action'
import { conflict, forbidden, invalid } from '../core/errors'
import { discard } from '../core/expiring'
import { imageType, PIXELS_REFUSED, stripImageMetadata, tooManyPixels } from '../core/images'
import type { Deps } from '../core/ports'
import { finishMove, AFTER_EVERY_MOVE } from './moves'
import { reportRepository, type CasePending, type News, type StoredReport } from './repository'
import { factsOf } from './tallies'
import { MOVES, type Move } from './state'

export interface MoveDetails {
  set?: Partial<StoredReport>
  note?: string
  photos?: string[]
  deadline?: string
  departmentId?: string
  /** Where `reopen` leads; every other move goes where the table says. */
  to?: ReportStatus
  /** What the reporter is told; by default the new status and the step's note. */
  tell?: { title: string; body: string }
  /** Who else is told, and what: a step of the move too, so a cut never loses it and a retry never repeats it. */
  news?: News[]
  /** Steps of this move beyond the figures and the reporter's notice (reports/moves.ts). */
  then?: string[]
}

/**
 * Makes one move of the state machine: refuses a move the case's status does not allow, applies it only if
 * nobody changed the case meanwhile, appends the step to the case's history and, noted on the case in the same
 * write, the steps that follow (the figures, the notices, points), then takes them. A move a crash
 * cut short is finished first: when it is the move asked for (a retry), that is the answer.
 */
export async function move({ caller, deps }: Pick<ActionContext, 'caller' | 'deps'>, found: StoredReport, name: Move, details: MoveDetails = {}): Promise<StoredReport> {
  const report = await finishMove(deps, found)
  if (found.pending?.move === name) return report
  // its figures are being counted, or were cut while counted and wait for the sweep's recount
  if (report.pending) throw conflict('该问题上一步还在处理中，请稍后再试')
  const rule = MOVES[name]
  assertMove(report, name)
  const at = deps.clock.now().toISOString()
  const to = details.to ?? rule.to
  const role = rule.by === 'system' ? 'system' : rule.by === 'reporter' ? 'resident' : rule.by
  const departmentId = details.departmentId ?? (role === 'handler' ? caller.departmentId : undefined)
  const entry: ReportHistoryEntry = {
    at,
    by: rule.by === 'system' ? 'system' : caller._id,
    role,
    from: report.status,
    to,
    note: details.note ?? rule.label,
    ...(details.photos?.length ? { photos: details.photos } : {}),
    ...(details.deadline ? { deadline: details.deadline } : {}),
    ...(departmentId ? { departmentId } : {})
  }
  const tell = rule.by === 'reporter' ? null : (details.tell ?? { title: `随手拍进展：${REPORT_STATUS_LABELS[to]}`, body: `「${report.categoryName}」${entry.note}` })
  const pending: CasePending = { move: name, key: deps.ids.next(), at, steps: [...AFTER_EVERY_MOVE, ...(details.then ?? [])], from: factsOf(report), tell, news: details.news ?? [] }
  const set = { ...details.set, status: to, updatedAt: at }
  const matched = await reportRepository(deps.store).write(report, { $set: { ...set, pending }, $push: { history: entry } })
  if (!matched) throw conflict('该问题刚刚被其他人处理过，请刷新后再试')
  return finishMove(deps, { ...report, ...set, history: [...report.history, entry], pending })
}

/** Refuses a move the case's status does not allow; moves that take photos ask first, so a resent move answers 409. */
export function assertMove(report: Report, name: Move) {
  const rule = MOVES[name]
  if (!rule.from.includes(report.status)) throw conflict(`该问题当前「${REPORT_STATUS_LABELS[report.status]}」，不能${rule.label}`)
}

/** A handler may only act on their own department's cases. */
export function assertOwnDepartment({ caller }: ActionContext, report: Report) {
  if (!report.departmentId || report.departmentId !== caller.departmentId) throw forbidden('这不是本单位承办的问题')
}

/**
 * Photos as they will be kept: each must be an image the caller uploaded, judged by its bytes and of at most
 * MAX_PIXELS by its header (in WeChat photos go to storage unchecked), and is stored
 * again without EXIF/GPS or other metadata whatever the client did, so a resident's location never leaks
 * through a photo. `use` runs with the copies: if it throws, the copies go and the uploads stay for a retry;
 * once it is done the uploads, metadata and all, are discarded with the move (the next sweep deletes them).
 */
export async function withCleanPhotos<T>(
  { caller, deps }: Pick<ActionContext, 'caller' | 'deps'>,
  ids: string[],
  field: string,
  purpose: 'report-photo' | 'after-photo',
  use: (photos: string[]) => Promise<T>
): Promise<T> {
  const copies: string[] = []
  try {
    for (const [i, id] of ids.entries()) {
      const file = await deps.files.get(id)
      const type = file && imageType(file.content)
      if (!file || !type || file.owner !== caller._id || file.purpose !== 'upload') throw invalid(field, `第 ${i + 1} 张照片没有上传成功，请重新上传`)
      if (tooManyPixels(file.content)) throw invalid(field, `第 ${i + 1} 张${PIXELS_REFUSED}`)
      let content: Buffer
      try {
        content = stripImageMetadata(file.content)
      } catch {
        throw invalid(field, `第 ${i + 1} 张照片已损坏，请重新拍摄`)
      }
      copies.push((await deps.files.put(content, { contentType: type, owner: caller._id, purpose })).fileId)
    }
    const result = await use(copies)
    await discard(deps, ids)
    return result
  } catch (error) {
    await deps.files.remove(copies)
    throw error
  }
}

/**
 * Tells a user about a case through the Notifier (subscribe message in WeChat, the in-app outbox always), naming
 * the case by number and place after the news: two cases of one kind read alike otherwise.
 */
export async function tell(deps: Deps, userIds: string[], report: Report, title: string, news: string, key?: string) {
  if (!userIds.length) return
  const people = await reportRepository(deps.store).usersById(userIds)
  const body = `${news}（${report.no}，${report.location.address}）`
  for (const user of people.values()) {
    await deps.notifier.notify({ userId: user._id, openid: user.openid, template: `report.${report.status}`, title, body, page: `/packages/report/detail/index?id=${report._id}`, ...(key ? { key: `${key}:${user._id}` } : {}) })
  }
}

/** `key` names the notice, so a move's step taken again does not tell twice. */
export const tellReporter = (deps: Deps, report: Report, title: string, body: string, key?: string) => tell(deps, [report.reporterId], report, title, body, key)

/** A notice to staff goes to this many of them at most, so a crowded office or department cannot make one move slow. */
const STAFF_PER_NOTICE = 50

/** Named apart from the reporter's notice of the same move (`staff.report.<status>`), so the city can give staff a subscribe template of their own. */
async function tellStaff(deps: Deps, staff: User[], report: Report, title: string, body: string, key?: string) {
  for (const user of staff) {
    await deps.notifier.notify({ userId: user._id, openid: user.openid, template: `staff.report.${report.status}`, title, body, page: `/packages/staff/case/index?id=${report._id}`, ...(key ? { key: `${key}:${user._id}` } : {}) })
  }
}

/** What now waits on the department the case is with, told to its handlers. */
export async function tellDepartment(deps: Deps, report: Report, title: string, body: string, key?: string) {
  if (!report.departmentId) return
  await tellStaff(deps, await reportRepository(deps.store).handlersOf(report.departmentId, STAFF_PER_NOTICE), report, title, body, key)
}

/** What now waits on the office (a new case, a fix to verify, an extension, a case sent back), told to its admins. */
export async function tellOffice(deps: Deps, report: Report, title: string, detail: string, key?: string) {
  await tellStaff(deps, await reportRepository(deps.store).admins(STAFF_PER_NOTICE), report, title, `「${report.categoryName}」${report.no}，${detail}`, key)
}

/** A move's news to those it names, as the case stands after the move. */
export function tellNews(deps: Deps, report: Report, { to, title, body }: News, key: string) {
  if (to === 'followers') return tell(deps, report.followers, report, title, body, key)
  if (to === 'department') return tellDepartment(deps, report, title, body, key)
  return tellOffice(deps, report, title, body, key)
}
