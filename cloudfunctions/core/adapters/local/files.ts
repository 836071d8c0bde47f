import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Files, StoredFile } from '../../ports'

const FILE_ID = /^[a-f0-9]{24}$/

/** Files on disk under `dir` (content + a JSON sidecar), or in memory without one. Served at /files/<id>. */
export function createLocalFiles(dir?: string): Files {
  const memory = new Map<string, StoredFile & { content: Buffer }>()

  return {
    async put(content, meta) {
      const stored: StoredFile = { fileId: randomBytes(12).toString('hex'), contentType: meta.contentType, size: content.length }
      if (!dir) {
        memory.set(stored.fileId, { ...stored, content })
        return stored
      }
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, stored.fileId), content)
      await writeFile(path.join(dir, `${stored.fileId}.json`), JSON.stringify(stored))
      return stored
    },
    async get(fileId) {
      if (!FILE_ID.test(fileId)) return null
      if (!dir) return memory.get(fileId) ?? null
      try {
        const stored = JSON.parse(await readFile(path.join(dir, `${fileId}.json`), 'utf8')) as StoredFile
        return { ...stored, content: await readFile(path.join(dir, fileId)) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async url(fileId) {
      return `/files/${fileId}`
    }
  }
}
