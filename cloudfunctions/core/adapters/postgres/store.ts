import { AsyncLocalStorage } from 'node:async_hooks'
import { update as applyUpdate } from 'mingo'
import { Cancelled, DuplicateKeyError, MAX_READ, ReadLimitExceeded, readLimit, type Collection, type Doc, type Figure, type FindOptions, type IndexSpec, type Query, type Store, type Update } from '../../ports'
import { field, fieldKinds, orderBy, quoteIdent, selection, splitIn, Translator, trim, type FieldKinds } from './sql'

/** One connection's worth of SQL: PGlite itself, a pooled PostgreSQL client, or either inside a transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
  /** Several statements without parameters, in one round trip. */
  exec(text: string): Promise<void>
}

export interface Database extends Sql {
  /** BEGIN … COMMIT on one connection, ROLLBACK when `work` throws. */
  transaction<R>(work: (tx: Sql) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export interface PgStore extends Store {
  /** Resolves once the tables and indexes exist; rejects with why the database could not be opened. */
  ready: Promise<void>
  /**
   * What autovacuum does on a server and nothing does inside PGlite: refresh the planner's statistics (without
   * them a filter on a new or grown table is guessed at one row and the plan scans everything), and with
   * `vacuum` also reclaim the rows that updates left behind.
   */
  maintain(options?: { vacuum?: boolean }): Promise<void>
  close(): Promise<void>
}

// Postgres's unique_violation
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505'

const indexName = (table: string, spec: IndexSpec) => `${table}_${spec.fields.join('_').replace(/\./g, '_')}_${spec.unique ? 'key' : spec.array ? 'gin' : 'idx'}`.slice(0, 63)

/** The DDL of one collection: the document table and the indexes from the one index list. */
export function tableDdl(schema: string, name: string, indexes: IndexSpec[]): string[] {
  const table = `${quoteIdent(schema)}.${quoteIdent(name)}`
  const ddl = [`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, doc jsonb NOT NULL)`]
  for (const spec of indexes) {
    const index = quoteIdent(indexName(name, spec))
    if (spec.array) {
      if (spec.fields.length !== 1) throw new Error(`an array index takes one field: ${name}`)
      ddl.push(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} USING gin (${field(spec.fields[0])} jsonb_path_ops)`)
    } else if (spec.unique) {
      ddl.push(`CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${table} (${spec.fields.map(field).join(', ')})`)
    } else {
      // NULLS FIRST and the key last: one index serves both sort directions, in MongoDB's order, with stable pages
      ddl.push(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (${spec.fields.map((f) => `${field(f)} NULLS FIRST`).join(', ')}, id)`)
    }
  }
  return ddl
}

class PgCollection<T extends Doc> implements Collection<T> {
  private readonly kinds: FieldKinds

  constructor(
    private readonly store: PgStoreImpl,
    private readonly table: string,
    private readonly name: string,
    private readonly indexes: IndexSpec[],
    private readonly unique: boolean
  ) {
    this.kinds = fieldKinds(indexes)
  }

  private translate(query: Query) {
    const t = new Translator(this.kinds)
    return { where: t.where(query), params: t.params }
  }

  find(query: Query, options: FindOptions = {}) {
    return this.store.cached(this.name, ['find', query, options], () => this.read(query, options))
  }

  private async read(query: Query, options: FindOptions) {
    const limit = readLimit(this.name, options.limit)
    const skip = Math.max(options.skip ?? 0, 0)
    const t = new Translator(this.kinds)
    const order = orderBy(options.sort)
    const split = limit === undefined ? null : splitIn(query, options.sort, this.indexes)
    // one page per value, each as long as the whole page could need, then merged in the same order
    const source = split
      ? `(${split.values.map((v) => `(SELECT id, doc FROM ${this.table} WHERE ${t.where({ ...query, [split.path]: v })}${order} LIMIT ${skip + limit!})`).join(' UNION ALL ')}) AS page`
      : this.table
    const where = split ? 'TRUE' : t.where(query)
    // without a limit, one more than allowed: enough to tell that the reader would have been cut short
    const { rows } = await this.store.sql(
      `SELECT ${selection(options.projection)} AS doc FROM ${source} WHERE ${where}${order} LIMIT ${limit ?? MAX_READ + 1}${skip ? ` OFFSET ${skip}` : ''}`,
      t.params.values
    )
    if (rows.length > MAX_READ) throw new ReadLimitExceeded(this.name, `more than ${MAX_READ} documents match a read without a limit`)
    return rows.map((r) => trim((r as { doc: T }).doc ?? ({} as T), options.projection))
  }

