import type { DepartmentRef } from '../../../types/api'
import type { AssessmentWeights, BulletinFigures, CaseFigures, Deduction, InspectionShare, OverdueCase, Period, RankingRow, ScoreFigures } from '../../../types/bulletins'
import { beijingDay, workingDaysBetween, type WorkCalendar } from '../../../types/calendar'
import type { Department } from '../../../types/domain'
import { CASE_SOURCES } from '../../../types/inspection'
import { ORDER_LEVELS, type OrderLevel } from '../../../types/orders'
import type { Deps } from '../../core/ports'
import { inspectionRepository } from '../inspection/repository'
import { orderRepository } from '../orders/repository'
import { reportRepository } from '../repository'
import { fixRateOf, sourceOf } from '../tallies'
import { bulletinRepository, type Confirmed, type FiledCase, type LateCase } from './repository'
import { boards, ranked, scoreOf } from './score'

/*
 * A period's figures as they stood at `asOf` (its end, or now for a month still running), read from the cases by
 * indexed ranges over the period and never from whole collections: the cases filed in it, the cases that ran late
 * in it, the confirmations given in it, the orders issued in it, and the 督查 figures of its days. Times after
 * `asOf` are read as not yet happened, so a case fixed later counts as open at the period's end.
 */

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null)
const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null)
const byUnit = <T extends { departmentId?: string | null }>(list: T[], id: string | null) => (id === null ? list : list.filter((x) => x.departmentId === id))

/** The period's last Beijing day as far as `asOf` reaches. */
const lastDay = (asOf: string) => beijingDay(new Date(Date.parse(asOf) - 1))

interface Read {
  filed: FiledCase[]
  late: LateCase[]
  confirmations: Confirmed[]
  orders: { _id: string; departmentId: string; level: OrderLevel }[]
  failed: { _id: string; departmentId: string; marks: { caseId: string | null }[] }[]
  inspected: Record<string, number>
  calendar: WorkCalendar
}

async function read(deps: Deps, period: Period, asOf: string): Promise<Read> {
  const repo = bulletinRepository(deps.store)
  const filed: FiledCase[] = []
  for await (const page of repo.filedPages(period.from, asOf)) filed.push(...page)
  return {
    filed,
    late: await repo.lateSince(period.from, asOf),
    confirmations: await repo.confirmations(period.from, asOf),
    orders: await orderRepository(deps.store).issuedIn(period.from, asOf),
    failed: await inspectionRepository(deps.store).failedVisits(period.start, lastDay(asOf)),
    inspected: await inspectionRepository(deps.store).inspectedUnits(period.start, lastDay(asOf)),
    calendar: await reportRepository(deps.store).calendar()
  }
}

const done = (at: string | null | undefined, asOf: string): at is string => !!at && at < asOf
/** Not fixed at `asOf` though due before it. */
const overdueAt = (c: LateCase, asOf: string) => !!c.deadline && c.deadline < asOf && !done(c.fixedAt, asOf)
/** Late at some moment of the period: due before its end and fixed (if at all) after the deadline. */
const lateIn = (c: LateCase) => !c.fixedAt || c.fixedAt > c.deadline!

function caseFigures({ filed, late, confirmations, calendar }: Read, asOf: string): CaseFigures {
  const onSpot = filed.filter((c) => c.onSpot && done(c.fixedAt, asOf))
  const byDeadline = filed.filter((c) => !c.onSpot && done(c.assignedAt, asOf))
  const fixed = filed.filter((c) => done(c.fixedAt, asOf))
  const onTime = fixed.filter((c) => c.onSpot || !c.deadline || c.fixedAt! <= c.deadline)
  const days = fixed.reduce((sum, c) => sum + workingDaysBetween(beijingDay(c.assignedAt ?? c.createdAt), beijingDay(c.fixedAt!), calendar), 0)
  const given = confirmations.filter((c) => c.confirmation && c.confirmation.state !== 'pending')
  const rated = given.filter((c) => c.confirmation!.state === 'resolved' && c.confirmation!.rating)
  const bySource = Object.fromEntries(CASE_SOURCES.map((s) => [s, filed.filter((c) => sourceOf(c) === s).length])) as CaseFigures['bySource']
  const assigned = onSpot.length + byDeadline.length
  return {
    newCases: filed.length,
    bySource,
    assigned,
    onSpot: onSpot.length,
    byDeadline: byDeadline.length,
    fixed: fixed.length,
    fixRate: pct(fixed.length, assigned),
    onTimeRate: pct(onTime.length, fixed.length),
    overdue: late.filter((c) => overdueAt(c, asOf)).length,
    avgDaysToFix: avg(days, fixed.length),
    rating: avg(rated.reduce((sum, c) => sum + c.confirmation!.rating!, 0), rated.length),
    unresolvedRate: pct(given.filter((c) => c.confirmation!.state === 'unresolved').length, given.length)
  }
}

