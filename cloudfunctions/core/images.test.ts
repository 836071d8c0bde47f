import { crc32 } from 'node:zlib'
import { imageSize, MalformedImageError, stripImageMetadata, tooManyPixels } from './images'

// 8×8 images Chromium encoded from a canvas (toDataURL), so they are what a real encoder writes.
/** Baseline JPEG: SOI, APP0 JFIF (bytes 2–19), APP2 ICC profile, 2×DQT, SOF0, 4×DHT, SOS, scan data, EOI. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQ' +
    'AAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
    'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWi' +
    'AAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
    'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2' +
    'P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/' +
    'xAAZEAACAwEAAAAAAAAAAAAAAAAAEQIDEiH/xAAVAQEBAAAAAAAAAAAAAAAAAAAEBf/EABoRAQADAAMAAAAAAAAAAAAAAAIAAQMREjH/2gAMAwEAAhEDEQA/AIrJ7XEgADbTXZey7nmcjQFcVU//2Q==',
  'base64'
)
/** PNG: signature, IHDR (bytes 8–32), IDAT, IDAT, IEND. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAO0lEQVR4AayNwQkAMAgDxXUK/XeIrtUBuooLOImr6Dfk48fAPQIhp/tFIn5WIipNBgbfriBsHFDwJfcCAAD//9Hw/pEAAAAGSURBVA' +
    'MATmMZKV6KAG0AAAAASUVORK5CYII=',
  'base64'
)
/** Extended WebP: RIFF header, VP8X with the ICC flag (bytes 12–29), ICCP (30–493), VP8 (494–565). */
const WEBP = Buffer.from(
  'UklGRi4CAABXRUJQVlA4WAoAAAAgAAAABwAABwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQ' +
    'AAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
    'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWi' +
    'AAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
    'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggQAAAABACAJ0BKggACAACwEwlsAJ0ugCGVQVkb5AA+etV1GxnfEwXEo/ZfsVKfFRX9ZZ7y+5R/8K/YbYb7LfP7s' +
    'AAAAA=',
  'base64'
)

const bytes = (...parts: (Buffer | number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))
const has = (haystack: Buffer, needle: Buffer | string) => haystack.includes(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : needle)

/** GPSLatitude 25/1, 29/1, 3012/100: 25°29'30.12" N. */
const LATITUDE = Buffer.alloc(24)
;[25, 1, 29, 1, 3012, 100].forEach((v, i) => LATITUDE.writeUInt32BE(v, 4 * i))

/** A big-endian TIFF as EXIF carries it: IFD0 -> GPSInfo (0x8825) -> a GPS IFD with GPSLatitudeRef 'N' and GPSLatitude. */
function tiffWithGps(): Buffer {
  const t = Buffer.alloc(56)
  t.write('MM', 0, 'latin1')
  t.writeUInt16BE(42, 2)
  t.writeUInt32BE(8, 4)
  t.writeUInt16BE(1, 8)
  t.writeUInt16BE(0x8825, 10) // GPSInfo, LONG, 1, -> 26
  t.writeUInt16BE(4, 12)
  t.writeUInt32BE(1, 14)
  t.writeUInt32BE(26, 18)
  t.writeUInt16BE(2, 26)
  t.writeUInt16BE(0x0001, 28) // GPSLatitudeRef, ASCII, 2, "N"
  t.writeUInt16BE(2, 30)
  t.writeUInt32BE(2, 32)
  t.write('N', 36, 'latin1')
  t.writeUInt16BE(0x0002, 40) // GPSLatitude, RATIONAL, 3, -> 56
  t.writeUInt16BE(5, 42)
  t.writeUInt32BE(3, 44)
  t.writeUInt32BE(56, 48)
  return Buffer.concat([t, LATITUDE])
}

