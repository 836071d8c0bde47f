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
  const pg =
    template && existsSync(template) ? await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) }) : await PGlite.create(dir ? { dataDir: dir } : {})
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

/** A PostgreSQL server (or a compatible engine) through a `pg` pool: the self-hosted deployment. */
export async function openPostgres(url: string, options: { max?: number; statementTimeoutMs?: number } = {}): Promise<Database> {
  const { Pool } = await import('pg')
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, statement_timeout: options.statementTimeoutMs ?? 10_000 })
  // a dropped connection is reported by the next query that needs it, not as an unhandled event
  pool.on('error', () => undefined)
  await pool.query('SELECT 1')
  return {
    query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }),
    exec: async (text) => void (await pool.query(text)),
    async transaction(work) {
      const client = await pool.connect()
      const tx: Sql = { query: async (text, params) => ({ rows: (await client.query(text, params)).rows }), exec: async (text) => void (await client.query(text)) }
      try {
        await client.query('BEGIN')
        const result = await work(tx)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end()
  }
}
