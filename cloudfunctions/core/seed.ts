import { createHash, randomBytes } from 'node:crypto'
import { COUNTER_KEYS, DEFAULT_REJECT_REASONS } from '../../types/domain'
import type { VolunteerSettings } from '../../types/volunteer'
import { settings, type SeedMarker } from './collections'
import type { Collection, Deps, Doc, Store } from './ports'
import { CATEGORIES, DEPARTMENTS } from './taxonomy'

/** Part of what a new environment starts with: documents by collection, each under a fixed id. */
export type Seed = (at: string) => Record<string, Doc[]>

/** 星级 thresholds and the attendance, waitlist and stars rules; the office can change them in settings. */
export const VOLUNTEER_DEFAULTS: VolunteerSettings = {
  _id: 'volunteer',
  stars: [100, 300, 600, 1000, 1500],
  minAttendance: 0.6,
  offerHours: 12,
  starsPerMonth: 10,
  noticeDays: 5
}

/** What every function needs of an environment: the taxonomy, the settings, the check-in key, the counters. */
export const baseData: Seed = () => ({
  departments: DEPARTMENTS,
  categories: CATEGORIES,
  // The working-day calendar starts empty: each year's holidays come from the State Council's notice.
  settings: [{ _id: 'rejectReasons', reasons: DEFAULT_REJECT_REASONS }, { _id: 'holidays', off: [], workdays: [] }, VOLUNTEER_DEFAULTS],
  secrets: [{ _id: 'checkin', value: randomBytes(32).toString('hex') }],
  counters: COUNTER_KEYS.map((key) => ({ _id: key, value: 0 }))
})

/** Names every item of a part, so adding one to it makes a seeded environment write the new item, once. */
const versionOf = (data: Record<string, Doc[]>) =>
  createHash('sha256')
    .update(Object.entries(data).map(([name, docs]) => `${name}:${docs.map((d) => d._id).join(',')}`).join(';'))
    .digest('hex')
    .slice(0, 16)

/**
 * First start of an environment, with the parts a function needs (each function passes its own to cloudMain).
 * CloudBase runs these writes one by one, so a seed killed half-way (a timeout, a lost connection) must finish
 * on the next call: each item is written only where its id is missing, which never overwrites what the office
 * has since edited (taxonomy, calendar, reasons) nor the check-in key, and the marker, naming the parts done,
 * goes last, so it names a part only once every item of it exists. A seeded environment costs one read.
 */
export async function seedBaseData({ store, clock }: Deps, parts: Seed[]) {
  // one transaction where the store has them (the embedded store commits once); on CloudBase, one write at a time
  await store.transaction(() => seed(store, parts, clock.now().toISOString()))
}

async function seed(store: Store, parts: Seed[], at: string) {
  const marker = (await settings(store).findOne({ _id: 'seed' })) as SeedMarker | null
  const done = marker?.versions ?? []
  const missing = parts.map((part) => part(at)).filter((data) => !done.includes(versionOf(data)))
  if (!missing.length) return
  for (const data of missing) for (const [name, docs] of Object.entries(data)) await insertMissing(store.collection<Doc>(name), docs)
  const versions = [...new Set([...done, ...missing.map(versionOf)])]
  if (marker) await settings(store).update({ _id: 'seed' }, { $set: { versions, at } })
  // another instance seeding at the same time may have been first
  else await settings(store).insertIfAbsent({ _id: 'seed', versions, at })
}

/** Reads which ids are there (one call per collection) and inserts the rest, unless another instance was first. */
async function insertMissing(collection: Collection<Doc>, docs: Doc[]) {
  const ids = docs.map((d) => d._id)
  const present = new Set((await collection.find({ _id: { $in: ids } }, { projection: { _id: 1 }, limit: ids.length })).map((d) => d._id))
  for (const doc of docs) if (!present.has(doc._id)) await collection.insertIfAbsent(doc)
}
