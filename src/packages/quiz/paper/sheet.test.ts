import type { Feedback } from '@contract'
import { cellState, firstOpen, toggleChoice, unansweredCount } from './sheet'

const right: Feedback = { correct: true, answer: [1], explanation: '', source: null }
const wrong: Feedback = { correct: false, answer: [0], explanation: '', source: null }

describe('toggleChoice', () => {
  it('when a single-choice option is tapped, then it replaces the earlier one', () => {
    expect(toggleChoice('single', [2], 0)).toEqual([0])
  })

  it('when the chosen true/false option is tapped again, then it stays chosen', () => {
    expect(toggleChoice('judge', [1], 1)).toEqual([1])
  })

  it('when multiple-choice options are tapped out of order, then they are kept in option order', () => {
    expect(toggleChoice('multiple', [3], 0)).toEqual([0, 3])
    expect(toggleChoice('multiple', null, 2)).toEqual([2])
  })

  it('when a ticked multiple-choice option is tapped, then it is unticked, down to none', () => {
    expect(toggleChoice('multiple', [0, 3], 3)).toEqual([0])
    expect(toggleChoice('multiple', [0], 0)).toEqual([])
  })
})

describe('cellState', () => {
  it('when a campaign question has a choice, then it is answered; with an empty one it is blank', () => {
    expect(cellState([1], null)).toBe('answered')
    expect(cellState([], null)).toBe('blank')
    expect(cellState(null, null)).toBe('blank')
  })

  it('when a practice question was checked, then it shows right or wrong', () => {
    expect(cellState([1], right)).toBe('right')
    expect(cellState([1], wrong)).toBe('wrong')
  })
})

describe('unansweredCount', () => {
  it('when a campaign paper has blanks and an emptied multiple choice, then both count as unanswered', () => {
    expect(unansweredCount([[0], null, [], [1, 2]], [null, null, null, null], false)).toBe(2)
  })

  it('when a practice question is chosen but not checked, then it still counts as to do', () => {
    expect(unansweredCount([[0], [1], null], [right, null, null], true)).toBe(2)
  })
})

describe('firstOpen', () => {
  it('when a paper is resumed, then it opens on the first question without an answer', () => {
    expect(firstOpen([{ choice: [0], feedback: null }, { choice: null, feedback: null }, { choice: null, feedback: null }], false)).toBe(1)
  })

  it('when practice has a chosen but unchecked question, then it opens there', () => {
    expect(firstOpen([{ choice: [0], feedback: wrong }, { choice: [1], feedback: null }], true)).toBe(1)
  })

  it('when every question is done, then it opens on the last one; an empty paper on the first', () => {
    expect(firstOpen([{ choice: [0], feedback: null }, { choice: [1], feedback: null }], false)).toBe(1)
    expect(firstOpen([], false)).toBe(0)
  })
})
