import { createHash, randomBytes } from 'node:crypto'
import { COUNTER_KEYS, DEFAULT_REJECT_REASONS, type Category, type Counter, type Department, type Holidays, type RejectReasons } from '../../types/domain'
import type { Question } from '../../types/quiz'
import type { VolunteerSettings } from '../../types/volunteer'
import { VOLUNTEER_DEFAULTS } from '../volunteer/rules'
import { settings, type SeedMarker } from '../core/collections'
import { DuplicateKeyError, type Collection, type Deps, type Doc, type Store } from '../core/ports'
import { BANK } from '../quiz/seed-bank'
import { newQuestion } from '../quiz/questions'
import { CATEGORIES, DEPARTMENTS } from './taxonomy'

interface BaseData {
  questions: Question[]
  departments: Department[]
  categories: Category[]
  settings: (Holidays | RejectReasons | VolunteerSettings)[]
  secrets: { _id: string; value: string }[]
  counters: Counter[]
}

/** What a new environment starts with, each item under a fixed id. */
const baseData = (at: string): BaseData => ({
  questions: BANK.map((input) => newQuestion(input, at)),
  departments: DEPARTMENTS,
  categories: CATEGORIES,
  // The working-day calendar starts empty: each year's holidays come from the State Council's notice.
  settings: [{ _id: 'rejectReasons', reasons: DEFAULT_REJECT_REASONS }, { _id: 'holidays', off: [], workdays: [] }, VOLUNTEER_DEFAULTS],
  secrets: [{ _id: 'checkin', value: randomBytes(32).toString('hex') }],
  counters: COUNTER_KEYS.map((key) => ({ _id: key, value: 0 }))
})

/** Names every item, so adding one to the seed makes a seeded environment write the new item, once. */
const versionOf = (data: BaseData) =>
  createHash('sha256')
    .update(Object.entries(data).map(([name, docs]) => `${name}:${(docs as Doc[]).map((d) => d._id).join(',')}`).join(';'))
    .digest('hex')
    .slice(0, 16)

/**
 * First start of an environment. CloudBase runs these writes one by one, so a seed killed half-way (a timeout,
 * a lost connection) must finish on the next call: each item is written only where its id is missing, which
 * never overwrites what the office has since edited (taxonomy, calendar, reasons) nor the check-in key, and
 * the marker goes last, so it exists only once every item does. A seeded environment costs one read.
 */
export async function seedBaseData({ store, clock }: Deps) {
  // one transaction where the store has them (the embedded store commits once); on CloudBase, one write at a time
  await store.transaction(() => seed(store, clock.now().toISOString()))
}

async function seed(store: Store, at: string) {
  const data = baseData(at)
  const version = versionOf(data)
  const marker = (await settings(store).findOne({ _id: 'seed' })) as SeedMarker | null
  if (marker?.version === version) return
  for (const [name, docs] of Object.entries(data)) await insertMissing(store.collection<Doc>(name), docs as Doc[])
  if (marker) await settings(store).update({ _id: 'seed' }, { $set: { version, at } })
  else await insertOnce(settings(store), { _id: 'seed', version, at })
}

/** Reads which ids are there (one call per collection) and inserts the rest. */
async function insertMissing(collection: Collection<Doc>, docs: Doc[]) {
  const ids = docs.map((d) => d._id)
  const present = new Set((await collection.find({ _id: { $in: ids } }, { projection: { _id: 1 }, limit: ids.length })).map((d) => d._id))
  for (const doc of docs) if (!present.has(doc._id)) await insertOnce(collection, doc)
}

/** An insert under a fixed id, where another instance seeding at the same time may have been first. */
async function insertOnce<T extends Doc>(collection: Collection<T>, doc: T) {
  try {
    await collection.insert(doc)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
}
