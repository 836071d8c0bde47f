import type { FeedItem, NearbyMatch, Page, ReportCard, ReportDetail } from '../../types/api'
import { deadlineDaysOf, type Category, type GeoPoint, type PublicText, type Report, type ReportLocation } from '../../types/domain'
import type { ActionContext } from '../core/action'
import { conflict, invalid, notFound } from '../core/errors'
import { boundingBox, distanceMeters, gridAt } from '../core/geo'
import { createdId } from '../core/idempotency'
import { DuplicateKeyError } from '../core/ports'
import { giveBackQuota, takeQuota } from '../core/quota'
import { beijingDay, deadlineAfter } from '../../types/calendar'
import { newCase, sourceOfCaller } from './cases'
import { reportRepository } from './repository'
import { FOLLOWABLE, mayOpen, PUBLIC, SETTLED } from './state'
import { linksTo, toCards, toDetail, toFeedItems } from './views'
import { move, tellOffice, tellReporter, withCleanPhotos } from './workflow'

export const DAILY_LIMIT = 10
const NEARBY_METERS = 100
const NEARBY_DAYS = 14
const FEED_METERS = 3000

export interface SubmitInput {
  categoryId: string
  description: PublicText
  photos: string[]
  location: ReportLocation
  anonymous: boolean
}

export async function submit(input: SubmitInput, ctx: ActionContext): Promise<ReportDetail> {
  const { caller, deps } = ctx
  const repo = reportRepository(deps.store)
  const _id = createdId('r', ctx)
  const filed = await repo.filed(_id)
  if (filed) return toDetail(deps, filed, caller)

  const category = await repo.category(input.categoryId)
  if (!category) throw invalid('categoryId', '请选择问题类别')
  const day = beijingDay(deps.clock.now())
  await takeQuota(deps, `${caller._id}:${day}`, DAILY_LIMIT, `每人每天最多上报 ${DAILY_LIMIT} 条，感谢您的热心，请明天再来`)
  return withCleanPhotos(ctx, input.photos, 'photos', 'report-photo', (photos) => file(input, ctx, { _id, day, category, needsReview: ctx.held.includes('description'), photos }))
}

async function file(input: SubmitInput, ctx: ActionContext, c: { _id: string; day: string; category: Category; needsReview: boolean; photos: string[] }): Promise<ReportDetail> {
  const { caller, deps } = ctx
  const repo = reportRepository(deps.store)
  const { _id, day, category, photos } = c

  const source = sourceOfCaller(caller)
  const report = newCase({
    _id,
    requestId: ctx.requestId!,
    source,
    reporter: caller,
    anonymous: input.anonymous,
    category,
    description: input.description,
    photos,
    location: input.location,
    gridId: gridAt(input.location, await repo.allGrids())?._id ?? null,
    needsReview: c.needsReview,
    at: deps.clock.now().toISOString(),
    filed: { role: 'resident', note: source === '随手拍' ? '市民随手拍上报' : '网格巡查上报' }
  })
  try {
    await repo.insert(report)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // Lost a race with the same submit: give back the place in the day's quota and answer the case filed.
    await giveBackQuota(deps, `${caller._id}:${day}`)
    await deps.files.remove(photos)
    return toDetail(deps, await repo.get(_id), caller)
  }
  await repo.bump({ reports: 1 })
  await tellReporter(deps, report, '随手拍已提交', `「${report.categoryName}」已提交，创文办将尽快受理`)
  await tellOffice(deps, report, '新随手拍待受理', report.location.address)
  return toDetail(deps, report, caller)
}

/** Open cases of the same kind within 100 m from the last 14 days that the caller may open, nearest first. */
export async function nearby(input: { categoryId: string } & GeoPoint, { caller, deps }: ActionContext): Promise<NearbyMatch[]> {
  const box = boundingBox(input, NEARBY_METERS)
  const since = new Date(deps.clock.now().getTime() - NEARBY_DAYS * 86400000).toISOString()
  const candidates = await reportRepository(deps.store).nearby({ categoryId: input.categoryId, userId: caller._id, since, box })
  const close = candidates
    .map((r) => ({ r, distance: distanceMeters(input, r.location) }))
    .filter((c) => c.distance <= NEARBY_METERS)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5)
  // Before the office accepts a case its photos stay with the office.
  const thumbOf = (r: Report) => (PUBLIC.includes(r.status) && r.photos[0]) || null
  const link = await linksTo(deps, close.flatMap(({ r }) => thumbOf(r) ?? []))
  return close.map(({ r, distance }) => {
    const thumb = thumbOf(r)
    return {
      id: r._id,
      no: r.no,
      categoryName: r.categoryName,
      status: r.status,
      description: r.description,
      address: r.location.address,
      thumb: thumb && link(thumb),
      createdAt: r.createdAt,
      distance,
      followers: r.followers.length,
      mine: r.reporterId === caller._id,
      following: r.followers.includes(caller._id)
    }
  })
}