describe('stripImageMetadata: JPEG', () => {
  const segment = (marker: number, payload: Buffer | string) => {
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
    const head = Buffer.from([0xff, marker, 0, 0])
    head.writeUInt16BE(body.length + 2, 2)
    return Buffer.concat([head, body])
  }
  // An embedded thumbnail's SOI/EOI inside the segment must not confuse the walk.
  const exif = segment(0xe1, bytes('Exif\0\0', tiffWithGps(), [0xff, 0xd8, 0xff, 0xd9]))
  const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="25,29.502N"/></x:xmpmeta>')
  const iptc = segment(0xed, bytes('Photoshop 3.0\0', '8BIM', [0x04, 0x04, 0, 0, 0, 0, 0, 8, 0x1c, 0x02, 0x5a, 0, 4], 'Qujing'))
  const comment = segment(0xfe, '拍摄于南宁北路 12 号')
  const sos = JPEG.indexOf(Buffer.from([0xff, 0xda]))

  it('when a photo carries EXIF GPS, XMP, IPTC and a comment, then exactly those segments are removed', () => {
    const photo = bytes(JPEG.subarray(0, 20), exif, JPEG.subarray(20, sos), xmp, iptc, comment, JPEG.subarray(sos))
    const out = stripImageMetadata(photo)
    expect(out.equals(JPEG)).toBe(true)
    expect(has(out, 'Exif')).toBe(false)
    expect(has(out, LATITUDE)).toBe(false)
    expect(has(out, 'GPSLatitude')).toBe(false)
    expect(has(out, '8BIM')).toBe(false)
    expect(has(out, Buffer.from('南宁北路'))).toBe(false)
  })

  it('when metadata is removed, then SOI, JFIF, the ICC profile, tables, frame, scan and EOI survive in order', () => {
    const out = stripImageMetadata(bytes(JPEG.subarray(0, 2), exif, JPEG.subarray(2)))
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xd8])
    expect([...out.subarray(-2)]).toEqual([0xff, 0xd9])
    expect(out.indexOf('JFIF')).toBe(6)
    expect(has(out, 'ICC_PROFILE')).toBe(true)
    expect(out.subarray(sos).equals(JPEG.subarray(sos))).toBe(true)
  })

  it('when the JPEG has no metadata, then it comes back byte for byte', () => {
    expect(stripImageMetadata(JPEG).equals(JPEG)).toBe(true)
  })

  it('when scan data holds stuffed bytes, restart markers and Exif-like text, then scans are kept whole and only the APP1 between them goes', () => {
    const scanHeader = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]))
    const firstScan = bytes('Exif GPS', [0xff, 0x00, 0x12, 0xff, 0xd0, 0x34, 0xff, 0xd7, 0xff, 0x00])
    const before = bytes([0xff, 0xd8], segment(0xdb, Buffer.alloc(65)), scanHeader, firstScan)
    const after = bytes(segment(0xc4, Buffer.alloc(20)), scanHeader, [0x56, 0xff, 0x00, 0x78], [0xff, 0xff, 0xd9])
    expect(stripImageMetadata(bytes(before, exif, after)).equals(bytes(before, after))).toBe(true)
  })

  it('when a phone appended a second image with its own EXIF after EOI, then it and its MPF index are dropped', () => {
    const mpf = segment(0xe2, bytes('MPF\0', 'MM\0*', [0, 0, 0, 8]))
    const appended = bytes([0xff, 0xd8], exif, [0xff, 0xd9])
    const out = stripImageMetadata(bytes(JPEG.subarray(0, 20), mpf, JPEG.subarray(20), appended))
    expect(out.equals(JPEG)).toBe(true)
    expect(has(out, LATITUDE)).toBe(false)
  })

  it.each([
    ['only SOI', JPEG.subarray(0, 2)],
    ['a lone FF after APP0', JPEG.subarray(0, 21)],
    ['a cut inside the ICC segment', JPEG.subarray(0, 100)],
    ['a cut inside a segment header', JPEG.subarray(0, 23)],
    ['a cut inside the scan', JPEG.subarray(0, JPEG.length - 6)],
    ['no EOI', JPEG.subarray(0, JPEG.length - 2)],
    ['half an EOI', JPEG.subarray(0, JPEG.length - 1)],
    ['a segment length below 2', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9])],
    ['garbage where a marker belongs', bytes([0xff, 0xd8, 0x12, 0x34, 0xff, 0xd9])],
    ['a second SOI', bytes([0xff, 0xd8, 0xff, 0xd8, 0xff, 0xd9])]
  ])('when the JPEG has %s, then it throws MalformedImageError', (_, broken) => {
    expect(() => stripImageMetadata(broken)).toThrow(MalformedImageError)
  })
})

