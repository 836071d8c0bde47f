import { questions } from '../core/collections'
import { DuplicateKeyError, type Store } from '../core/ports'
import { BANK } from './bank'
import { newQuestion } from './questions'

/** The seeded bank, on an environment's first start (and on one seeded before the quiz existed). */
export async function seedQuestionBank(store: Store, at: string) {
  if (await questions(store).count({})) return
  for (const input of BANK) {
    try {
      await questions(store).insert(newQuestion(input, at))
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
}
