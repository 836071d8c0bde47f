import { randomBytes } from 'node:crypto'
import type * as sdk from 'wx-server-sdk'
import type { Files } from '../../ports'

export type CloudStorage = Pick<typeof sdk, 'uploadFile' | 'downloadFile' | 'getTempFileURL'>

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4'
}
// reversed so that the first extension listed for a type is the one chosen
const EXTENSIONS: Record<string, string> = Object.fromEntries(Object.entries(TYPES).reverse().map(([ext, type]) => [type, ext]))

// wx-server-sdk's errCode for STORAGE_FILE_NONEXIST
const FILE_NOT_FOUND = -503003
// Comfortably above the port's promise of an hour, so a URL handed out late in a request still works
const URL_SECONDS = 2 * 3600

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1].toLowerCase()

function extension(name: string | undefined, contentType: string) {
  return (name && extensionOf(name)) ?? EXTENSIONS[contentType] ?? 'bin'
}

/** Files in CloudBase storage, under uploads/<yyyy-mm>/. The file ID is the storage's own `cloud://` ID. */
export function createCloudFiles(cloud: CloudStorage): Files {
  return {
    async put(content, { contentType, name }) {
      const month = new Date().toISOString().slice(0, 7)
      const cloudPath = `uploads/${month}/${randomBytes(16).toString('hex')}.${extension(name, contentType)}`
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
      return { fileId: fileID, contentType, size: content.length }
    },
    async get(fileId) {
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: fileId })
        // storage keeps no content type for us; the extension we chose in put() stands for it
        const contentType = TYPES[extensionOf(fileId) ?? ''] ?? 'application/octet-stream'
        return { fileId, contentType, size: fileContent.length, content: fileContent }
      } catch (error) {
        if ((error as { errCode?: number }).errCode === FILE_NOT_FOUND) return null
        throw error
      }
    },
    async url(fileId) {
      const answer = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: URL_SECONDS }] })
      const file = answer ? answer.fileList[0] : undefined
      if (!file || file.status !== 0) throw new Error(`No temporary URL for ${fileId}: ${file?.errMsg ?? 'empty answer'}`)
      return file.tempFileURL
    }
  }
}
