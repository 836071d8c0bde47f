import { DEFAULT_ASSESSMENT_WEIGHTS, type ScoreFigures } from '../../../types/bulletins'
import { boards, ranked, scoreOf } from './score'

const none: ScoreFigures = { overdue: 0, overdueCaseIds: [], orderIds: { white: [], yellow: [], red: [] }, failedPoints: [], unresolvedCaseIds: [], fixRate: null }

describe('scoreOf', () => {
  it('when a unit has nothing against it and nothing assigned, then it scores the base with no terms', () => {
    expect(scoreOf(none, DEFAULT_ASSESSMENT_WEIGHTS)).toEqual({ score: 100, deductions: [] })
  })

  it('when a unit has every kind of fault, then each term costs its weight times its count and names what lies behind it', () => {
    const figures: ScoreFigures = {
      overdue: 2,
      overdueCaseIds: ['c1', 'c2'],
      orderIds: { white: ['o1'], yellow: [], red: ['o2'] },
      failedPoints: [{ visitId: 'v1', caseIds: ['c3', 'c4'] }],
      unresolvedCaseIds: ['c5'],
      fixRate: 80
    }
    const { score, deductions } = scoreOf(figures, DEFAULT_ASSESSMENT_WEIGHTS)
    // 100 − 2×2 − 1 − 5 − 2 − 3 − min(5, (90 − 80) × 0.5)
    expect(score).toBe(80)
    expect(deductions.map((d) => [d.reason, d.count, d.points])).toEqual([
      ['overdue', 2, -4],
      ['white', 1, -1],
      ['red', 1, -5],
      ['failedPoint', 1, -2],
      ['unresolved', 1, -3],
      ['fixRate', 80, -5]
    ])
    expect(deductions[0]).toMatchObject({ label: '超期案件 2 件 × −2 = −4', caseIds: ['c1', 'c2'], orderIds: [] })
    expect(deductions[2]).toMatchObject({ orderIds: ['o2'], caseIds: [] })
    expect(deductions[3]).toMatchObject({ caseIds: ['c3', 'c4'] })
  })

  it('when the 整改率 is above the target, then it earns per percentage point up to the cap', () => {
    expect(scoreOf({ ...none, fixRate: 95 }, DEFAULT_ASSESSMENT_WEIGHTS).score).toBe(102.5)
    expect(scoreOf({ ...none, fixRate: 100 }, { ...DEFAULT_ASSESSMENT_WEIGHTS, fixRatePerPoint: 1, fixRateCap: 4 }).score).toBe(104)
    expect(scoreOf({ ...none, fixRate: 90 }, DEFAULT_ASSESSMENT_WEIGHTS).deductions).toEqual([])
  })

  it('when overdue cases are counted but not listed (a month still running), then they cost the same and the term names no case', () => {
    const listed = scoreOf({ ...none, overdue: 3, overdueCaseIds: ['c1', 'c2', 'c3'] }, DEFAULT_ASSESSMENT_WEIGHTS)
    const counted = scoreOf({ ...none, overdue: 3 }, DEFAULT_ASSESSMENT_WEIGHTS)
    expect(counted.score).toBe(listed.score)
    expect(counted.deductions).toEqual([{ ...listed.deductions[0], caseIds: [] }])
  })

  it('when the office changes a weight, then the same figures score by the new weight', () => {
    const figures = { ...none, overdue: 3, overdueCaseIds: ['c1', 'c2', 'c3'] }
    expect(scoreOf(figures, { ...DEFAULT_ASSESSMENT_WEIGHTS, overdue: 4 }).score).toBe(88)
    expect(scoreOf(figures, { ...DEFAULT_ASSESSMENT_WEIGHTS, overdue: 0 })).toEqual({ score: 100, deductions: [] })
  })
})

describe('ranked and boards', () => {
  const unit = (id: string, score: number, redOrders = 0) => ({ department: { id, name: id }, score, redOrders })

  it('when two units score the same, then they share a rank and the next rank skips', () => {
    expect(ranked([unit('a', 90), unit('b', 98), unit('c', 98), unit('d', 70)]).map((r) => [r.department.id, r.rank])).toEqual([['b', 1], ['c', 1], ['a', 3], ['d', 4]])
  })

  it('when there are seven units, then the best three are red and the worst three black, plus any unit with a red order', () => {
    const rows = ranked([unit('a', 100), unit('b', 99), unit('c', 98, 1), unit('d', 97), unit('e', 96), unit('f', 95), unit('g', 94)])
    const { red, black } = boards(rows)
    expect(red.map((e) => e.department.id)).toEqual(['a', 'b', 'd'])
    expect(black.map((e) => e.department.id)).toEqual(['c', 'e', 'f', 'g'])
    expect(black[0].reason).toBe('红色督办单 1 件，得分 98')
    expect(red[0].reason).toBe('得分 100，第 1 名')
  })

  it('when there are three units, then one is red and one black, never the same', () => {
    const { red, black } = boards(ranked([unit('a', 90), unit('b', 95), unit('c', 80)]))
    expect([red.map((e) => e.department.id), black.map((e) => e.department.id)]).toEqual([['b'], ['c']])
  })
})
