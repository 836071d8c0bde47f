/**
 * The edges of the back end. Use cases see only these interfaces; adapters/local and adapters/cloud
 * implement them for the embedded runtime and for CloudBase.
 */

/** A document query in MongoDB syntax, limited to what both the embedded store and CloudBase can answer. */
export type Query = Record<string, unknown>

/**
 * Supported query operators: field equality (dot paths allowed), $eq $ne $gt $gte $lt $lte $in $nin $exists,
 * and $and / $or / $nor at the top level or nested. A RegExp as a field's value matches strings (keyword search);
 * both stores take it natively.
 */
export type Operator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$exists'

/** Supported update operators. `$push` appends one value; `$unset` removes the field. */
export interface Update {
  $set?: Record<string, unknown>
  $inc?: Record<string, number>
  $push?: Record<string, unknown>
  $unset?: Record<string, true>
}

export type SortSpec = Record<string, 1 | -1>

/**
 * CloudBase answers at most 1,000 documents a read, and both adapters hold every reader to it, so a read never
 * stops short in silence: a page asks for at most this many, and a read without a limit answers every match or
 * throws ReadLimitExceeded when more than this many match. A reader whose matches can grow past it pages
 * (`findAll` in core/pages.ts) or aggregates (count, countBy, sum, tally).
 */
export const MAX_READ = 1000

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  /** A page of at most MAX_READ; asking for more throws. Left out: every match, and a throw when more than MAX_READ match. */
  limit?: number
  /** Fields to return (1) or to leave out (0); not mixed. */
  projection?: Record<string, 0 | 1>
}

export interface Figure {
  where?: Query
  sum?: string
}

export interface Doc {
  _id: string
}

export interface Collection<T extends Doc> {
  find(query: Query, options?: FindOptions): Promise<T[]>
  findOne(query: Query): Promise<T | null>
  count(query: Query): Promise<number>
  insert(doc: T): Promise<T>
  /**
   * Inserts `doc` unless its _id (or a unique key) is taken, and answers whether it did: a retried or raced
   * create finds its document already there, which is not an error. Inside a transaction the transaction goes on.
   */
  insertIfAbsent(doc: T): Promise<boolean>
  /** Applies `update` to the first match (or every match with `multi`); answers how many matched. */
  update(query: Query, update: Update, options?: { multi?: boolean }): Promise<number>
  /** Removes the first match (or every match with `multi`); answers how many were removed. */
  remove(query: Query, options?: { multi?: boolean }): Promise<number>
  /** Counts matching documents grouped by a field's value: the one aggregation dashboards need. At most MAX_READ groups, or it throws. */
  countBy(query: Query, field: string): Promise<Record<string, number>>
  /** Adds up a numeric field over the matching documents (missing counts as 0). */
  sum(query: Query, field: string): Promise<number>
  /**
   * Several figures over the matching documents at once (one pass where the store can): per name, how many of
   * them also match `where` (all without it), or with `sum`, that numeric field added up over those.
   */
  tally<K extends string>(query: Query, figures: Record<K, Figure>): Promise<Record<K, number>>
  /**
   * Adds 1 to a numeric field of the one document `query` names by `_id`, if it still matches the query, and
   * answers the new value (null when it did not match). Atomic: a seat or a place in line is never given twice.
   */
  take(query: Query & { _id: string }, field: string): Promise<number | null>
}

export interface Store {
  collection<T extends Doc>(name: string): Collection<T>
  /**
   * Runs `work` so that every store call it makes commits together or not at all: a multi-step move (a case,
   * its points and notices; a seat and its counters) is never left half done. Calls inside a transaction join
   * it. CloudBase's transactions take single-record operations only, so there the steps run one by one and the
   * sweeps repair what a crash between them leaves. Once `signal` aborts (the caller gave up, or the request ran
   * past its deadline), the next store call throws Cancelled and the transaction rolls back.
   */
  transaction<R>(work: () => Promise<R>, options?: { signal?: AbortSignal }): Promise<R>
}

/** An index a collection needs: on one field or several (compound); `array` marks a field that holds a list. */
export interface IndexSpec {
  fields: string[]
  unique?: boolean
  array?: boolean
}

/**
 * Why a file is kept, which decides who reads it: an upload (a photo or a sheet not yet used) and an import only
 * its owner; a case's photos whoever is shown the case; an export only the staff member who made it, for a day.
 */
export type FilePurpose = 'upload' | 'import' | 'report-photo' | 'after-photo' | 'export'

export interface StoredFile {
  fileId: string
  contentType: string
  size: number
  /** The user id (`userIdOf(openid)`) of whoever uploaded the file or had it made. */
  owner: string
  purpose: FilePurpose
  /** After this moment the file is as good as gone (exports); null keeps it. */
  expiresAt: string | null
}

export interface Files {
  put(content: Buffer, meta: { contentType: string; name?: string; owner: string; purpose: FilePurpose; expiresAt?: string }): Promise<StoredFile>
  get(fileId: string): Promise<(StoredFile & { content: Buffer }) | null>
  remove(fileIds: string[]): Promise<void>
  /**
   * For each file, in order, a URL a client can display without saying who it is, valid at least for the next
   * hour and not for long after: hand them only to someone the use case lets see the files. One call per view:
   * the platform answers a list at once.
   */
  urls(fileIds: string[]): Promise<string[]>
}

export interface Notice {
  userId: string
  /** The openid of the recipient, needed by the platform's push; never stored in another user's view. */
  openid: string
  template: string
  title: string
  body: string
  page?: string
  /** Names the notice when a step may be taken again (core/moves.ts): a notice of the same key is given once. */
  key?: string
}

export interface Notifier {
  /** Answers false for a notice of a key already given, which is not given again. */
  notify(notice: Notice): Promise<boolean>
}

export type Verdict = 'pass' | 'review' | 'risky'

export interface Moderation {
  checkText(text: string, context: { openid: string; scene: 'profile' | 'comment' | 'forum' | 'social' }): Promise<{ verdict: Verdict; hits: string[] }>
}

export interface Clock {
  now(): Date
}

export interface Ids {
  next(): string
}

export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void
  error(message: string, extra?: Record<string, unknown>): void
}

export interface Deps {
  store: Store
  files: Files
  notifier: Notifier
  moderation: Moderation
  clock: Clock
  ids: Ids
  logger: Logger
}

/** Raised by `insert` when the _id (or a unique index) is taken, so callers can treat a race as "already there". */
export class DuplicateKeyError extends Error {
  constructor(readonly collection: string) {
    super(`duplicate key in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/** Raised by a store call made after the request it serves was given up on; the transaction rolls back. */
export class Cancelled extends Error {
  constructor() {
    super('request cancelled')
    this.name = 'Cancelled'
  }
}

/** Raised by a read that asks for more than MAX_READ documents, or would answer more: the reader must page. */
export class ReadLimitExceeded extends Error {
  constructor(collection: string, detail: string) {
    super(`${collection}: ${detail}; a read answers at most ${MAX_READ} (page with findAll, or aggregate)`)
    this.name = 'ReadLimitExceeded'
  }
}

/** The page size a find asked for (undefined: every match), refused beyond what CloudBase answers. */
export function readLimit(collection: string, limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`a limit is a whole number: ${limit}`)
  if (limit > MAX_READ) throw new ReadLimitExceeded(collection, `a read asks for ${limit} documents`)
  return limit
}
