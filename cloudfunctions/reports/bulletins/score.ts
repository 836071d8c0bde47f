import { BOARD_SIZE, DEDUCTION_LABELS, type AssessmentWeights, type BoardEntry, type Deduction, type DeductionReason, type ScoreFigures } from '../../../types/bulletins'
import type { DepartmentRef } from '../../../types/api'

/*
 * The assessment formula, in one place: a unit's figures and the office's weights give its score and every term
 * that moved it, each naming the cases or orders behind it. Pure, so the bulletin, the ranking and the history
 * cannot score alike figures differently.
 */

const round1 = (n: number) => Math.round(n * 10) / 10
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

function per(reason: DeductionReason, count: number, weight: number, refs: Pick<Deduction, 'caseIds' | 'orderIds'>): Deduction[] {
  if (!count || !weight) return []
  const points = round1(-count * weight)
  return [{ reason, label: `${DEDUCTION_LABELS[reason]} ${count} 件 × ${signed(-weight)} = ${signed(points)}`, count, points, ...refs }]
}

function fixRateTerm(rate: number | null, w: AssessmentWeights): Deduction[] {
  if (rate === null) return []
  const raw = (rate - w.fixRateTarget) * w.fixRatePerPoint
  const points = round1(Math.max(-w.fixRateCap, Math.min(w.fixRateCap, raw)))
  if (!points) return []
  const label = `${DEDUCTION_LABELS.fixRate} ${rate}%（目标 ${w.fixRateTarget}%，每个百分点 ${w.fixRatePerPoint} 分，至多 ${w.fixRateCap} 分）${signed(points)}`
  return [{ reason: 'fixRate', label, count: rate, points, caseIds: [], orderIds: [] }]
}

export function scoreOf(f: ScoreFigures, w: AssessmentWeights): { score: number; deductions: Deduction[] } {
  const deductions = [
    ...per('overdue', f.overdue, w.overdue, { caseIds: f.overdueCaseIds, orderIds: [] }),
    ...per('white', f.orderIds.white.length, w.white, { caseIds: [], orderIds: f.orderIds.white }),
    ...per('yellow', f.orderIds.yellow.length, w.yellow, { caseIds: [], orderIds: f.orderIds.yellow }),
    ...per('red', f.orderIds.red.length, w.red, { caseIds: [], orderIds: f.orderIds.red }),
    ...per('failedPoint', f.failedPoints.length, w.failedPoint, { caseIds: f.failedPoints.flatMap((p) => p.caseIds), orderIds: [] }),
    ...per('unresolved', f.unresolvedCaseIds.length, w.unresolved, { caseIds: f.unresolvedCaseIds, orderIds: [] }),
    ...fixRateTerm(f.fixRate, w)
  ]
  return { score: round1(deductions.reduce((sum, d) => sum + d.points, w.base)), deductions }
}

/** Ranks by score, best first; equal scores share a rank (1, 1, 3), and keep the order they came in. */
export function ranked<T extends { score: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score)
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((r) => r.score === row.score) + 1 }))
}

type Ranked = { department: DepartmentRef; score: number; rank: number; redOrders: number }

/**
 * From rows ranked best first. 红榜: the best units, at most BOARD_SIZE and at most half of them, none with a red 督办单. 黑榜: as many of the
 * worst not on the 红榜, and every unit given a red 督办单 in the period.
 */
export function boards(rows: Ranked[]): { red: BoardEntry[]; black: BoardEntry[] } {
  const size = Math.min(BOARD_SIZE, Math.floor(rows.length / 2))
  const entry = (r: Ranked, reason: string): BoardEntry => ({ department: r.department, score: r.score, rank: r.rank, reason })
  const red = rows.filter((r) => !r.redOrders).slice(0, size)
  const worst = size ? rows.filter((r) => !red.includes(r)).slice(-size) : []
  const black = rows.filter((r) => worst.includes(r) || r.redOrders > 0)
  return {
    red: red.map((r) => entry(r, `得分 ${r.score}，第 ${r.rank} 名`)),
    black: black.map((r) => entry(r, r.redOrders ? `红色督办单 ${r.redOrders} 件，得分 ${r.score}` : `得分 ${r.score}，第 ${r.rank} 名`))
  }
}
