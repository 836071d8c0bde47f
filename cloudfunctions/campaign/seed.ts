import { COUNTER_KEYS, DEFAULT_REJECT_REASONS, type Holidays, type RejectReasons } from '../../types/domain'
import type { VolunteerSettings } from '../../types/volunteer'
import { VOLUNTEER_DEFAULTS } from '../volunteer/rules'
import { randomBytes } from 'node:crypto'
import { categories, counters, departments, secrets, settings } from '../core/collections'
import { DuplicateKeyError, type Deps, type Doc, type Collection } from '../core/ports'
import { seedQuestionBank } from '../quiz/seed'
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

/** First start of an environment: the question bank, departments, the problem taxonomy and zeroed counters. Safe to run again. */
export async function seedBaseData({ store, clock }: Deps) {
  await store.transaction(() => seedOnce(store, clock.now().toISOString()))
}

async function seedOnce(store: Deps['store'], at: string) {
  await seedQuestionBank(store, at)
  if (await counters(store).count({})) return
  await insertMissing(departments(store), DEPARTMENTS)
  await insertMissing(categories(store), CATEGORIES)
  // The working-day calendar starts empty: each year's holidays come from the State Council's notice.
  await insertMissing<Holidays | RejectReasons | VolunteerSettings>(settings(store), [
    { _id: 'rejectReasons', reasons: DEFAULT_REJECT_REASONS },
    { _id: 'holidays', off: [], workdays: [] },
    VOLUNTEER_DEFAULTS
  ])
  await insertMissing(secrets(store), [{ _id: 'checkin', value: randomBytes(32).toString('hex') }])
  // Counters last: their presence marks a finished seed.
  await insertMissing(counters(store), COUNTER_KEYS.map((key) => ({ _id: key, value: 0 })))
}
