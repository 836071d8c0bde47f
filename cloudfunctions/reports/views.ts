import type { FeedItem, ReportCard, ReportDetail, TimelineEntry } from '../../types/api'
import { ROLE_LABELS, type Department, type Report, type User } from '../../types/domain'
import type { Deps } from '../core/ports'
import { reportRepository } from './repository'
import { FOLLOWABLE, isStaffOf, mayNameReporter } from './state'
import { sourceOf } from './tallies'

/** The temporary URL of each file a view shows, asked of storage in one call for the whole view. */
export async function linksTo(deps: Deps, fileIds: string[]): Promise<(fileId: string) => string> {
  const wanted = [...new Set(fileIds)]
  const urls = await deps.files.urls(wanted)
  const byId = new Map(wanted.map((id, i) => [id, urls[i]]))
  return (fileId) => byId.get(fileId)!
}
const ref = (dept?: Department) => (dept ? { id: dept._id, name: dept.name } : null)

/** `staff`: the office or the case's department is looking, so review flags may show. */
export async function toCards(deps: Deps, list: Report[], staff = false): Promise<ReportCard[]> {
  const [depts, link] = await Promise.all([reportRepository(deps.store).departmentsById(list.map((r) => r.departmentId)), linksTo(deps, list.flatMap((r) => r.photos.slice(0, 1)))])
  return list.map((r) => toCard(r, depts, link, staff))
}

function toCard(r: Report, depts: Map<string, Department>, link: (fileId: string) => string, staff: boolean): ReportCard {
  return {
    id: r._id,
    no: r.no,
    status: r.status,
    categoryName: r.categoryName,
    description: r.description,
    address: r.location.address,
    thumb: r.photos[0] ? link(r.photos[0]) : null,
    createdAt: r.createdAt,
    deadline: r.deadline,
    overdue: r.overdue,
    department: ref(r.departmentId ? depts.get(r.departmentId) : undefined),
    followers: r.followers.length,
    needsReview: staff && r.needsReview,
    source: sourceOf(r)
  }
}

/** Who acted, as anyone may read it: residents stay 市民, staff speak for their office or department. */
function actorOf(entry: Report['history'][number], depts: Map<string, Department>) {
  if (entry.role === 'system') return '系统'
  if (entry.role === 'admin') return '创文办'
  if (entry.role === 'inspector') return '督查组'
  if (entry.role === 'handler') return depts.get(entry.departmentId ?? '')?.name ?? ROLE_LABELS.handler
  return '市民'
}

export async function toDetail(deps: Deps, r: Report, viewer: User): Promise<ReportDetail> {
  const repo = reportRepository(deps.store)
  const staff = isStaffOf(viewer, r)
  const [depts, link] = await Promise.all([
    repo.departmentsById([r.departmentId, ...r.history.map((h) => h.departmentId)]),
    linksTo(deps, [...r.photos, ...r.afterPhotos, ...r.history.flatMap((h) => h.photos ?? [])])
  ])
  const timeline: TimelineEntry[] = r.history.map((h) => ({
    at: h.at,
    actor: actorOf(h, depts),
    from: (h.from as TimelineEntry['from']) ?? null,
    to: h.to as TimelineEntry['to'],
    note: h.note ?? null,
    photos: (h.photos ?? []).map(link),
    deadline: h.deadline ?? null
  }))
  const grid = r.gridId ? await repo.grid(r.gridId) : null
  const reporter = mayNameReporter(viewer, r) ? (await repo.usersById([r.reporterId])).get(r.reporterId)?.nickname ?? null : null
  const mine = r.reporterId === viewer._id
  const following = r.followers.includes(viewer._id)
  return {
    ...toCard(r, depts, link, staff),
    photos: r.photos.map(link),
    afterPhotos: r.afterPhotos.map(link),
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

export async function toFeedItems(deps: Deps, list: { r: Report; distance: number | null }[]): Promise<FeedItem[]> {
  const link = await linksTo(deps, list.flatMap(({ r }) => r.photos))
  return list.map(({ r, distance }) => ({
    id: r._id,
    categoryName: r.categoryName,
    status: r.status,
    description: r.description,
    address: r.location.address,
    photos: r.photos.map(link),
    createdAt: r.createdAt,
    distance
  }))
}
