import { randomInt } from 'node:crypto'
import type { AttemptItem, Question, QuestionKind, Quiz } from '../../types/quiz'

/** The stem with spacing, punctuation and case removed: two wordings that differ only in those are one question. */
export const keyOf = (stem: string) => stem.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')

/** Fisher–Yates with a cryptographic source: option order must not be guessable from one attempt to the next. */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

export const sample = <T>(items: readonly T[], count: number) => shuffle(items).slice(0, count)

/** 正确 stays before 错误; choice questions get their options in a fresh order. */
export const optionOrder = (q: Pick<Question, 'kind' | 'options'>) => (q.kind === 'judge' ? q.options.map((_, i) => i) : shuffle(q.options.map((_, i) => i)))

const same = (a: number[], b: number[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i])

/** All or nothing: a multiple-choice question is right only with exactly the right options. */
export const isRight = (choice: number[] | null, answer: number[]) => !!choice && choice.length > 0 && same(choice, answer)

/** Shown position(s) → the question's own option indexes, and back. */
export const toOriginal = (order: number[], shown: number[]) => shown.map((i) => order[i])
export const toShown = (order: number[], original: number[]) => original.map((i) => order.indexOf(i)).sort((a, b) => a - b)

/** How many shown options a choice may name, by kind. */
export function choiceProblem(kind: QuestionKind, choice: number[], optionCount: number): string | null {
  if (choice.some((i) => i < 0 || i >= optionCount)) return '所选选项不存在'
  if (new Set(choice).size !== choice.length) return '选项重复'
  if (kind !== 'multiple' && choice.length > 1) return kind === 'judge' ? '判断题只能选一项' : '单选题只能选一项'
  return null
}

export interface Grade {
  items: AttemptItem[]
  correct: number
  score: number
}

/** Grades on what was saved: an unanswered question is wrong. Score out of 100, rounded. */
export function grade(items: AttemptItem[], answers: Map<string, number[]>): Grade {
  const graded = items.map((item) => ({ ...item, correct: isRight(item.choice, answers.get(item.questionId) ?? []) }))
  const correct = graded.filter((i) => i.correct).length
  return { items: graded, correct, score: graded.length ? Math.round((correct / graded.length) * 100) : 0 }
}

/**
 * When a campaign paper started at `startedAt` must be handed in: the quiz's time limit plus the extra minutes the
 * office granted the person, and never after the quiz closes (its answers may show to everyone then).
 */
export function deadlineOf(quiz: Pick<Quiz, 'timeLimitMinutes' | 'closesAt'>, startedAt: Date, extraMinutes: number): Date {
  const limit = new Date(startedAt.getTime() + (quiz.timeLimitMinutes + extraMinutes) * 60_000)
  const closes = new Date(quiz.closesAt)
  return limit < closes ? limit : closes
}

/** A better result: a higher score, or the same score in less time. */
export const beats = (a: { score: number; seconds: number }, b: { score: number; seconds: number }) => a.score > b.score || (a.score === b.score && a.seconds < b.seconds)

/** Whether a campaign quiz shows its answers to a person who has handed in `graded` papers of it. */
export function answersShown(quiz: Pick<Quiz, 'reveal' | 'closesAt' | 'attemptsAllowed'>, graded: number, now: Date) {
  const reveal = quiz.reveal ?? 'afterClose'
  return reveal === 'atOnce' || now >= new Date(quiz.closesAt) || (reveal === 'afterLast' && graded >= quiz.attemptsAllowed)
}