describe('stripImageMetadata: PNG', () => {
  const chunk = (type: string, data: Buffer | string) => {
    const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    const head = Buffer.alloc(8)
    head.writeUInt32BE(body.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])))
    return Buffer.concat([head, body, crc])
  }
  const [signatureAndHeader, data, end] = [PNG.subarray(0, 33), PNG.subarray(33, -12), PNG.subarray(-12)]
  const physical = chunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]))

  it('when a PNG carries eXIf, tEXt, iTXt, zTXt and tIME, then exactly those chunks are removed', () => {
    const png = bytes(
      signatureAndHeader,
      chunk('tEXt', 'Comment\0拍摄于南宁北路'),
      physical,
      chunk('eXIf', tiffWithGps()),
      chunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta exif:GPSLatitude="25,29.502N"/>'),
      chunk('zTXt', Buffer.from([0x41, 0, 0, 0x78, 0x9c, 0x03, 0, 0, 0, 0, 1])),
      chunk('tIME', Buffer.from([0x07, 0xea, 11, 23, 9, 30, 0])),
      data,
      chunk('tEXt', 'Author\0王阿姨'),
      end
    )
    const out = stripImageMetadata(png)
    expect(out.equals(bytes(signatureAndHeader, physical, data, end))).toBe(true)
    expect(has(out, LATITUDE)).toBe(false)
    expect(has(out, 'GPSLatitude')).toBe(false)
  })

  it('when chunks are kept, then their CRCs are the originals and still valid', () => {
    const out = stripImageMetadata(bytes(signatureAndHeader, chunk('eXIf', tiffWithGps()), physical, data, end))
    const types: string[] = []
    for (let pos = 8; pos < out.length; ) {
      const length = out.readUInt32BE(pos)
      types.push(out.toString('latin1', pos + 4, pos + 8))
      expect(out.readUInt32BE(pos + 8 + length)).toBe(crc32(out.subarray(pos + 4, pos + 8 + length)))
      pos += 12 + length
    }
    expect(types).toEqual(['IHDR', 'pHYs', 'IDAT', 'IDAT', 'IEND'])
  })

  it('when the PNG has no metadata, then it comes back byte for byte', () => {
    expect(stripImageMetadata(PNG).equals(PNG)).toBe(true)
  })

  it('when bytes follow IEND, then they are dropped', () => {
    expect(stripImageMetadata(bytes(PNG, chunk('eXIf', tiffWithGps()))).equals(PNG)).toBe(true)
  })

  it.each([
    ['only half a signature', PNG.subarray(0, 6)],
    ['a broken signature', bytes(PNG.subarray(0, 4), [0, 0, 0, 0], PNG.subarray(8))],
    ['a cut inside IDAT', PNG.subarray(0, 60)],
    ['no IEND', PNG.subarray(0, -12)],
    ['a chunk type that is not letters', bytes(signatureAndHeader, [0, 0, 0, 0, 0x31, 0x32, 0x33, 0x34, 0, 0, 0, 0], end)],
    ['a chunk length past the end', bytes(signatureAndHeader, [0x80, 0, 0, 0], 'tEXt', end)]
  ])('when the PNG has %s, then it throws MalformedImageError', (_, broken) => {
    expect(() => stripImageMetadata(broken)).toThrow(MalformedImageError)
  })
})