  async findOne(query: Query) {
    const [doc] = await this.find(query, { limit: 1 })
    return doc ?? null
  }

  count(query: Query) {
    return this.store.cached(this.name, ['count', query], async () => {
      const { where, params } = this.translate(query)
      const { rows } = await this.store.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.table} WHERE ${where}`, params.values)
      return rows[0].n
    })
  }

  async insert(doc: T) {
    if (!(await this.insertIfAbsent(doc))) throw new DuplicateKeyError(this.name)
    return doc
  }

  async insertIfAbsent(doc: T) {
    // ON CONFLICT rather than a caught error: a failed statement would abort the transaction around it
    const { rows } = await this.store.sql(`INSERT INTO ${this.table} (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING RETURNING id`, [doc._id, JSON.stringify(doc)])
    this.store.changed(this.name)
    return rows.length > 0
  }

  /**
   * Locks the matching rows, applies the update to them here with MongoDB's semantics (mingo), and writes them
   * back, in one transaction: a concurrent update waits for the lock and then re-checks its own condition.
   */
  async update(query: Query, update: Update, { multi = false }: { multi?: boolean } = {}) {
    checkUpdate(update)
    return this.store.transaction(async () => {
      const docs = await this.locked(query, multi ? undefined : 1)
      for (const doc of docs) applyUpdate(doc as Record<string, unknown>, update as never, undefined, undefined, { cloneMode: 'none' })
      await this.write(docs)
      return docs.length
    })
  }

  async remove(query: Query, { multi = false }: { multi?: boolean } = {}) {
    const { where, params } = this.translate(query)
    const target = multi ? where : `id IN (SELECT id FROM ${this.table} WHERE ${where} LIMIT 1 FOR UPDATE)`
    const { rows } = await this.store.sql(`DELETE FROM ${this.table} WHERE ${target} RETURNING id`, params.values)
    this.store.changed(this.name)
    return rows.length
  }

  countBy(query: Query, path: string) {
    return this.store.cached(this.name, ['countBy', query, path], () => this.countGroups(query, path))
  }

  private async countGroups(query: Query, path: string) {
    const { where, params } = this.translate(query)
    const { rows } = await this.store.sql<{ k: unknown; n: number }>(`SELECT ${field(path)} AS k, count(*)::int AS n FROM ${this.table} WHERE ${where} GROUP BY 1`, params.values)
    const counts: Record<string, number> = {}
    if (rows.length > MAX_READ) throw new ReadLimitExceeded(this.name, `countBy ${path} makes more than ${MAX_READ} groups`)
    for (const { k, n } of rows) {
      const key = k === null || k === undefined ? '' : String(k)
      counts[key] = (counts[key] ?? 0) + n
    }
    return counts
  }

  sum(query: Query, path: string) {
    return this.store.cached(this.name, ['sum', query, path], async () => {
      const { where, params } = this.translate(query)
      const f = field(path)
      const { rows } = await this.store.sql<{ n: string | number | null }>(
        `SELECT sum((${f})::numeric) FILTER (WHERE jsonb_typeof(${f}) = 'number') AS n FROM ${this.table} WHERE ${where}`,
        params.values
      )
      return Number(rows[0]?.n ?? 0)
    })
  }

  tally<K extends string>(query: Query, figures: Record<K, Figure>) {
    return this.store.cached(this.name, ['tally', query, figures], () => this.figures(query, figures))
  }

  private async figures<K extends string>(query: Query, figures: Record<K, Figure>) {
    const t = new Translator(this.kinds)
    const where = t.where(query)
    const names = Object.keys(figures) as K[]
    const columns = names.map((name, i) => {
      const { where: only, sum } = figures[name]
      const condition = only ? t.where(only) : 'TRUE'
      if (!sum) return `count(*) FILTER (WHERE ${condition}) AS f${i}`
      const f = field(sum)
      return `sum((${f})::numeric) FILTER (WHERE jsonb_typeof(${f}) = 'number' AND ${condition}) AS f${i}`
    })
    const { rows } = await this.store.sql<Record<string, string | number | null>>(`SELECT ${columns.join(', ')} FROM ${this.table} WHERE ${where}`, t.params.values)
    return Object.fromEntries(names.map((name, i) => [name, Number(rows[0][`f${i}`] ?? 0)])) as Record<K, number>
  }

  async take(query: Query & { _id: string }, path: string) {
    return this.store.transaction(async () => {
      const [doc] = await this.locked(query, 1)
      if (!doc) return null
      const current = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc) ?? 0
      if (typeof current !== 'number') throw new Error(`Cannot take on ${path}: it is not a number`)
      applyUpdate(doc as Record<string, unknown>, { $inc: { [path]: 1 } } as never, undefined, undefined, { cloneMode: 'none' })
      await this.write([doc])
      return current + 1
    })
  }

  private async locked(query: Query, limit?: number): Promise<T[]> {
    const { where, params } = this.translate(query)
    const { rows } = await this.store.sql<{ doc: T }>(`SELECT doc FROM ${this.table} WHERE ${where}${limit ? ` LIMIT ${limit}` : ''} FOR UPDATE`, params.values)
    return rows.map((r) => r.doc)
  }

  private async write(docs: T[]) {
    if (!docs.length) return
    this.store.changed(this.name)
    const statement = `UPDATE ${this.table} AS t SET doc = e.value FROM jsonb_array_elements($1::jsonb) AS e WHERE t.id = e.value->>'_id'`
    const values = [JSON.stringify(docs)]
    if (!this.unique) return void (await this.store.sql(statement, values))
    // a unique key taken by another document: undone to the savepoint, so the caller's transaction goes on;
    // named per write, so two writes of one transaction never roll back to each other's savepoint
    const savepoint = `unique_write_${++savepoints}`
    await this.store.sql(`SAVEPOINT ${savepoint}`)
    try {
      await this.store.sql(statement, values)
      await this.store.sql(`RELEASE SAVEPOINT ${savepoint}`)
    } catch (error) {
      await this.store.sql(`ROLLBACK TO SAVEPOINT ${savepoint}`)
      if (isUniqueViolation(error)) throw new DuplicateKeyError(this.name)
      throw error
    }
  }
}

let savepoints = 0

const UPDATE_OPERATORS = new Set(['$set', '$inc', '$push', '$unset'])

function checkUpdate(update: Update) {
  const seen = new Set<string>()
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) throw new Error(`Unsupported update operator: ${operator}`)
    for (const path of Object.keys(fields as object)) {
      if (path === '_id' || path.startsWith('_id.')) throw new Error('The _id of a document cannot change')
      if (seen.has(path)) throw new Error(`Update touches ${path} twice`)
      seen.add(path)
    }
  }
  if (!seen.size) throw new Error('Update has nothing to change')
}

/** A read's key: JSON would write every pattern as {} and drop a field asked to be undefined. */
const keyPart = (_: string, value: unknown) => (value instanceof RegExp ? { $pattern: String(value) } : value === undefined ? { $undefined: true } : value)

/** An answer kept for the same read, with the version of the collection it was read at. */
interface Kept {
  version: number
  value: unknown
  docs: number
}

class PgStoreImpl implements PgStore {
  readonly ready: Promise<void>
  private readonly opened: Promise<void>
  private readonly current = new AsyncLocalStorage<{ tx: Sql; signal?: AbortSignal; changed: Set<string> }>()
  private readonly open = new Map<string, Collection<Doc>>()
  private readonly versions = new Map<string, number>()
  private readonly kept = new Map<string, Kept>()
  private keptDocs = 0
  private db?: Database

  constructor(
    database: Promise<Database>,
    private readonly schema: string,
    private readonly collections: Record<string, IndexSpec[]>,
    private readonly onClose: (db: Database) => Promise<void>,
    prepare: (store: Store) => Promise<void>,
    private readonly keepDocs: number
  ) {
    this.opened = database.then(async (db) => {
      this.db = db
      await db.transaction(async (tx) => {
        // Two processes opening one PostgreSQL database at once would race on CREATE … IF NOT EXISTS
        await tx.query(`SELECT pg_advisory_xact_lock(20261129)`)
        const ddl = [`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`, ...Object.entries(collections).flatMap(([name, indexes]) => tableDdl(schema, name, indexes))]
        await tx.exec(ddl.join(';\n'))
      })
    })
    this.ready = this.opened.then(() => prepare(this))
    // a failure is reported by the first call that needs the database
    this.ready.catch(() => undefined)
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []) {
    await this.opened
    const scope = this.current.getStore()
    if (scope?.signal?.aborted) throw new Cancelled()
    return (scope?.tx ?? this.db!).query<R>(text, params)
  }

  /**
   * Reads outside a transaction answered again from memory while their collection has not changed, when this
   * process is the only writer (PGlite): many people asking for the same feed page cost one query. An answer
   * read while a write was under way is not kept, and every answer is a copy, so no caller sees another's edits.
   */
  async cached<R>(name: string, key: unknown[], read: () => Promise<R>): Promise<R> {
    if (!this.keepDocs || this.current.getStore()) return read()
    const id = `${name}\u0000${JSON.stringify(key, keyPart)}`
    const version = this.versions.get(name) ?? 0
    const hit = this.kept.get(id)
    if (hit?.version === version) {
      // the most recently used last, so the oldest go first when over budget
      this.kept.delete(id)
      this.kept.set(id, hit)
      return structuredClone(hit.value) as R
    }
    const value = await read()
    if ((this.versions.get(name) ?? 0) !== version) return value
    this.forget(id)
    const docs = Array.isArray(value) ? Math.max(value.length, 1) : 1
    if (docs > this.keepDocs / 10) return value
    this.kept.set(id, { version, value: structuredClone(value), docs })
    this.keptDocs += docs
    for (const [oldest] of this.kept) {
      if (this.keptDocs <= this.keepDocs) break
      this.forget(oldest)
    }
    return value
  }

  /** A collection written to: its kept answers are stale once the write is committed (at the end of its transaction). */
  changed(name: string) {
    const scope = this.current.getStore()
    if (scope) scope.changed.add(name)
    else this.versions.set(name, (this.versions.get(name) ?? 0) + 1)
  }

  private forget(id: string) {
    const old = this.kept.get(id)
    if (!old) return
    this.kept.delete(id)
    this.keptDocs -= old.docs
  }

  async transaction<R>(work: () => Promise<R>, options: { signal?: AbortSignal } = {}): Promise<R> {
    if (this.current.getStore()) return work()
    if (options.signal?.aborted) throw new Cancelled()
    await this.opened
    const changed = new Set<string>()
    try {
      return await this.inTransaction(work, changed, options.signal)
    } finally {
      for (const name of changed) this.changed(name)
    }
  }

  private inTransaction<R>(work: () => Promise<R>, changed: Set<string>, signal?: AbortSignal): Promise<R> {
    return this.db!.transaction((tx) =>
      this.current.run({ tx, signal, changed }, async () => {
        // PGlite answers in microtasks: without a turn of the event loop between transactions, finished answers
        // would not be sent, deadlines not fire and new requests not be read until the whole queue drained
        await new Promise((resolve) => setImmediate(resolve))
        if (signal?.aborted) throw new Cancelled()
        const result = await work()
        // given up on while the last step ran: nobody is waiting for the answer, so nothing of it is kept
        if (signal?.aborted) throw new Cancelled()
        return result
      })
    )
  }

  async maintain({ vacuum = false } = {}) {
    await this.opened
    const tables = Object.keys(this.collections).map((name) => `${quoteIdent(this.schema)}.${quoteIdent(name)}`)
    await this.db!.exec(`${vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${tables.join(', ')}`)
  }

  collection<T extends Doc>(name: string): Collection<T> {
    let collection = this.open.get(name)
    if (!collection) {
      const indexes = this.collections[name]
      if (!indexes) throw new Error(`unknown collection: ${name} (add it to the collection list)`)
      collection = new PgCollection<Doc>(this, `${quoteIdent(this.schema)}.${quoteIdent(name)}`, name, indexes, indexes.some((i) => i.unique))
      this.open.set(name, collection)
    }
    return collection as unknown as Collection<T>
  }

  async close() {
    await this.opened.catch(() => undefined)
    if (this.db) await this.onClose(this.db)
  }
}

/**
 * The Store port on Postgres: one table per collection holding each document as jsonb, with the indexes the
 * collection list names, in `schema`. `database` is PGlite (embedded) or a PostgreSQL pool.
 */
export function createPgStore(options: {
  database: Promise<Database> | Database
  collections: Record<string, IndexSpec[]>
  schema?: string
  /** What closing the store does to the database: close it (default), or drop this store's schema. */
  onClose?: (db: Database) => Promise<void>
  /** Runs once the tables exist, before `ready` resolves: e.g. importing data kept by an older store. */
  prepare?: (store: Store) => Promise<void>
  /**
   * How many documents of answers to keep for repeated reads (0: none). Only where every write to the
   * database passes through this store: PGlite, which one process holds; never a shared PostgreSQL server.
   */
  keepDocs?: number
}): PgStore {
  return new PgStoreImpl(
    Promise.resolve(options.database),
    options.schema ?? 'public',
    options.collections,
    options.onClose ?? ((db) => db.close()),
    options.prepare ?? (async () => undefined),
    options.keepDocs ?? 0
  )
}
