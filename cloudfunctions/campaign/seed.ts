import { COUNTER_KEYS } from '../../types/domain'
import { categories, counters, departments } from '../core/collections'
import { DuplicateKeyError, type Deps, type Doc, type Collection } from '../core/ports'
import { CATEGORIES, DEPARTMENTS } from './taxonomy'

async function insertMissing<T extends Doc>(collection: Collection<T>, docs: T[]) {
  for (const doc of docs) {
    try {
      await collection.insert(doc)
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
}

/** First start of an environment: departments, the problem taxonomy and zeroed counters. Safe to run again. */
export async function seedBaseData({ store }: Deps) {
  if (await counters(store).count({})) return
  await insertMissing(departments(store), DEPARTMENTS)
  await insertMissing(categories(store), CATEGORIES)
  // Counters last: their presence marks a finished seed.
  await insertMissing(counters(store), COUNTER_KEYS.map((key) => ({ _id: key, value: 0 })))
}
