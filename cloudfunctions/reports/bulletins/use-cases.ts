import type { Page } from '../../../types/api'
import { BULLETIN_KIND_LABELS, monthPeriod, periodOf, type BulletinCard, type BulletinKind, type BulletinView, type Ranking, type UnitHistoryMonth } from '../../../types/bulletins'
import { beijingDay } from '../../../types/calendar'
import type { PublicText } from '../../../types/domain'
import type { ActionContext } from '../../core/action'
import { conflict, forbidden, invalid, notFound } from '../../core/errors'
import { createdId } from '../../core/idempotency'
import type { Deps } from '../../core/ports'
import { reportRepository } from '../repository'
import { fill, liveRanking, rankingSoFar } from './figures'
import { bulletinRepository, type StoredBulletin } from './repository'
import { isOffice, toCard, toView } from './views'

/** A notice to a unit goes to this many of its handlers at most, as for cases and orders. */
const STAFF_PER_NOTICE = 50
const HISTORY_MONTHS = 12

const now = (deps: Deps) => deps.clock.now().toISOString()
const thisMonth = (deps: Deps) => beijingDay(deps.clock.now()).slice(0, 7)

/**
 * A draft for a period that has ended, filled from the data as of its end and numbered in its year. One bulletin
 * per kind and period; the same person retrying the same request gets the same draft and no second number.
 */
export async function createBulletin(input: { kind: BulletinKind; start: string }, ctx: ActionContext): Promise<BulletinView> {
  const { caller, deps } = ctx
  const repo = bulletinRepository(deps.store)
  const _id = createdId('b', ctx)
  const again = await repo.find(_id)
  if (again) return toView(deps, caller, again)
  const period = periodOf(input.kind, input.start)
  const label = `${period.title}的${BULLETIN_KIND_LABELS[input.kind]}`
  if (period.until > now(deps)) throw invalid('start', `${period.title}尚未结束，结束后才能生成通报`)
  const key = `${input.kind}:${input.start}`
  const held = await repo.ofPeriod(key)
  if (held) throw conflict(`${label}已经生成（${held.no}），请打开它编辑`)
  const figures = await fill(deps, period, period.until, new Map())
  const at = now(deps)
  const year = Number(beijingDay(at).slice(0, 4))
  const seq = await repo.nextNumber(year)
  const bulletin: StoredBulletin = { _id, period: key, no: `${year}年第${seq}期`, year, seq, kind: input.kind, start: period.start, end: period.end, title: period.title, status: 'draft', preface: '' as PublicText, figures, requestId: _id, createdBy: caller._id, createdAt: at, updatedAt: at, publishedAt: null, publishedBy: null }
  // another create for the period came first: this one is refused and its number taken back with its transaction
  if (!(await repo.insert(bulletin))) throw conflict(`${label}刚刚由其他人生成，请刷新后打开它`)
  return toView(deps, caller, bulletin)
}

export async function bulletin(input: { id: string }, ctx: ActionContext): Promise<BulletinView> {
  return toView(ctx.deps, ctx.caller, await visible(ctx, input.id))
}

/** The office's bulletins, drafts included; a unit's handlers see the published ones. */
export async function listBulletins(input: { page: number; pageSize: number; kind?: BulletinKind }, { caller, deps }: ActionContext): Promise<Page<BulletinCard>> {
  const repo = bulletinRepository(deps.store)
  const filter = { kind: input.kind, ...(isOffice(caller) ? {} : { status: 'published' as const }) }
  const [list, total] = await Promise.all([repo.page(filter, (input.page - 1) * input.pageSize, input.pageSize), repo.count(filter)])
  return { items: list.map(toCard), total, page: input.page, pageSize: input.pageSize }
}

/** The office's preface and its remark on each unit of the bulletin; a unit not in it cannot be remarked on. */
export async function saveBulletin(input: { id: string; preface: PublicText; remarks: Record<string, PublicText> }, ctx: ActionContext): Promise<BulletinView> {
  const draft = await ownDraft(ctx, input.id)
  const known = new Set(draft.figures.units.map((u) => u.department.id))
  const stray = Object.keys(input.remarks).find((id) => !known.has(id))
  if (stray) throw invalid('remarks', `单位 ${stray} 不在本期通报中，不能点评`)
  const units = draft.figures.units.map((u) => ({ ...u, remark: input.remarks[u.department.id] || null }))
  return write(ctx, draft, { preface: input.preface, 'figures.units': units })
}

/** Takes a draft's figures again from the data as of its period's end (the remarks stay with their units). */
export async function refillBulletin(input: { id: string }, ctx: ActionContext): Promise<BulletinView> {
  const draft = await ownDraft(ctx, input.id)
  const period = periodOf(draft.kind, draft.start)
  const remarks = new Map(draft.figures.units.map((u) => [u.department.id, u.remark]))
  return write(ctx, draft, { figures: await fill(ctx.deps, period, period.until, remarks) })
}

/**
 * Freezes the bulletin for good and tells each of its units' handlers; a monthly one freezes the month's ranking
 * as its rows stand. Publishing again answers the bulletin as it is, and a retry cut short notifies nobody twice.
 */
