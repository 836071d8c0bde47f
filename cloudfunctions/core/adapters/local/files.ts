import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Clock, Files, StoredFile } from '../../ports'

const FILE_ID = /^[a-f0-9]{24}$/
const HOUR = 3600_000

/** How a GET /files/<id> asks: with the signature of a URL this adapter made, or as the file's owner. */
export interface Access {
  expires?: string
  signature?: string
  owner?: string
}

export type Read = (StoredFile & { content: Buffer }) | 'forbidden' | null

export interface LocalFiles extends Files {
  /** The file if this request may read it, 'forbidden' if it may not, null when it is missing or expired. */
  read(fileId: string, access: Access): Promise<Read>
}

/** The key URLs are signed with: kept beside the files so links handed out survive a restart. */
async function urlKey(dir: string | undefined): Promise<Buffer> {
  if (!dir) return randomBytes(32)
  const file = path.join(dir, '.url-key')
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await mkdir(dir, { recursive: true })
    const key = randomBytes(32)
    await writeFile(file, key, { flag: 'wx' }).catch(() => undefined)
    return readFile(file)
  }
}

/**
 * Files on disk under `dir` (content + a JSON sidecar with owner and purpose), or in memory without one. Served
 * at /files/<id> to their owner, or to anyone holding a URL from `urls()`: signed, and good for one to two hours
 * (the end is rounded to the hour so a page reloaded within the hour asks for the same URL and its cache works).
 */
export function createLocalFiles({ dir, clock }: { dir?: string; clock: Clock }): LocalFiles {
  const memory = new Map<string, StoredFile & { content: Buffer }>()
  const key = urlKey(dir)
  const sign = async (fileId: string, expires: string) => createHmac('sha256', await key).update(`${fileId}.${expires}`).digest('base64url')

  async function get(fileId: string) {
    if (!FILE_ID.test(fileId)) return null
    if (!dir) return memory.get(fileId) ?? null
    try {
      const stored = JSON.parse(await readFile(path.join(dir, `${fileId}.json`), 'utf8')) as StoredFile
      return { ...stored, content: await readFile(path.join(dir, fileId)) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async function signedFor(fileId: string, { expires, signature }: Access) {
    if (!expires || !signature || !/^\d{13}$/.test(expires) || Number(expires) <= clock.now().getTime()) return false
    const expected = Buffer.from(await sign(fileId, expires))
    const given = Buffer.from(signature)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  return {
    async put(content, { contentType, owner, purpose, expiresAt }) {
      const stored: StoredFile = { fileId: randomBytes(12).toString('hex'), contentType, size: content.length, owner, purpose, expiresAt: expiresAt ?? null }
      if (!dir) {
        memory.set(stored.fileId, { ...stored, content })
        return stored
      }
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, stored.fileId), content)
      await writeFile(path.join(dir, `${stored.fileId}.json`), JSON.stringify(stored))
      return stored
    },
    get,
    async remove(fileIds) {
      for (const fileId of fileIds.filter((id) => FILE_ID.test(id))) {
        memory.delete(fileId)
        if (dir) await Promise.all([rm(path.join(dir, fileId), { force: true }), rm(path.join(dir, `${fileId}.json`), { force: true })])
      }
    },
    async urls(fileIds) {
      const expires = String((Math.floor(clock.now().getTime() / HOUR) + 2) * HOUR)
      return Promise.all(fileIds.map(async (fileId) => `/files/${fileId}?e=${expires}&s=${await sign(fileId, expires)}`))
    },
    async read(fileId, access) {
      const file = await get(fileId)
      if (!file || (file.expiresAt && file.expiresAt <= clock.now().toISOString())) return null
      if (access.owner === file.owner || (await signedFor(fileId, access))) return file
      return 'forbidden'
    }
  }
}
