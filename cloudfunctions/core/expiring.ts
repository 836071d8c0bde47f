import type { User } from '../../types/domain'
import { expiring } from './collections'
import type { Deps } from './ports'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** Exports carry names and phones of others: they are kept for a day, for the one who made them. */
export const EXPORT_HOURS = 24
const BATCH = 200

/** Keeps a spreadsheet (or another document) made for `caller` and answers the short-lived link to it. */
export async function saveExport({ caller, deps }: { caller: User; deps: Deps }, content: Buffer, name: string, contentType = XLSX) {
  const expiresAt = new Date(deps.clock.now().getTime() + EXPORT_HOURS * 3600_000).toISOString()
  const file = await deps.files.put(content, { contentType, name, owner: caller._id, purpose: 'export', expiresAt })
  await expiring(deps.store).insert({ _id: file.fileId, expiresAt })
  const [url] = await deps.files.urls([file.fileId])
  return { fileId: file.fileId, url }
}

/**
 * Marks files for the next sweep to delete. Recorded in the store rather than deleted at once, so that it lands
 * with the move that made them useless: a move rolled back (its client gave up, the process died) keeps them.
 */
export async function discard(deps: Deps, fileIds: string[]) {
  const at = deps.clock.now().toISOString()
  for (const _id of fileIds) await expiring(deps.store).insertIfAbsent({ _id, expiresAt: at })
}

/** Deletes the files whose time is up (exports after a day, discarded uploads at once); part of the hourly sweep. */
export async function sweepFiles(deps: Deps) {
  const due = await expiring(deps.store).find({ expiresAt: { $lte: deps.clock.now().toISOString() } }, { limit: BATCH })
  if (!due.length) return 0
  await deps.files.remove(due.map((f) => f._id))
  return expiring(deps.store).remove({ _id: { $in: due.map((f) => f._id) } }, { multi: true })
}
