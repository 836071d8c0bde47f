import { imageType } from '../cloudfunctions/core/images'

/**
 * The type an upload really is, judged by its first bytes rather than by what the client claims;
 * undefined when it is not a file the product accepts.
 */
export function sniffUpload(content: Buffer, declared: string): string | undefined {
  const image = imageType(content)
  if (image) return image
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && /spreadsheetml|excel|octet-stream/.test(declared)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
  if (/^text\/csv|^application\/vnd\.ms-excel$/.test(declared) && !content.subarray(0, 1024).includes(0)) return 'text/csv'
  return undefined
}
