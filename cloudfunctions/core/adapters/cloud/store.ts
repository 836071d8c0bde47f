import { Context } from 'mingo/core'
import * as queryOperators from 'mingo/operators/query'
import { Query as Matcher } from 'mingo/query'
import type * as sdk from 'wx-server-sdk'
import { Cancelled, DuplicateKeyError, MAX_READ, ReadLimitExceeded, readLimit, type Collection, type Doc, type Figure, type FindOptions, type Query, type Store, type Update } from '../../ports'

export type CloudDatabase = ReturnType<typeof sdk.database>

/** An opaque `db.command` result: a query, logic or update command. */
interface Command {
  and(...commands: Command[]): Command
}

type Condition = Record<string, unknown> | Command

interface DbCommand {
  eq(value: unknown): Command
  neq(value: unknown): Command
  gt(value: unknown): Command
  gte(value: unknown): Command
  lt(value: unknown): Command
  lte(value: unknown): Command
  in(values: unknown[]): Command
  nin(values: unknown[]): Command
  exists(present: boolean): Command
  and(conditions: Condition[]): Command
  or(conditions: Condition[]): Command
  nor(conditions: Condition[]): Command
  set(value: unknown): Command
  inc(by: number): Command
  push(values: unknown[]): Command
  remove(): Command
  aggregate: { sum(value: number | string): unknown }
}

interface CloudQuery {
  where(condition: Condition): CloudQuery
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery
  skip(offset: number): CloudQuery
  limit(max: number): CloudQuery
  field(projection: Record<string, 0 | 1>): CloudQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

interface Pipeline {
  match(condition: Condition): Pipeline
  group(spec: Record<string, unknown>): Pipeline
  limit(max: number): Pipeline
  end(): Promise<{ list: { _id: unknown; n: number }[] }>
}

interface CloudCollection extends CloudQuery {
  add(options: { data: object }): Promise<{ _id: string }>
  aggregate(): Pipeline
}

interface CloudDocument {
  /** Inside a transaction: `data` is null for a missing record, or the call throws, as `throwOnNotFound` says. */
  get(): Promise<{ data: unknown }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
}

/** A transaction's handle: single-record operations only, no where() or aggregate(). */
interface Transaction {
  collection(name: string): { doc(id: string): CloudDocument }
}

/**
 * What we use of wx-server-sdk's database. Its typings declare each call as `Promise<T> | void | string`
 * (leftovers of the callback style); called without callbacks they always answer the promise.
 */
interface Db {
  command: DbCommand
  collection(name: string): CloudCollection
  /** Commits when `run` resolves, rolls back when it throws; retries conflicts itself `retries` times (default 3). */
  runTransaction<R>(run: (transaction: Transaction) => Promise<R>, retries?: number): Promise<R>
}

// Maps rather than objects, so that a key such as `constructor` is never taken for an operator
const COMPARISONS = new Map<string, (_: DbCommand, value: unknown) => Command>([
  ['$eq', (_, v) => _.eq(v)],
  ['$ne', (_, v) => _.neq(v)],
  ['$gt', (_, v) => _.gt(v)],
  ['$gte', (_, v) => _.gte(v)],
  ['$lt', (_, v) => _.lt(v)],
  ['$lte', (_, v) => _.lte(v)],
  ['$in', (_, v) => _.in(list('$in', v))],
  ['$nin', (_, v) => _.nin(list('$nin', v))],
  ['$exists', (_, v) => _.exists(Boolean(v))]
])

const LOGIC = { $and: 'and', $or: 'or', $nor: 'nor' } as const

const UPDATES = new Map<string, (_: DbCommand, value: unknown) => Command>([
  // _.set replaces an object value whole; a bare object would be flattened into dotted paths and merged
  ['$set', (_, v) => _.set(v)],
  ['$inc', (_, v) => _.inc(v as number)],
  // push takes the values to append; a lone array argument would be spread into several elements
  ['$push', (_, v) => _.push([v])],
  ['$unset', (_) => _.remove()]
])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))

