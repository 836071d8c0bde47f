import { beats, choiceProblem, deadlineOf, grade, isRight, keyOf, optionOrder, toOriginal, toShown } from './rules'

describe('quiz rules', () => {
  it('when the office granted a person extra minutes, then their paper is due that much later, but never after the quiz closes', () => {
    const quiz = { timeLimitMinutes: 20, closesAt: '2026-11-23T10:00:00.000Z' }
    expect(deadlineOf(quiz, new Date('2026-11-23T09:00:00.000Z'), 0).toISOString()).toBe('2026-11-23T09:20:00.000Z')
    expect(deadlineOf(quiz, new Date('2026-11-23T09:00:00.000Z'), 15).toISOString()).toBe('2026-11-23T09:35:00.000Z')
    expect(deadlineOf(quiz, new Date('2026-11-23T09:30:00.000Z'), 15).toISOString()).toBe('2026-11-23T10:00:00.000Z')
  })

  it('when two stems differ only in spacing, punctuation or width, then they have one key', () => {
    expect(keyOf('过马路，要走人行横道。')).toBe(keyOf(' 过马路,要走人行横道. '))
    expect(keyOf('ＡＢＣ 垃圾')).toBe(keyOf('abc垃圾'))
    expect(keyOf('过马路要走人行横道')).not.toBe(keyOf('过马路不走人行横道'))
  })

  it('when a multiple-choice answer misses one right option or adds a wrong one, then it is wrong; order does not matter', () => {
    expect(isRight([2, 0], [0, 2])).toBe(true)
    expect(isRight([0], [0, 2])).toBe(false)
    expect(isRight([0, 1, 2], [0, 2])).toBe(false)
    expect(isRight(null, [1])).toBe(false)
    expect(isRight([], [1])).toBe(false)
  })

  it('when options are shown in an attempt’s order, then choices map to the question’s own options and back', () => {
    const order = [2, 0, 3, 1]
    expect(toOriginal(order, [0, 3])).toEqual([2, 1])
    expect(toShown(order, [2, 1])).toEqual([0, 3])
    expect(optionOrder({ kind: 'judge', options: ['正确', '错误'] })).toEqual([0, 1])
    expect(optionOrder({ kind: 'single', options: ['a', 'b', 'c', 'd'] }).sort()).toEqual([0, 1, 2, 3])
  })

  it('when a choice names missing, repeated or too many options, then the problem is named', () => {
    expect(choiceProblem('single', [4], 4)).toBe('所选选项不存在')
    expect(choiceProblem('multiple', [1, 1], 4)).toBe('选项重复')
    expect(choiceProblem('judge', [0, 1], 2)).toBe('判断题只能选一项')
    expect(choiceProblem('multiple', [0, 1, 3], 4)).toBeNull()
  })

  it('when a paper is graded, then unanswered questions are wrong and the score is out of 100, rounded', () => {
    const items = ['a', 'b', 'c'].map((questionId, i) => ({ questionId, order: [0, 1], choice: i < 2 ? [i] : null, correct: null }))
    const graded = grade(items, new Map([['a', [0]], ['b', [0]], ['c', [1]]]))
    expect(graded.items.map((i) => i.correct)).toEqual([true, false, false])
    expect(graded).toMatchObject({ correct: 1, score: 33 })
  })

  it('when two results are compared, then the higher score wins and a tie goes to the faster one', () => {
    expect(beats({ score: 80, seconds: 500 }, { score: 60, seconds: 100 })).toBe(true)
    expect(beats({ score: 80, seconds: 100 }, { score: 80, seconds: 200 })).toBe(true)
    expect(beats({ score: 80, seconds: 200 }, { score: 80, seconds: 200 })).toBe(false)
  })
})
