/** A file that claims to be a JPEG, PNG or WebP but cannot be walked to its end. */
export class MalformedImageError extends Error {
  constructor(format: string, detail: string) {
    super(`malformed ${format}: ${detail}`)
    this.name = 'MalformedImageError'
  }
}

const starts = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b)

/** The image type the bytes are (JPEG, PNG or WebP), whatever a name or a client claims; undefined for anything else. */
export function imageType(content: Buffer): string | undefined {
  if (starts(content, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(content, [0x89, 0x50, 0x4e, 0x47])) return 'image/png'
  if (starts(content, [0x52, 0x49, 0x46, 0x46]) && starts(content, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return undefined
}

/** Photos above this many pixels are refused before anything decodes them: 40 MP is more than phones take. */
export const MAX_PIXELS = 40_000_000
export const PIXELS_REFUSED = `图片尺寸过大（超过 ${MAX_PIXELS / 10_000} 万像素），请缩小后再上传`

/** Whether the image's header says more than MAX_PIXELS (a few bytes can claim 30000×30000); false when it cannot say. */
export function tooManyPixels(content: Buffer): boolean {
  const size = imageSize(content)
  return !!size && size.width * size.height > MAX_PIXELS
}

/** Width and height as a JPEG, PNG or WebP header states them, read without decoding; undefined when it cannot be read. */
export function imageSize(buf: Buffer): { width: number; height: number } | undefined {
  const type = imageType(buf)
  if (type === 'image/png') return buf.length >= 24 && buf.toString('latin1', 12, 16) === 'IHDR' ? { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) } : undefined
  if (type === 'image/webp') return webpSize(buf)
  if (type === 'image/jpeg') return jpegSize(buf)
  return undefined
}

/** The first frame header (SOFn) of a JPEG, found by walking its segments up to the first scan. */
function jpegSize(buf: Buffer) {
  for (let pos = 2; pos + 9 <= buf.length; ) {
    if (buf[pos] !== 0xff) return undefined
    const marker = buf[pos + 1]
    if (marker === 0xff) {
      pos++
      continue
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2
      continue
    }
    if (marker === SOS || marker === EOI) return undefined
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: buf.readUInt16BE(pos + 7), height: buf.readUInt16BE(pos + 5) }
    pos += 2 + buf.readUInt16BE(pos + 2)
  }
  return undefined
}

function webpSize(buf: Buffer) {
  if (buf.length < 30) return undefined
  const fourcc = buf.toString('latin1', 12, 16)
  if (fourcc === 'VP8X') return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 }
  if (fourcc === 'VP8L' && buf[20] === 0x2f) {
    const bits = buf.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (fourcc === 'VP8 ') return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff }
  return undefined
}

/**
 * The photo without the metadata that can locate or identify whoever took it (EXIF GPS above all).
 * JPEG, PNG and WebP are rewritten, keeping every other byte as it was; any other content comes back unchanged.
 * Data after the image's end marker is dropped too: phones append extra images there that carry their own EXIF.
 * Throws MalformedImageError for a truncated or malformed JPEG, PNG or WebP.
 */
export function stripImageMetadata(content: Buffer): Buffer {
  if (content[0] === 0xff && content[1] === 0xd8) return stripJpeg(content)
  if (content.subarray(0, 4).equals(PNG_SIGNATURE.subarray(0, 4))) return stripPng(content)
  if (content.toString('latin1', 0, 4) === 'RIFF' && content.toString('latin1', 8, 12) === 'WEBP') return stripWebp(content)
  return content
}

// ---------------------------------------------------------------- JPEG

const EOI = 0xd9
const SOS = 0xda
/** APP1 (Exif, XMP), APP13 (IPTC, Photoshop), COM. */
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe])
const APP2 = 0xe2
/** The APP2 index of the images appended after EOI, which are dropped with it. */
const MPF = Buffer.from('MPF\0', 'latin1')