function orderCounts(orders: Read['orders']) {
  return Object.fromEntries(ORDER_LEVELS.map((level) => [level, orders.filter((o) => o.level === level).length])) as Record<OrderLevel, number>
}

/** What a unit is scored on besides its cases' counts: its orders by level and the cases its failed points became. */
function listed(unit: Pick<Read, 'orders' | 'failed'>): Pick<ScoreFigures, 'orderIds' | 'failedPoints'> {
  return {
    orderIds: Object.fromEntries(ORDER_LEVELS.map((level) => [level, unit.orders.filter((o) => o.level === level).map((o) => o._id)])) as ScoreFigures['orderIds'],
    failedPoints: unit.failed.map((v) => ({ visitId: v._id, caseIds: v.marks.flatMap((m) => (m.caseId ? [m.caseId] : [])) }))
  }
}

function scoreFigures(unit: Read, figures: CaseFigures): ScoreFigures {
  const late = unit.late.filter(lateIn).map((c) => c._id)
  return {
    overdue: late.length,
    overdueCaseIds: late,
    ...listed(unit),
    unresolvedCaseIds: unit.confirmations.filter((c) => c.confirmation?.state === 'unresolved').map((c) => c._id),
    fixRate: figures.fixRate
  }
}

export interface UnitResult extends CaseFigures {
  department: DepartmentRef
  orders: Record<OrderLevel, number>
  inspection: InspectionShare
  score: number
  deductions: Deduction[]
  rank: number
}

const NOT_INSPECTED: InspectionShare = { inspected: 0, passed: 0, passRate: null }

async function inspectionShare(deps: Deps, period: Period, asOf: string, departmentId?: string): Promise<InspectionShare> {
  const f = await inspectionRepository(deps.store).figures({ from: period.start, to: lastDay(asOf), departmentId })
  return { inspected: f.inspected, passed: f.passed, passRate: pct(f.passed, f.passed + f.failed) }
}

const ordered = (a: Department, b: Department) => a.order - b.order

/**
 * Every unit with anything in the period (a case filed or late, an order, a point inspected, a confirmation), with
 * its figures and its score under `weights`, best first; a unit with nothing to show is not ranked on nothing.
 */
async function assess(deps: Deps, all: Read, period: Period, asOf: string, weights: AssessmentWeights): Promise<UnitResult[]> {
  const departments = (await reportRepository(deps.store).allDepartments()).sort(ordered)
  const rows = []
  for (const d of departments) {
    const unit: Read = { ...all, filed: byUnit(all.filed, d._id), late: byUnit(all.late, d._id), confirmations: byUnit(all.confirmations, d._id), orders: byUnit(all.orders, d._id), failed: byUnit(all.failed, d._id) }
    // the 督查 figures proper, asked only of the units inspected
    const inspection = all.inspected[d._id] ? await inspectionShare(deps, period, asOf, d._id) : NOT_INSPECTED
    const figures = caseFigures(unit, asOf)
    const active = unit.filed.length || unit.late.some(lateIn) || unit.orders.length || unit.confirmations.length || inspection.inspected
    if (!active) continue
    rows.push({ department: { id: d._id, name: d.name }, ...figures, orders: orderCounts(unit.orders), inspection, ...scoreOf(scoreFigures(unit, figures), weights) })
  }
  return ranked(rows)
}

/** The monthly ranking as of `asOf`: each unit's score and what moved it. */
export async function liveRanking(deps: Deps, period: Period, asOf: string, weights: AssessmentWeights): Promise<RankingRow[]> {
  const units = await assess(deps, await read(deps, period, asOf), period, asOf, weights)
  return units.map((u) => ({ department: u.department, month: period.start.slice(0, 7), score: u.score, deductions: u.deductions, weights, rank: u.rank }))
}