export async function publishBulletin(input: { id: string }, ctx: ActionContext): Promise<BulletinView> {
  const { caller, deps } = ctx
  const repo = bulletinRepository(deps.store)
  let b = await repo.get(input.id)
  if (b.status === 'draft') {
    const at = now(deps)
    if (await repo.updateDraft(b._id, { $set: { status: 'published', publishedAt: at, publishedBy: caller._id, updatedAt: at } })) b = { ...b, status: 'published', publishedAt: at, publishedBy: caller._id, updatedAt: at }
    else b = await repo.get(input.id)
  }
  if (b.kind === 'month') await repo.freeze({ month: b.start.slice(0, 7), frozen: true, asOf: periodOf(b.kind, b.start).until, rows: b.figures.units.map((u) => ({ department: u.department, month: b.start.slice(0, 7), score: u.score, deductions: u.deductions, weights: b.figures.weights, rank: u.rank })) })
  await tellUnits(deps, b)
  return toView(deps, caller, b)
}

/** A month's ranking: as frozen by its published bulletin, else as of now (a month still running: so far). */
export async function ranking(input: { month?: string }, { deps }: ActionContext): Promise<Ranking> {
  const month = input.month ?? thisMonth(deps)
  if (month > thisMonth(deps)) throw invalid('month', `${month} 尚未开始，没有考核排名`)
  const frozen = await bulletinRepository(deps.store).frozen(month)
  if (frozen) return { month, frozen: true, asOf: frozen.asOf, rows: frozen.rows }
  const period = monthPeriod(month)
  const weights = await bulletinRepository(deps.store).weights()
  // a month still running is ranked from counts, read alike at any size; an ended one as it stood at its end
  if (month === thisMonth(deps)) return { month, frozen: false, asOf: now(deps), rows: await rankingSoFar(deps, period, now(deps), weights) }
  return { month, frozen: false, asOf: period.until, rows: await liveRanking(deps, period, period.until, weights) }
}

/**
 * A unit's months, newest first: the frozen ones of the last year as published, and the current month so far.
 * The office names the unit; a handler sees their own unit's only.
 */
export async function unitHistory(input: { departmentId?: string }, ctx: ActionContext): Promise<UnitHistoryMonth[]> {
  const { caller, deps } = ctx
  const departmentId = isOffice(caller) ? input.departmentId : caller.departmentId
  if (!departmentId) throw isOffice(caller) ? invalid('departmentId', '请选择责任单位') : forbidden('您还没有所属责任单位，请联系创文办')
  if (!isOffice(caller) && input.departmentId && input.departmentId !== departmentId) throw forbidden('只能查看本单位的考核记录')
  if (!(await reportRepository(deps.store).department(departmentId))) throw notFound('该责任单位')
  const current = thisMonth(deps)
  const months = Array.from({ length: HISTORY_MONTHS }, (_, i) => shift(current, -i))
  const frozen = await bulletinRepository(deps.store).frozenMonths(months)
  const rankings = [...frozen.map((r) => ({ ...r, frozen: true })), ...(frozen.some((r) => r.month === current) ? [] : [await ranking({ month: current }, ctx)])]
  return rankings
    .sort((a, b) => (a.month < b.month ? 1 : -1))
    .flatMap((r) => r.rows.filter((row) => row.department.id === departmentId).map((row) => ({ ...row, of: r.rows.length, frozen: r.frozen })))
}

function shift(month: string, by: number) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return d.toISOString().slice(0, 7)
}

/** The office sees every bulletin; a unit only published ones, and a draft is as good as missing. */
async function visible({ caller, deps }: ActionContext, id: string) {
  const b = await bulletinRepository(deps.store).get(id)
  if (b.status !== 'published' && !isOffice(caller)) throw notFound('该通报')
  return b
}

async function ownDraft({ deps }: ActionContext, id: string) {
  const b = await bulletinRepository(deps.store).get(id)
  if (b.status !== 'draft') throw conflict(`${b.no}已发布，内容不能再修改`)
  return b
}

async function write({ caller, deps }: ActionContext, draft: StoredBulletin, set: Record<string, unknown>) {
  const repo = bulletinRepository(deps.store)
  if (!(await repo.updateDraft(draft._id, { $set: { ...set, updatedAt: now(deps) } }))) throw conflict(`${draft.no}刚刚已发布，内容不能再修改`)
  return toView(deps, caller, await repo.get(draft._id))
}

/** One notice per handler per bulletin (keyed), so publishing again or a retry tells nobody twice. */
async function tellUnits(deps: Deps, b: StoredBulletin) {
  const reports = reportRepository(deps.store)
  for (const unit of b.figures.units) {
    const body = `${b.title}${BULLETIN_KIND_LABELS[b.kind]}已发布，本单位得分 ${unit.score}，第 ${unit.rank} 名`
    for (const user of await reports.handlersOf(unit.department.id, STAFF_PER_NOTICE)) {
      await deps.notifier.notify({ userId: user._id, openid: user.openid, template: 'staff.bulletin.published', title: `通报 ${b.no}`, body, page: `/packages/bulletins/view/index?id=${b._id}`, key: `bulletin:${b._id}:${user._id}` })
    }
  }
}