/** 我也遇到: the caller follows a public open case instead of filing the same problem again. */
export async function follow(input: { id: string }, { caller, deps }: ActionContext) {
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  if (!mayOpen(caller, report)) throw notFound('该问题')
  if (report.reporterId === caller._id) throw conflict('这是您自己上报的问题')
  if (!FOLLOWABLE.includes(report.status)) throw conflict(SETTLED.includes(report.status) ? '该问题已办结，不能再关注' : '该问题尚未受理，暂不能关注')
  if (!report.followers.includes(caller._id)) await repo.follow(report._id, caller._id)
  return { followers: (await repo.get(report._id)).followers.length }
}

export async function mine(input: { page: number; pageSize: number; scope?: 'open' | 'closed' | 'all' }, { caller, deps }: ActionContext): Promise<Page<ReportCard>> {
  const { list, total } = await reportRepository(deps.store).minePage(caller._id, input.scope ?? 'all', input.page, input.pageSize)
  return { items: await toCards(deps, list), total, page: input.page, pageSize: input.pageSize }
}

export async function detail(input: { id: string }, { caller, deps }: ActionContext): Promise<ReportDetail> {
  const report = await reportRepository(deps.store).get(input.id)
  if (!mayOpen(caller, report)) throw notFound('该问题')
  return toDetail(deps, report, caller)
}

export interface ConfirmInput {
  id: string
  resolved: boolean
  rating?: number
  comment?: PublicText
  reason?: PublicText
}

/** The reporter's word on the fix: 已解决 settles the case; 未解决 sends it back to whoever fixes it. */
export async function confirm(input: ConfirmInput, ctx: ActionContext): Promise<ReportDetail> {
  const { caller, deps } = ctx
  const repo = reportRepository(deps.store)
  const report = await repo.get(input.id)
  if (report.reporterId !== caller._id) throw notFound('该问题')
  if (report.confirmation?.state !== 'pending') throw conflict('这个问题已经确认过了')
  const at = deps.clock.now().toISOString()
  if (input.resolved) {
    const confirmation = { state: 'resolved' as const, rating: input.rating, ...(input.comment ? { comment: input.comment } : {}), at }
    const done = await move(ctx, report, 'confirm', { set: { confirmation }, note: `市民确认已解决，评价 ${input.rating} 星${input.comment ? `：${input.comment}` : ''}` })
    return toDetail(deps, done, caller)
  }
  const calendar = await repo.calendar()
  const category = await repo.category(report.categoryId)
  const backTo = report.departmentId ? 'in_progress' : 'accepted'
  const deadline = report.departmentId ? deadlineAfter(at, deadlineDaysOf(category), calendar) : null
  const reopened = await move(ctx, report, 'reopen', {
    to: backTo,
    note: `市民反馈未解决：${input.reason}`,
    deadline: deadline ?? undefined,
    set: {
      confirmation: { state: 'unresolved', reason: input.reason, ...(input.rating ? { rating: input.rating } : {}), at },
      closedAt: null,
      fixedAt: null,
      // fixed on the spot no more: counted with the unit it now goes to
      onSpot: false,
      afterPhotos: [],
      deadline,
      overdue: false,
      remindedAt: null
    },
    news: [
      report.departmentId
        ? { to: 'department', title: '问题被市民退回', body: `「${report.categoryName}」市民反馈未解决，请重新整改` }
        : { to: 'office', title: '问题被市民退回', body: `市民反馈未解决：${input.reason}` }
    ]
  })
  return toDetail(deps, reopened, caller)
}

/** The public feed: accepted cases, nearest first around a point or newest first; never who reported. */
export async function feed(input: { page: number; pageSize: number } & Partial<GeoPoint>, { deps }: ActionContext): Promise<Page<FeedItem>> {
  const repo = reportRepository(deps.store)
  const skip = (input.page - 1) * input.pageSize
  if (input.lat === undefined || input.lng === undefined) {
    const [list, total] = await Promise.all([repo.feedPage(skip, input.pageSize), repo.publicTotal()])
    return { items: await toFeedItems(deps, list.map((r) => ({ r, distance: null }))), total, page: input.page, pageSize: input.pageSize }
  }
  const point = { lat: input.lat, lng: input.lng }
  const box = boundingBox(point, FEED_METERS)
  // Ranked on where they are; only the page shown is read whole
  const ranked = (await repo.feedAround(box))
    .map((r) => ({ id: r._id, distance: distanceMeters(point, r.location) }))
    .filter((c) => c.distance <= FEED_METERS)
    .sort((a, b) => a.distance - b.distance)
  const shown = ranked.slice(skip, skip + input.pageSize)
  const docs = new Map((await repo.feedItems(shown.map((c) => c.id))).map((r) => [r._id, r]))
  return {
    items: await toFeedItems(deps, shown.map(({ id, distance }) => ({ r: docs.get(id)!, distance }))),
    total: ranked.length,
    page: input.page,
    pageSize: input.pageSize
  }
}