/**
 * The running month's ranking from counts, read the same at any number of cases: the units' day tallies for the
 * fix rate, the overdue marks the hourly sweep keeps (still open, or fixed this month after the deadline), and the
 * month's orders, failed points and unresolved confirmations, which are few. Overdue cases are counted here and
 * listed by the exact figures once the month's bulletin freezes it.
 */
export async function rankingSoFar(deps: Deps, period: Period, asOf: string, weights: AssessmentWeights): Promise<RankingRow[]> {
  const repo = bulletinRepository(deps.store)
  const departments = (await reportRepository(deps.store).allDepartments()).sort(ordered)
  const ids = departments.map((d) => d._id)
  const [filed, overdue, orders, failed, inspected, unresolved] = await Promise.all([
    repo.filedByUnit(ids, period.start, lastDay(asOf)),
    repo.overdueByUnit(ids, period.from),
    orderRepository(deps.store).issuedIn(period.from, asOf),
    inspectionRepository(deps.store).failedVisits(period.start, lastDay(asOf)),
    inspectionRepository(deps.store).inspectedUnits(period.start, lastDay(asOf)),
    repo.unresolvedIn(period.from, asOf)
  ])
  const rows = []
  for (const d of departments) {
    const unit = { orders: byUnit(orders, d._id), failed: byUnit(failed, d._id) }
    const unresolvedCaseIds = byUnit(unresolved, d._id).map((c) => c._id)
    const late = overdue.get(d._id) ?? 0
    const cases = filed.get(d._id)!
    if (!cases.n && !late && !unit.orders.length && !unresolvedCaseIds.length && !inspected[d._id]) continue
    const figures: ScoreFigures = { overdue: late, overdueCaseIds: [], ...listed(unit), unresolvedCaseIds, fixRate: fixRateOf(cases) }
    rows.push({ department: { id: d._id, name: d.name }, ...scoreOf(figures, weights) })
  }
  return ranked(rows).map((u) => ({ ...u, month: period.start.slice(0, 7), weights }))
}

function overdueList(all: Read, asOf: string, departments: Map<string, DepartmentRef>): OverdueCase[] {
  const to = lastDay(asOf)
  return all.late
    .filter((c) => overdueAt(c, asOf))
    .map((c) => ({
      id: c._id,
      no: c.no,
      categoryName: c.categoryName,
      address: c.location.address,
      department: (c.departmentId && departments.get(c.departmentId)) || null,
      deadline: c.deadline!,
      daysOverdue: (Date.parse(to) - Date.parse(beijingDay(c.deadline!))) / 86_400_000,
      photo: c.photos[0] ?? null
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.no < b.no ? -1 : 1))
}

/** Everything a bulletin of `period` reports, as of `asOf`; remarks already written are kept by unit. */
export async function fill(deps: Deps, period: Period, asOf: string, remarks: Map<string, BulletinFigures['units'][number]['remark']>): Promise<BulletinFigures> {
  const repo = bulletinRepository(deps.store)
  const weights = await repo.weights()
  const all = await read(deps, period, asOf)
  const units = await assess(deps, all, period, asOf, weights)
  const departments = await reportRepository(deps.store).departmentsById(all.late.map((c) => c.departmentId))
  const refs = new Map([...departments].map(([id, d]) => [id, { id, name: d.name }]))
  const quiz = await repo.quizBefore(asOf)
  const people = quiz ? await repo.quizPeople(quiz._id) : null
  const stars = await repo.publishedStars(period.end.slice(0, 7))
  const volunteering = await repo.volunteering(period.from, asOf)
  return {
    overall: { ...caseFigures(all, asOf), orders: orderCounts(all.orders), inspection: await inspectionShare(deps, period, asOf) },
    units: units.map((u) => ({ ...u, remark: remarks.get(u.department.id) ?? null })),
    ...boards(units.map((u) => ({ ...u, redOrders: u.orders.red }))),
    overdueCases: overdueList(all, asOf, refs),
    volunteer: { ...volunteering, hours: Math.round(volunteering.hours * 10) / 10, stars: stars ? { month: stars._id, names: stars.winners.map((w) => w.nickname) } : null },
    quiz: { quiz: quiz ? { id: quiz._id, title: quiz.title } : null, participants: people?.participants ?? 0, passed: people?.passed ?? 0, rate: pct(people?.passed ?? 0, people?.participants ?? 0) },
    weights,
    filledAt: deps.clock.now().toISOString()
  }
}