function stripJpeg(buf: Buffer): Buffer {
  const bad = (detail: string) => new MalformedImageError('JPEG', detail)
  const kept = [buf.subarray(0, 2)]
  let pos = 2
  for (;;) {
    const start = pos
    if (buf[pos] !== 0xff) throw bad(pos >= buf.length ? 'ends before EOI' : `no marker at byte ${pos}`)
    while (buf[pos] === 0xff) pos++ // fill bytes may precede a marker
    if (pos >= buf.length) throw bad('ends before EOI')
    const marker = buf[pos++]
    if (marker === EOI) {
      kept.push(buf.subarray(start, pos))
      return Buffer.concat(kept)
    }
    // RSTn and TEM carry no length.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(buf.subarray(start, pos))
      continue
    }
    if (marker === 0x00 || marker === 0xd8) throw bad(`unexpected marker 0x${marker.toString(16)} at byte ${pos - 1}`)
    if (pos + 2 > buf.length) throw bad('ends inside a segment header')
    const length = buf.readUInt16BE(pos)
    if (length < 2) throw bad(`segment length ${length} at byte ${pos}`)
    let end = pos + length
    if (end > buf.length) throw bad('ends inside a segment')
    if (marker === SOS) end = scanEnd(buf, end, bad)
    const payload = buf.subarray(pos + 2, pos + length)
    const drop = JPEG_DROPPED.has(marker) || (marker === APP2 && payload.subarray(0, MPF.length).equals(MPF))
    if (!drop) kept.push(buf.subarray(start, end))
    pos = end
  }
}

/** Where the entropy-coded data after an SOS header stops: the first marker that is neither stuffing (FF00) nor RSTn. */
function scanEnd(buf: Buffer, from: number, bad: (detail: string) => Error): number {
  for (let i = buf.indexOf(0xff, from); ; i = buf.indexOf(0xff, i + 2)) {
    if (i < 0 || i + 1 >= buf.length) throw bad('ends inside scan data')
    const next = buf[i + 1]
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return i
  }
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'])

function stripPng(buf: Buffer): Buffer {
  const bad = (detail: string) => new MalformedImageError('PNG', detail)
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw bad('broken signature')
  const kept = [buf.subarray(0, 8)]
  for (let pos = 8; ; ) {
    if (pos + 8 > buf.length) throw bad('ends before IEND')
    const length = buf.readUInt32BE(pos)
    const type = buf.toString('latin1', pos + 4, pos + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad(`chunk type at byte ${pos + 4}`)
    // length + type + data + CRC
    const end = pos + 12 + length
    if (end > buf.length) throw bad(`${type} chunk runs past the end`)
    if (!PNG_DROPPED.has(type)) kept.push(buf.subarray(pos, end))
    pos = end
    if (type === 'IEND') return Buffer.concat(kept)
  }
}

// ---------------------------------------------------------------- WebP

const WEBP_DROPPED = new Set(['EXIF', 'XMP '])
/** VP8X flag bits announcing EXIF and XMP chunks; left set, they would promise chunks that are gone. */
const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

function stripWebp(buf: Buffer): Buffer {
  const bad = (detail: string) => new MalformedImageError('WebP', detail)
  const end = 8 + buf.readUInt32LE(4)
  if (end > buf.length) throw bad('shorter than its RIFF size')
  if (end < 20) throw bad('no chunks')
  const kept: Buffer[] = []
  for (let pos = 12; pos < end; ) {
    if (pos + 8 > end) throw bad('ends inside a chunk header')
    const fourcc = buf.toString('latin1', pos, pos + 4)
    const size = buf.readUInt32LE(pos + 4)
    // Chunks are padded to an even size.
    const next = pos + 8 + size + (size & 1)
    if (next > end) throw bad(`${fourcc} chunk runs past the end`)
    if (fourcc === 'VP8X') {
      if (size < 10) throw bad('VP8X chunk too short')
      const chunk = Buffer.from(buf.subarray(pos, next))
      chunk[8] &= ~(VP8X_EXIF | VP8X_XMP)
      kept.push(chunk)
    } else if (!WEBP_DROPPED.has(fourcc)) {
      kept.push(buf.subarray(pos, next))
    }
    pos = next
  }
  const header = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1')
  const body = Buffer.concat(kept)
  header.writeUInt32LE(4 + body.length, 4)
  return Buffer.concat([header, body])
}
