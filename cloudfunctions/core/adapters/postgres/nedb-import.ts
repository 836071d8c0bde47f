import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import type { Doc, Logger, Store } from '../../ports'

/**
 * Reads a folder written by the embedded store this project used before (nedb: one `<collection>.db` file of
 * JSON lines, later lines replacing earlier ones, `$$deleted` removing) into `store`, then renames the folder so
 * it is imported once. A broken line (a write cut short) is skipped and counted, not fatal.
 */
export async function importNedbFolder(store: Store, folder: string, known: string[], logger: Logger) {
  if (!existsSync(folder)) return
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.db'))) {
    const name = file.slice(0, -3)
    if (!known.includes(name)) {
      logger.info('nedb import: skipped an unknown collection', { name })
      continue
    }
    const docs = new Map<string, Doc>()
    let broken = 0
    for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      if (!line.trim()) continue
      let entry: Doc & { $$deleted?: boolean; $$indexCreated?: unknown }
      try {
        entry = JSON.parse(line)
      } catch {
        broken++
        continue
      }
      if (entry.$$indexCreated || typeof entry._id !== 'string') continue
      if (entry.$$deleted) docs.delete(entry._id)
      else docs.set(entry._id, reviveDates(entry))
    }
    const collection = store.collection<Doc>(name)
    await store.transaction(async () => {
      for (const doc of docs.values()) if (!(await collection.findOne({ _id: doc._id }))) await collection.insert(doc)
    })
    logger.info('nedb import', { name, documents: docs.size, brokenLines: broken })
  }
  renameSync(folder, `${folder}.imported`)
}

/** nedb wrote a Date as `{ "$$date": <ms> }`; the project keeps dates as ISO strings. */
function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveDates) as T
  if (!value || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  if (typeof record.$$date === 'number' && Object.keys(record).length === 1) return new Date(record.$$date).toISOString() as T
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, reviveDates(v)])) as T
}
