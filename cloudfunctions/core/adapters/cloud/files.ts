import { randomBytes } from 'node:crypto'
import type * as sdk from 'wx-server-sdk'
import { imageType } from '../../images'
import type { FilePurpose, Files } from '../../ports'

export type CloudStorage = Pick<typeof sdk, 'uploadFile' | 'downloadFile' | 'getTempFileURL' | 'deleteFile'>

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv'
}
// reversed so that the first extension listed for a type is the one chosen
const EXTENSIONS: Record<string, string> = Object.fromEntries(Object.entries(TYPES).reverse().map(([ext, type]) => [type, ext]))

/**
 * The folder of each purpose. The mini-program uploads photos to photos/<user id>/ and sheets to imports/<user id>/;
 * the functions write the rest. Storage's permission is 「仅创建者可读写」, so a client reads only what it uploaded,
 * and everything else only through a temporary URL a function hands out.
 */
const FOLDERS: Record<FilePurpose, string> = { upload: 'photos', import: 'imports', 'report-photo': 'reports', 'after-photo': 'fixes', export: 'exports' }
const PURPOSES = Object.fromEntries(Object.entries(FOLDERS).map(([purpose, folder]) => [folder, purpose as FilePurpose]))
// cloud://<env>.<bucket>/<folder>/<owner>/<yyyy-mm>/<name>
const LAYOUT = /^cloud:\/\/[^/]+\/([a-z]+)\/(u[0-9a-f]{23})\/\d{4}-\d{2}\/[^/]+$/

// wx-server-sdk's errCode for STORAGE_FILE_NONEXIST
const FILE_NOT_FOUND = -503003
// Comfortably above the port's promise of an hour, so a URL handed out late in a request still works, and no longer
const URL_SECONDS = 2 * 3600
// the most files getTempFileURL takes in one call
const URLS_PER_CALL = 50

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1].toLowerCase()

function extension(name: string | undefined, contentType: string) {
  return EXTENSIONS[contentType] ?? (name && extensionOf(name)) ?? 'bin'
}

/** Files in CloudBase storage, under <folder of the purpose>/<owner>/<yyyy-mm>/. The file ID is the storage's own `cloud://` ID. */
export function createCloudFiles(cloud: CloudStorage): Files {
  return {
    async put(content, { contentType, name, owner, purpose }) {
      const month = new Date().toISOString().slice(0, 7)
      const cloudPath = `${FOLDERS[purpose]}/${owner}/${month}/${randomBytes(16).toString('hex')}.${extension(name, contentType)}`
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
      return { fileId: fileID, contentType, size: content.length, owner, purpose, expiresAt: null }
    },
    async get(fileId) {
      // Storage keeps no owner for us: the path says whose and what a file is, and a file outside that layout is nobody's.
      const [, folder, owner] = LAYOUT.exec(fileId) ?? []
      const purpose = folder ? PURPOSES[folder] : undefined
      if (!purpose) return null
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: fileId })
        const contentType = imageType(fileContent) ?? TYPES[extensionOf(fileId) ?? ''] ?? 'application/octet-stream'
        return { fileId, contentType, size: fileContent.length, content: fileContent, owner, purpose, expiresAt: null }
      } catch (error) {
        if ((error as { errCode?: number }).errCode === FILE_NOT_FOUND) return null
        throw error
      }
    },
    async remove(fileIds) {
      if (fileIds.length) await cloud.deleteFile({ fileList: fileIds })
    },
    async urls(fileIds) {
      const chunks = Array.from({ length: Math.ceil(fileIds.length / URLS_PER_CALL) }, (_, i) => fileIds.slice(i * URLS_PER_CALL, (i + 1) * URLS_PER_CALL))
      const answers = await Promise.all(chunks.map((chunk) => cloud.getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge: URL_SECONDS })) })))
      return chunks.flatMap((chunk, i) =>
        chunk.map((fileId) => {
          const file = answers[i]?.fileList.find((f) => f.fileID === fileId)
          if (!file || file.status !== 0) throw new Error(`No temporary URL for ${fileId}: ${file?.errMsg ?? 'empty answer'}`)
          return file.tempFileURL
        })
      )
    }
  }
}
