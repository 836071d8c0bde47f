import type { Question, QuestionInput } from '../../types/quiz'
import { idOf } from '../core/idempotency'
import { keyOf } from './rules'

/** The id follows from the stem's key, so seeding twice or importing a file twice never makes two copies. */
export const questionIdOf = (key: string) => idOf('q', key)

export function newQuestion(input: QuestionInput, at: string): Question {
  const key = keyOf(input.stem)
  return { _id: questionIdOf(key), key, ...input, active: true, createdAt: at, updatedAt: at }
}
