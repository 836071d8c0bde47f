import type { FeedItem, ReportCard, ReportDetail, TimelineEntry } from '../../types/api'
import { ROLE_LABELS, type Department, type Report, type User } from '../../types/domain'
import type { Deps } from '../core/ports'
import { reportRepository } from './repository'
import { FOLLOWABLE, isStaffOf, mayNameReporter } from './state'

const urls = (deps: Deps, ids: string[]) => Promise.all(ids.map((id) => deps.files.url(id)))
const ref = (dept?: Department) => (dept ? { id: dept._id, name: dept.name } : null)

/** `staff`: the office or the case's department is looking, so review flags may show. */
export async function toCards(deps: Deps, list: Report[], staff = false): Promise<ReportCard[]> {
  const depts = await reportRepository(deps.store).departmentsById(list.map((r) => r.departmentId))
  return Promise.all(
    list.map(async (r) => ({
      id: r._id,
      no: r.no,
      status: r.status,
      categoryName: r.categoryName,
      description: r.description,
      address: r.location.address,
      thumb: r.photos[0] ? await deps.files.url(r.photos[0]) : null,
      createdAt: r.createdAt,
      deadline: r.deadline,
      overdue: r.overdue,
      department: ref(r.departmentId ? depts.get(r.departmentId) : undefined),
      followers: r.followers.length,
      needsReview: staff && r.needsReview
    }))
  )
}

/** Who acted, as anyone may read it: residents stay 市民, staff speak for their office or department. */
function actorOf(entry: Report['history'][number], depts: Map<string, Department>) {
  if (entry.role === 'system') return '系统'
  if (entry.role === 'admin') return '创文办'
  if (entry.role === 'handler') return depts.get(entry.departmentId ?? '')?.name ?? ROLE_LABELS.handler
  return '市民'
}

export async function toDetail(deps: Deps, r: Report, viewer: User): Promise<ReportDetail> {
  const repo = reportRepository(deps.store)
  const staff = isStaffOf(viewer, r)
  const depts = await repo.departmentsById([r.departmentId, ...r.history.map((h) => h.departmentId)])
  const [card] = await toCards(deps, [r], staff)
  const timeline: TimelineEntry[] = await Promise.all(
    r.history.map(async (h) => ({
      at: h.at,
      actor: actorOf(h, depts),
      from: (h.from as TimelineEntry['from']) ?? null,
      to: h.to as TimelineEntry['to'],
      note: h.note ?? null,
      photos: await urls(deps, h.photos ?? []),
      deadline: h.deadline ?? null
    }))
  )
  const grid = r.gridId ? await repo.grid(r.gridId) : null
  const reporter = mayNameReporter(viewer, r) ? (await repo.usersById([r.reporterId])).get(r.reporterId)?.nickname ?? null : null
  const mine = r.reporterId === viewer._id
  const following = r.followers.includes(viewer._id)
  return {
    ...card,
    photos: await urls(deps, r.photos),
    afterPhotos: await urls(deps, r.afterPhotos),
    location: r.location,
    anonymous: r.anonymous,
    categoryId: r.categoryId,
    grid: grid ? { id: grid._id, name: grid.name } : null,
    fixNote: r.fixNote,
    rejectReason: r.rejectReason,
    duplicateOf: r.duplicateOf,
    onSpot: r.onSpot,
    extension: r.extension,
    confirmation: r.confirmation,
    timeline,
    mine,
    following,
    canConfirm: mine && r.status === 'closed' && r.confirmation?.state === 'pending',
    canFollow: !mine && !following && FOLLOWABLE.includes(r.status),
    reporter
  }
}

export async function toFeedItem(deps: Deps, r: Report, distance: number | null): Promise<FeedItem> {
  return {
    id: r._id,
    categoryName: r.categoryName,
    status: r.status,
    description: r.description,
    address: r.location.address,
    photos: await urls(deps, r.photos),
    createdAt: r.createdAt,
    distance
  }
}
