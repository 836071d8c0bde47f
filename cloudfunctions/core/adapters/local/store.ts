import path from 'node:path'
import Datastore from '@seald-io/nedb'
import { DuplicateKeyError, type Collection, type Doc, type FindOptions, type Query, type Store, type Update } from '../../ports'

export interface LocalStore extends Store {
  /** Writes every collection's file compactly; called on shutdown. */
  close(): Promise<void>
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

/**
 * nedb lacks $eq and $nor, and on array fields its $ne/$nin match when any element differs, where MongoDB (and
 * CloudBase) match when no element is equal. Rewrite those into forms nedb has, recursively.
 */
function toNedb(query: unknown): unknown {
  if (Array.isArray(query)) return query.map(toNedb)
  if (!query || typeof query !== 'object' || query instanceof RegExp) return query
  const out: Record<string, unknown> = {}
  const negations: object[] = []
  for (const [key, value] of Object.entries(query)) {
    if (key === '$nor') {
      negations.push({ $not: { $or: toNedb(value) } })
    } else if (!key.startsWith('$') && value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      const { $ne, $nin, $eq, ...rest } = value as Record<string, unknown>
      // A missing field equals null in MongoDB, so "not null" also means "present".
      if ('$ne' in value) negations.push($ne === null ? { [key]: { $exists: true }, $not: { [key]: null } } : { $not: { [key]: $ne } })
      if ('$nin' in value) negations.push({ $not: { [key]: { $in: $nin } } })
      const kept = { ...rest, ...('$eq' in value ? { $in: [$eq] } : {}) }
      if (Object.keys(kept).length) out[key] = kept
    } else {
      out[key] = toNedb(value)
    }
  }
  if (!negations.length) return out
  return { $and: [...(Object.keys(out).length ? [out] : []), ...negations] }
}

const valueAt = (doc: object, field: string) => field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc)

const isUniqueViolation = (error: unknown) => (error as { errorType?: string })?.errorType === 'uniqueViolated'

class LocalCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly name: string,
    private readonly db: Datastore<T>
  ) {}

  async find(query: Query, options: FindOptions = {}) {
    let cursor = this.db.findAsync(toNedb(query) as object)
    if (options.sort) cursor = cursor.sort(options.sort)
    if (options.skip) cursor = cursor.skip(options.skip)
    cursor = cursor.limit(Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT))
    if (options.projection) cursor = cursor.projection(options.projection)
    return (await cursor) as T[]
  }

  async findOne(query: Query) {
    return ((await this.db.findOneAsync(toNedb(query) as object)) as T | null) ?? null
  }

  async count(query: Query) {
    return this.db.countAsync(toNedb(query) as object)
  }

  async insert(doc: T) {
    try {
      return (await this.db.insertAsync(doc)) as T
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(this.name)
      throw error
    }
  }

  async update(query: Query, update: Update, options: { multi?: boolean } = {}) {
    try {
      const { numAffected } = await this.db.updateAsync(toNedb(query) as object, update, { multi: options.multi ?? false })
      return numAffected
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(this.name)
      throw error
    }
  }

  async remove(query: Query, options: { multi?: boolean } = {}) {
    return this.db.removeAsync(toNedb(query) as object, { multi: options.multi ?? false })
  }

  async countBy(query: Query, field: string) {
    const docs = await this.db.findAsync(toNedb(query) as object).projection({ [field]: 1, _id: 0 })
    const counts: Record<string, number> = {}
    for (const doc of docs) {
      const key = String(valueAt(doc, field) ?? '')
      counts[key] = (counts[key] ?? 0) + 1
    }
    return counts
  }

  async take(query: Query & { _id: string }, field: string) {
    const { numAffected, affectedDocuments } = await this.db.updateAsync(toNedb(query) as object, { $inc: { [field]: 1 } }, { returnUpdatedDocs: true })
    return numAffected ? Number(valueAt(affectedDocuments as object, field)) : null
  }

  async sum(query: Query, field: string) {
    const docs = await this.db.findAsync(toNedb(query) as object).projection({ [field]: 1, _id: 0 })
    return docs.reduce((total, doc) => total + (Number(valueAt(doc, field)) || 0), 0)
  }
}

/**
 * The embedded store: one nedb datastore per collection, a file each under `dir`, or in memory without one.
 * nedb runs one operation at a time per datastore, which makes a conditional update atomic in this process.
 */
export function createLocalStore(options: { dir?: string; indexes?: Record<string, { fields: string[]; unique?: boolean }[]> } = {}): LocalStore {
  const open = new Map<string, Collection<Doc>>()
  const stores = new Map<string, Datastore>()

  function datastore(name: string) {
    let db = stores.get(name)
    if (!db) {
      db = new Datastore(options.dir ? { filename: path.join(options.dir, `${name}.db`), autoload: true } : { inMemoryOnly: true })
      for (const index of options.indexes?.[name] ?? []) {
        void db.ensureIndexAsync({ fieldName: index.fields.length === 1 ? index.fields[0] : index.fields, unique: index.unique })
      }
      stores.set(name, db)
    }
    return db
  }

  return {
    collection<T extends Doc>(name: string) {
      if (!/^[a-z][a-zA-Z0-9_]*$/.test(name)) throw new Error(`bad collection name: ${name}`)
      let collection = open.get(name)
      if (!collection) {
        collection = new LocalCollection<Doc>(name, datastore(name) as Datastore<Doc>)
        open.set(name, collection)
      }
      return collection as unknown as Collection<T>
    },
    async close() {
      if (options.dir) await Promise.all([...stores.values()].map((db) => db.compactDatafileAsync()))
    }
  }
}
