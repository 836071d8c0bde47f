import type { Feedback, PaperQuestion, QuestionKind } from '@contract'

/**
 * Tapping an option: single choice and true/false keep only the tapped one (tapping it again keeps it, so a
 * stray second tap does not clear an answer); multiple choice ticks or unticks it, kept in option order.
 */
export function toggleChoice(kind: QuestionKind, current: number[] | null, option: number): number[] {
  if (kind !== 'multiple') return [option]
  const chosen = current ?? []
  return chosen.includes(option) ? chosen.filter((i) => i !== option) : [...chosen, option].sort((a, b) => a - b)
}

export const isAnswered = (choice: number[] | null | undefined) => !!choice && choice.length > 0

/** One square of the answer sheet. Practice shows right and wrong once checked; a campaign paper only answered or not. */
export type CellState = 'blank' | 'answered' | 'right' | 'wrong'

export function cellState(choice: number[] | null, feedback: Feedback | null): CellState {
  if (feedback) return feedback.correct ? 'right' : 'wrong'
  return isAnswered(choice) ? 'answered' : 'blank'
}

/** Questions still without an answer: a campaign counts choices, practice counts questions not yet checked. */
export function unansweredCount(choices: (number[] | null)[], feedback: (Feedback | null)[], practice: boolean): number {
  return choices.filter((c, i) => (practice ? !feedback[i] : !isAnswered(c))).length
}

/** Where a resumed paper opens: the first question still to do, or the last one when all are done. */
export function firstOpen(questions: Pick<PaperQuestion, 'choice' | 'feedback'>[], practice: boolean): number {
  const open = questions.findIndex((q) => (practice ? !q.feedback : !isAnswered(q.choice)))
  return open >= 0 ? open : Math.max(0, questions.length - 1)
}
