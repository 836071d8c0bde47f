import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Database, Sql } from './store'

/**
 * PGlite: PostgreSQL compiled to WASM, in this process. With `dir` the data lives in that folder and survives
 * restarts; without it, in memory. One connection: statements and transactions run one at a time.
 */
export async function openPglite(dir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite')
  if (dir) mkdirSync(dir, { recursive: true })
  const template = dir ? undefined : process.env.PGLITE_TEMPLATE
  // initdb costs seconds; a dumped, freshly initialised data folder loads in about one
  // PostgreSQL's default 128 MB of shared buffers sit in the WASM heap for the life of the process; the
  // operating system caches the data folder anyway
  const postgresqlconf = 'shared_buffers = 32MB'
  const pg =
    template && existsSync(template)
      ? await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]), postgresqlconf })
      : await PGlite.create(dir ? { dataDir: dir, postgresqlconf } : { postgresqlconf })
  return {
    query: (text, params) => pg.query(text, params),
    exec: async (text) => void (await pg.exec(text)),
    transaction: (work) => pg.transaction((tx) => work({ query: (text, params) => tx.query(text, params), exec: async (text) => void (await tx.exec(text)) })),
    close: () => pg.close()
  }
}

/** Writes the initialised, empty data folder that `openPglite` loads in-memory instances from (PGLITE_TEMPLATE). */
export async function writePgliteTemplate(file: string) {
  if (existsSync(file)) return
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = await PGlite.create()
  const dump = await pg.dumpDataDir('none')
  await pg.close()
  mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, file)
}

// deadlock_detected, serialization_failure: the server rolled the transaction back, so it may simply run again
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 5
const isRetryable = (error: unknown) => RETRYABLE.has((error as { code?: string })?.code ?? '')
// jittered, doubling: racing transactions that deadlocked do not meet again at once
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt))

async function retrying<R>(run: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error
      await backoff(attempt)
    }
  }
}

/**
 * A PostgreSQL server (or a compatible engine) through a `pg` pool: the self-hosted deployment. Unlike PGlite's one
 * connection, transactions here run side by side, so two that lock the same rows in different orders can deadlock:
 * the server then rolls one back, and it runs again (up to 5 times), as does a serialization failure.
 */
export async function openPostgres(url: string, options: { max?: number; statementTimeoutMs?: number } = {}): Promise<Database> {
  const { Pool } = await import('pg')
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, statement_timeout: options.statementTimeoutMs ?? 10_000 })
  // a dropped connection is reported by the next query that needs it, not as an unhandled event
  pool.on('error', () => undefined)
  await pool.query('SELECT 1')

  /** One try of a transaction; rejects with a retryable error if any statement in it hit one, even one `work` caught. */
  async function once<R>(work: (tx: Sql) => Promise<R>): Promise<R> {
    const client = await pool.connect()
    let retry: unknown
    let over = false
    // statements go one after another, as on PGlite, even when `work` starts several at once; none after the end
    let queue: Promise<unknown> = Promise.resolve()
    const run = (text: string, params?: unknown[]) => {
      if (over) return Promise.reject(new Error('the transaction is over'))
      const next = queue.then(() =>
        client.query(text, params).catch((error: unknown) => {
          if (isRetryable(error)) retry ??= error
          throw error
        })
      )
      queue = next.catch(() => undefined)
      return next
    }
    const end = (text: string) => {
      const last = run(text)
      over = true
      return last
    }
    const tx: Sql = { query: async (text, params) => ({ rows: (await run(text, params)).rows }), exec: async (text) => void (await run(text)) }
    try {
      await run('BEGIN')
      const result = await work(tx)
      if (retry) throw retry
      await end('COMMIT')
      return result
    } catch (error) {
      if (!over) await end('ROLLBACK').catch(() => undefined)
      throw retry ?? error
    } finally {
      await queue
      client.release()
    }
  }

  return {
    query: (text, params) => retrying(async () => ({ rows: (await pool.query(text, params)).rows })),
    exec: (text) => retrying(async () => void (await pool.query(text))),
    transaction: (work) => retrying(() => once(work)),
    close: () => pool.end()
  }
}