function list(operator: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${operator} needs an array`)
  return value
}

function fieldCondition(_: DbCommand, value: unknown): unknown {
  if (!isPlainObject(value)) return value
  const operators = Object.keys(value)
  // Without operators the object is a value to match whole; the sdk would otherwise flatten it into dotted paths
  if (!operators.some((key) => key.startsWith('$'))) return _.eq(value)
  const [first, ...rest] = operators.map((operator) => {
    const compare = COMPARISONS.get(operator)
    if (!compare) throw new Error(`Unsupported query operator: ${operator}`)
    return compare(_, value[operator])
  })
  return rest.length ? first.and(...rest) : first
}

function toCondition(_: DbCommand, query: Query): Condition {
  const fields: Record<string, unknown> = {}
  const logic: Command[] = []
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('$')) {
      fields[key] = fieldCondition(_, value)
      continue
    }
    const name = LOGIC[key as keyof typeof LOGIC]
    if (!name) throw new Error(`Unsupported query operator: ${key}`)
    if (!Array.isArray(value) || value.length === 0) throw new Error(`${key} needs a non-empty array of queries`)
    logic.push(_[name](value.map((sub: Query) => toCondition(_, sub))))
  }
  if (logic.length === 0) return fields
  const hasFields = Object.keys(fields).length > 0
  if (!hasFields && logic.length === 1) return logic[0]
  // where() takes either fields or one logic command, so a mix goes under one _.and
  return _.and(hasFields ? [fields, ...logic] : logic)
}

function toData(_: DbCommand, update: Update): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [operator, fields] of Object.entries(update)) {
    const make = UPDATES.get(operator)
    if (!make) throw new Error(`Unsupported update operator: ${operator}`)
    for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
      if (field in data) throw new Error(`Update touches ${field} twice`)
      data[field] = make(_, value)
    }
  }
  if (Object.keys(data).length === 0) throw new Error('Update has nothing to change')
  return data
}

// CloudBase passes MongoDB's E11000 text through in the message of a generic DATABASE_REQUEST_FAILED
const isDuplicateKey = (error: unknown) => /E11000|duplicate key/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

/** How many transactions `take` starts before it gives up on conflicts, and the wait before the first retry. */
const TAKE_ATTEMPTS = 5
// take tests a query in memory: mingo's query operators alone, since all of mingo (expressions, pipelines)
// would add ~240 KB to every function's bundle
const MATCHING = { context: Context.init().addQueryOps(queryOperators) }
const TAKE_BACKOFF_MS = 20

/**
 * One of two transactions touching the same record is aborted. At commit the sdk passes tcb-api's code through;
 * from a get or update inside the transaction wx-server-sdk maps it to a generic -501001 and only the message
 * ("[ResourceUnavailable.TransactionConflict] Transaction is conflict, ...") is left to tell.
 */
const isConflict = (error: unknown) =>
  (error as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT' ||
  /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(String((error as { errMsg?: string })?.errMsg ?? error))

// wx-server-sdk's doc().get() throws this for a missing record unless the database was set up with throwOnNotFound: false
const isNotFound = (error: unknown) => /document with _id .* does not exist/.test(String((error as { errMsg?: string })?.errMsg ?? error))

const valueAt = (doc: unknown, field: string) => field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

class CloudCollectionAdapter<T extends Doc> implements Collection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: string
  ) {}

  private where(query: Query) {
    return this.db.collection(this.name).where(toCondition(this.db.command, query))
  }

  /**
   * Narrows a query to its first match, so a single update or remove touches one record and still
   * re-checks the rest of the condition atomically. Answers null when nothing matches. A query on one _id
   * already names a single record and is left as it is.
   */
  private async pin(query: Query): Promise<Query | null> {
    if (typeof query._id === 'string') return query
    const { data } = await this.where(query).limit(1).field({ _id: 1 }).get()
    const _id = (data[0] as Doc | undefined)?._id
    if (_id === undefined) return null
    // spreading would let the query's own _id condition replace the pinned one
    return '_id' in query ? { $and: [{ _id }, query] } : { ...query, _id }
  }

  async find(query: Query, { sort = {}, skip, limit, projection }: FindOptions = {}) {
    const page = readLimit(this.name, limit)
    let cursor = this.where(query)
    for (const [field, direction] of Object.entries(sort)) cursor = cursor.orderBy(field, direction === -1 ? 'desc' : 'asc')
    if (skip) cursor = cursor.skip(skip)
    cursor = cursor.limit(page ?? MAX_READ)
    if (projection) cursor = cursor.field(projection)
    const { data } = await cursor.get()
    // CloudBase cannot be asked for one more than it answers: a full answer to a read without a limit is counted
    if (page === undefined && data.length >= MAX_READ && (await this.count(query)) - (skip ?? 0) > MAX_READ) {
      throw new ReadLimitExceeded(this.name, `more than ${MAX_READ} documents match a read without a limit`)
    }
    return data as T[]
  }

  async findOne(query: Query) {
    const [doc] = await this.find(query, { limit: 1 })
    return doc ?? null
  }

  async count(query: Query) {
    return (await this.where(query).count()).total
  }

  async insert(doc: T) {
    if (!(await this.insertIfAbsent(doc))) throw new DuplicateKeyError(this.name)
    return doc
  }

  async insertIfAbsent(doc: T) {
    try {
      await this.db.collection(this.name).add({ data: doc })
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }

  async update(query: Query, update: Update, { multi = false }: { multi?: boolean } = {}) {
    const data = toData(this.db.command, update)
    const target = multi ? query : await this.pin(query)
    if (!target) return 0
    try {
      return (await this.where(target).update({ data })).stats.updated
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(this.name)
      throw error
    }
  }

  async remove(query: Query, { multi = false }: { multi?: boolean } = {}) {
    const target = multi ? query : await this.pin(query)
    if (!target) return 0
    return (await this.where(target).remove()).stats.removed
  }

  async countBy(query: Query, field: string) {
    const _ = this.db.command
    const { list } = await this.db
      .collection(this.name)
      .aggregate()
      .match(toCondition(_, query))
      .group({ _id: `$${field}`, n: _.aggregate.sum(1) })
      // CloudBase answers only 20 aggregation results unless told otherwise; one more tells that groups were cut off
      .limit(MAX_READ + 1)
      .end()
    if (list.length > MAX_READ) throw new ReadLimitExceeded(this.name, `countBy ${field} makes more than ${MAX_READ} groups`)
    // records without the field count under '', as in the local store
    return Object.fromEntries(list.map(({ _id, n }) => [String(_id ?? ''), n]))
  }

  /**
   * A transaction reads the record, tests the whole query against it here (transactions allow no where()), and
   * increments the field only if it matches. A concurrent take on the same record aborts one of the two
   * transactions; the aborted one starts over, re-reading the record, so a value is never handed out twice.
   */
  async take(query: Query & { _id: string }, field: string) {
    const _ = this.db.command
    // refuses the operators CloudBase does not answer, as every other method does, before anything is sent
    toCondition(_, query)
    const matches = new Matcher(query, MATCHING)
    const run = async (transaction: Transaction) => {
      const record = transaction.collection(this.name).doc(query._id)
      let doc: Record<string, unknown> | null = null
      try {
        doc = (await record.get()).data as Record<string, unknown> | null
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
      if (!doc || !matches.test(doc)) return null
      // $inc creates a missing field with the increment
      const value = valueAt(doc, field)
      const current = value === undefined ? 0 : value
      if (typeof current !== 'number') throw new Error(`Cannot take on ${field}: it is not a number`)
      await record.update({ data: { [field]: _.inc(1) } })
      return current + 1
    }
    for (let attempt = 1; ; attempt++) {
      try {
        // 0: the sdk would retry a conflict only when its code survives, without backoff; this loop retries all of them
        return await this.db.runTransaction(run, 0)
      } catch (error) {
        if (!isConflict(error) || attempt >= TAKE_ATTEMPTS) throw error
        await pause(TAKE_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random()))
      }
    }
  }

  /** CloudBase has no filtered aggregates in one group; each figure is its own count or sum, in parallel. */
  async tally<K extends string>(query: Query, figures: Record<K, Figure>) {
    const names = Object.keys(figures) as K[]
    const values = await Promise.all(
      names.map((name) => {
        const { where, sum } = figures[name]
        const q = where ? { $and: [query, where] } : query
        return sum ? this.sum(q, sum) : this.count(q)
      })
    )
    return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<K, number>
  }

  async sum(query: Query, field: string) {
    const _ = this.db.command
    const { list } = await this.db
      .collection(this.name)
      .aggregate()
      .match(toCondition(_, query))
      .group({ _id: null, n: _.aggregate.sum(`$${field}`) })
      .end()
    return Number(list[0]?.n ?? 0)
  }
}

/** The Store port on CloudBase: MongoDB-syntax queries and updates translated to `db.command`. */
export function createCloudStore(database: CloudDatabase): Store {
  const db = database as unknown as Db
  return {
    collection<T extends Doc>(name: string): Collection<T> {
      return new CloudCollectionAdapter<T>(db, name)
    },
    // db.runTransaction takes single-record operations only; the steps run one by one and the sweeps repair counters
    transaction(work, options) {
      if (options?.signal?.aborted) return Promise.reject(new Cancelled())
      return work()
    }
  }
}
