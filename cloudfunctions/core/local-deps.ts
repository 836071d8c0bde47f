import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { createLocalFiles, type LocalFiles } from './adapters/local/files'
import { createKeywordModeration } from './adapters/local/moderation'
import { createOutboxNotifier } from './adapters/local/notifier'
import { openPglite, openPostgres } from './adapters/postgres/databases'
import { importNedbFolder } from './adapters/postgres/nedb-import'
import { createPgStore, type Database, type PgStore } from './adapters/postgres/store'
import { consoleLogger, randomIds, systemClock } from './system-ports'
import { INDEXES } from './collections'
import type { Clock, Deps, IndexSpec, Logger } from './ports'

export type LocalDeps = Deps & { store: PgStore; files: LocalFiles }

/** Documents of answers PGlite's store keeps for repeated reads: about 30 MB of whole cases. */
const KEEP_DOCS = 20_000

let scratch: { url: string | undefined; database: Promise<Database>; spare: string[] } | undefined

/**
 * A store of its own in a database shared by this process: a schema on the PostgreSQL server that DATABASE_URL
 * names, or else in one in-memory PGlite. What tests use. Closing it empties the schema's tables, and the next
 * store with the project's collections takes it over rather than creating them all again.
 */
export function scratchStore(collections: Record<string, IndexSpec[]> = INDEXES): PgStore {
  const url = process.env.DATABASE_URL
  if (!scratch || scratch.url !== url) scratch = { url, database: url ? openPostgres(url, { max: 4 }) : openPglite(), spare: [] }
  const { spare } = scratch
  const reusable = collections === INDEXES
  const schema = (reusable && spare.pop()) || `t_${randomBytes(6).toString('hex')}`
  return createPgStore({
    database: scratch.database,
    collections,
    schema,
    keepDocs: url ? 0 : KEEP_DOCS,
    async onClose(db) {
      if (!reusable) return db.exec(`DROP SCHEMA "${schema}" CASCADE`)
      await db.exec(`TRUNCATE ${Object.keys(collections).map((name) => `"${schema}"."${name}"`).join(', ')}`)
      spare.push(schema)
    }
  })
}

/** Closes the database scratch stores share; the test setup calls it when a test file is done. */
export async function closeScratch() {
  const open = scratch
  scratch = undefined
  if (open) await (await open.database).close()
}

/**
 * The store the runtime serves from: the PostgreSQL server in `databaseUrl`, or PGlite with its data under
 * `dataDir/pg` (a folder written by the older nedb store, `dataDir/db`, is imported on first start).
 */
function openStore(options: { dataDir?: string; databaseUrl?: string; logger: Logger }): PgStore {
  if (options.databaseUrl) return createPgStore({ database: openPostgres(options.databaseUrl), collections: INDEXES })
  if (!options.dataDir) return scratchStore()
  const dataDir = options.dataDir
  return createPgStore({
    database: openPglite(path.join(dataDir, 'pg')),
    collections: INDEXES,
    keepDocs: KEEP_DOCS,
    prepare: (store) => importNedbFolder(store, path.join(dataDir, 'db'), Object.keys(INDEXES), options.logger)
  })
}

/** The local adapters: data in PostgreSQL or PGlite, files under `dataDir` (or in memory without one). */
export function createLocalDeps(options: { dataDir?: string; databaseUrl?: string; clock?: Clock; logger?: Logger } = {}): LocalDeps {
  const logger = options.logger ?? consoleLogger
  const store = openStore({ ...options, logger })
  const clock = options.clock ?? systemClock
  return {
    store,
    files: createLocalFiles({ dir: options.dataDir && path.join(options.dataDir, 'files'), clock }),
    notifier: createOutboxNotifier(store, randomIds, clock),
    moderation: createKeywordModeration(),
    clock,
    ids: randomIds,
    logger
  }
}