describe('stripImageMetadata: WebP', () => {
  const chunk = (fourcc: string, data: Buffer | string) => {
    const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    const head = Buffer.alloc(8)
    head.write(fourcc, 0, 'latin1')
    head.writeUInt32LE(body.length, 4)
    return Buffer.concat([head, body, Buffer.alloc(body.length & 1)])
  }
  const riff = (...chunks: Buffer[]) => {
    const header = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1')
    header.writeUInt32LE(4 + chunks.reduce((n, c) => n + c.length, 0), 4)
    return Buffer.concat([header, ...chunks])
  }
  /** Declares whatever follows the RIFF header as its body, so only the chunks inside are broken. */
  const sized = (buf: Buffer) => {
    const copy = Buffer.from(buf)
    copy.writeUInt32LE(copy.length - 8, 4)
    return copy
  }
  const [vp8x, iccp, vp8] = [WEBP.subarray(12, 30), WEBP.subarray(30, 494), WEBP.subarray(494)]

  it('when a WebP carries EXIF and XMP chunks, then they go, the VP8X flags are cleared and the RIFF size is fixed', () => {
    const flagged = Buffer.from(vp8x)
    flagged[8] |= 0x08 | 0x04
    // 57 bytes: odd, so the chunk carries a pad byte that must go with it.
    const exif = chunk('EXIF', bytes(tiffWithGps(), [0]))
    const photo = riff(flagged, iccp, exif, vp8, chunk('XMP ', '<x:xmpmeta exif:GPSLatitude="25,29.502N"/>'))
    const out = stripImageMetadata(photo)
    expect(out.equals(WEBP)).toBe(true)
    expect(out[20]).toBe(0x20)
    expect(out.readUInt32LE(4)).toBe(out.length - 8)
    expect(has(out, LATITUDE)).toBe(false)
  })

  it('when the WebP has no metadata, then it comes back byte for byte', () => {
    expect(stripImageMetadata(WEBP).equals(WEBP)).toBe(true)
    const simple = riff(vp8)
    expect(stripImageMetadata(simple).equals(simple)).toBe(true)
  })

  it('when bytes follow the RIFF, then they are dropped', () => {
    expect(stripImageMetadata(bytes(WEBP, chunk('EXIF', tiffWithGps()))).equals(WEBP)).toBe(true)
  })

  it.each([
    ['a cut body', WEBP.subarray(0, 300)],
    ['a chunk that runs past the RIFF', riff(vp8x, bytes('VP8 ', [0xe8, 0x03, 0, 0], vp8.subarray(8)))],
    ['half a chunk header', sized(bytes(riff(vp8), 'VP8'))],
    ['a VP8X shorter than 10 bytes', riff(chunk('VP8X', Buffer.alloc(4)), vp8)],
    ['no chunks', riff()],
    ['a missing pad byte', sized(riff(chunk('VP8 ', Buffer.alloc(3))).subarray(0, -1))]
  ])('when the WebP has %s, then it throws MalformedImageError', (_, broken) => {
    expect(() => stripImageMetadata(broken)).toThrow(MalformedImageError)
  })
})

describe('stripImageMetadata: other content', () => {
  it.each([
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], ';')],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', [4, 0, 0, 0], 'WAVE')],
    ['plain text', Buffer.from('不是图片')],
    ['nothing', Buffer.alloc(0)],
    ['a lone FF', Buffer.from([0xff])]
  ])('when given %s, then the same buffer comes back', (_, content) => {
    expect(stripImageMetadata(content)).toBe(content)
  })
})

describe('imageSize', () => {
  it.each([
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['WebP', WEBP]
  ])('when a real %s is read, then its header gives 8×8 without decoding', (_, image) => {
    expect(imageSize(image)).toEqual({ width: 8, height: 8 })
  })

  it('when a JPEG frame header claims 30000×30000 after its metadata, then the walk reaches it and it is too many pixels', () => {
    const sof = JPEG.indexOf(Buffer.from([0xff, 0xc0]))
    const huge = Buffer.from(JPEG)
    huge.writeUInt16BE(30000, sof + 5)
    huge.writeUInt16BE(30000, sof + 7)
    expect(imageSize(huge)).toEqual({ width: 30000, height: 30000 })
    expect(tooManyPixels(huge)).toBe(true)
    expect(tooManyPixels(JPEG)).toBe(false)
  })

  it('when the bytes are no image or the header is cut short, then no size is claimed', () => {
    expect(imageSize(Buffer.from('GIF89a'))).toBeUndefined()
    expect(imageSize(JPEG.subarray(0, 30))).toBeUndefined()
  })
})
