const starts = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b)

/**
 * The type an upload really is, judged by its first bytes rather than by what the client claims;
 * undefined when it is not a file the product accepts.
 */
export function sniffUpload(content: Buffer, declared: string): string | undefined {
  if (starts(content, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(content, [0x89, 0x50, 0x4e, 0x47])) return 'image/png'
  if (starts(content, [0x52, 0x49, 0x46, 0x46]) && starts(content, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts(content, [0x50, 0x4b, 0x03, 0x04]) && /spreadsheetml|excel|octet-stream/.test(declared)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
  if (/^text\/csv|^application\/vnd\.ms-excel$/.test(declared) && !content.subarray(0, 1024).includes(0)) return 'text/csv'
  return undefined
}
