import { randomInt } from 'node:crypto'
import type { Page } from '../../../types/api'
import type { Round, RoundInput, RoundSummary, RoundView } from '../../../types/inspection'
import type { ActionContext } from '../../core/action'
import { conflict, invalid, notFound } from '../../core/errors'
import { beijingDay } from '../../../types/calendar'
import { reportRepository } from '../repository'
import { createdId } from '../../core/idempotency'
import { toPointViews } from './points'
import { inspectionRepository } from './repository'

/** The office plans a round; sent again with the same requestId it answers the round planned. */
export async function planRound(input: RoundInput, ctx: ActionContext): Promise<RoundView> {
  const { caller, deps } = ctx
  const repo = inspectionRepository(deps.store)
  const _id = createdId('round-', ctx)
  const planned = await repo.findRound(_id)
  if (planned) return toRoundView(ctx, planned)
  const inspectors = await checkInspectors(ctx, input.inspectorIds)
  const pointIds = [...new Set(input.pointIds)]
  const found = await repo.pointsById(pointIds)
  const missing = pointIds.find((id) => !found.get(id)?.active)
  if (missing) throw invalid('pointIds', `点位 ${missing} 不存在或已停用`)
  const at = deps.clock.now().toISOString()
  const round: Round = { _id, ...input, inspectorIds: [...new Set(input.inspectorIds)], pointIds, draws: [], createdBy: caller._id, createdAt: at, updatedAt: at }
  await repo.insertRound(round)
  // the day, not the points: those open to the inspectors on the day only
  for (const user of inspectors.values()) {
    await deps.notifier.notify({ userId: user._id, openid: user.openid, template: 'staff.round.planned', title: `督查任务：${round.day}`, body: `「${round.title}」（${round.kind}），当天在今日督查查看点位`, page: '/packages/inspect/today/index', key: `round:${_id}:${user._id}` })
  }
  return toRoundView(ctx, round)
}

async function checkInspectors({ deps }: ActionContext, ids: string[]) {
  const people = await reportRepository(deps.store).usersById(ids)
  const wrong = ids.find((id) => !people.get(id)?.roles.includes('inspector'))
  if (wrong) throw invalid('inspectorIds', `${people.get(wrong)?.nickname ?? wrong} 不是督查员，请先在用户管理中授予督查员角色`)
  return people
}

/**
 * 随机抽取: N more active points, of a type and in a grid when named, none already in the round, drawn with
 * the system's cryptographic generator and recorded as drawn, so the route is known to nobody before it falls.
 */
export async function drawPoints(input: { id: string; count: number; typeId?: string; gridId?: string }, ctx: ActionContext): Promise<RoundView> {
  const { caller, deps } = ctx
  const repo = inspectionRepository(deps.store)
  const round = await repo.round(input.id)
  const taken = new Set(round.pointIds)
  const pool = (await repo.allPoints({ active: true, typeId: input.typeId, gridId: input.gridId })).filter((p) => !taken.has(p._id)).map((p) => p._id)
  if (pool.length < input.count) throw invalid('count', pool.length ? `符合条件且尚未抽到的点位只有 ${pool.length} 个，请减少抽取数量或放宽条件` : '没有符合条件且尚未抽到的点位')
  const picked = draw(pool.sort(), input.count)
  const at = deps.clock.now().toISOString()
  const record = { at, by: caller._id, count: input.count, typeId: input.typeId ?? null, gridId: input.gridId ?? null, picked }
  const matched = await repo.updateRound(round, { $set: { pointIds: [...round.pointIds, ...picked], updatedAt: at }, $push: { draws: record } })
  if (!matched) throw conflict('这次督查刚刚被其他人修改过，请刷新后再抽取')
  return toRoundView(ctx, { ...round, pointIds: [...round.pointIds, ...picked], draws: [...round.draws, record], updatedAt: at })
}

/** A partial Fisher–Yates shuffle: `count` distinct items, each equally likely. */
function draw(pool: string[], count: number): string[] {
  const items = [...pool]
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(items.length - i)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items.slice(0, count)
}

export async function rounds(input: { page: number; pageSize: number }, { deps }: ActionContext): Promise<Page<RoundSummary>> {
  const repo = inspectionRepository(deps.store)
  const [list, total] = await Promise.all([repo.roundsPage((input.page - 1) * input.pageSize, input.pageSize), repo.countRounds()])
  const items = await Promise.all(
    list.map(async (r) => ({ id: r._id, title: r.title, kind: r.kind, day: r.day, leader: r.leader, points: r.pointIds.length, visited: (await repo.visitsByPoint(r._id)).size }))
  )
  return { items, total, page: input.page, pageSize: input.pageSize }
}

export async function round(input: { id: string }, ctx: ActionContext): Promise<RoundView> {
  return toRoundView(ctx, await inspectionRepository(ctx.deps.store).round(input.id))
}

/** How far back a round with a point still 未达标 stays on its inspectors' list, for its 复查 once the cases are fixed. */
const RECHECK_DAYS = 30

/**
 * The inspector's rounds of today, then earlier ones (a month back) with a point still 未达标, whose 复查 is
 * theirs to make: a round's points stay unknown to its inspectors until its day.
 */
export async function myRounds(_: unknown, ctx: ActionContext): Promise<RoundView[]> {
  const now = ctx.deps.clock.now()
  const today = beijingDay(now)
  const list = await inspectionRepository(ctx.deps.store).roundsOf(ctx.caller._id, beijingDay(new Date(now.getTime() - RECHECK_DAYS * 86400000)), today)
  const views = await Promise.all(list.map((r) => toRoundView(ctx, r)))
  return views.filter((r) => r.day === today || r.points.some((p) => p.verdict === '未达标'))
}

/** A round the caller may work in: an inspector of it, from its day on. */
export async function roundFor(ctx: ActionContext, roundId: string, pointId: string) {
  const round = await inspectionRepository(ctx.deps.store).round(roundId)
  if (!round.inspectorIds.includes(ctx.caller._id) || round.day > beijingDay(ctx.deps.clock.now())) throw notFound('督查')
  if (!round.pointIds.includes(pointId)) throw notFound('本次督查的点位')
  return round
}

async function toRoundView(ctx: ActionContext, r: Round): Promise<RoundView> {
  const repo = inspectionRepository(ctx.deps.store)
  const [found, latest, counts, unfixed, people] = await Promise.all([
    repo.pointsById(r.pointIds),
    repo.latestOfRound(r._id),
    repo.visitsByPoint(r._id),
    repo.unfixedByPoint(r._id),
    reportRepository(ctx.deps.store).usersById(r.inspectorIds)
  ])
  const verdicts = new Map(latest.map((v) => [v.pointId, v.verdict]))
  const views = new Map((await toPointViews(ctx, [...found.values()])).map((p) => [p._id, p]))
  const { _id, pointIds, inspectorIds, ...rest } = r
  return {
    id: _id,
    ...rest,
    inspectors: inspectorIds.map((id) => ({ id, nickname: people.get(id)?.nickname ?? '' })),
    points: pointIds.flatMap((id) => {
      const p = views.get(id)
      return p ? [{ id, name: p.name, typeName: p.typeName, address: p.address, departmentName: p.departmentName, verdict: verdicts.get(id) ?? null, visits: counts.get(id) ?? 0, open: unfixed.get(id) ?? 0 }] : []
    })
  }
}
