import { encodeUnderLimit, fitWithin, PHOTO_LIMITS, QUALITY_STEPS } from './photos'

/** A stand-in encoder whose output grows with pixels and quality, like JPEG roughly does. */
const encoder = (bytesPerPixelAtFull: number) => {
  const calls: { width: number; height: number; quality: number }[] = []
  const encode = async ({ width, height }: { width: number; height: number }, quality: number) => {
    calls.push({ width, height, quality })
    return { width, height, quality, size: Math.round(width * height * bytesPerPixelAtFull * quality) }
  }
  return { calls, encode }
}

describe('fitWithin', () => {
  it('when the long edge is over the limit, then it scales both sides down keeping the ratio', () => {
    expect(fitWithin({ width: 4032, height: 3024 }, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin({ width: 3024, height: 4032 }, 1600)).toEqual({ width: 1200, height: 1600 })
  })

  it('when the photo is already small, then it is never enlarged', () => {
    expect(fitWithin({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 })
  })
})

describe('encodeUnderLimit', () => {
  it('when the first quality already fits, then it encodes once at the capped size', async () => {
    const { calls, encode } = encoder(0.1)
    const out = await encodeUnderLimit({ width: 4000, height: 3000 }, encode)
    expect(calls).toEqual([{ width: 1600, height: 1200, quality: QUALITY_STEPS[0] }])
    expect(out.size).toBeLessThanOrEqual(PHOTO_LIMITS.maxBytes)
  })

  it('when a quality is too big, then it steps quality down and stops at the first that fits', async () => {
    // 1600×1200 × 0.25 × q: 408k at .85, 360k at .75, 312k at .65, 264k at .55
    const { calls, encode } = encoder(0.25)
    const out = await encodeUnderLimit({ width: 4000, height: 3000 }, encode)
    expect(calls.map((c) => c.quality)).toEqual([0.85, 0.75, 0.65, 0.55])
    expect(out).toMatchObject({ width: 1600, height: 1200, quality: 0.55 })
    expect(out.size).toBeLessThanOrEqual(PHOTO_LIMITS.maxBytes)
  })

  it('when even the lowest quality is too big, then it shrinks the picture and tries again', async () => {
    const { calls, encode } = encoder(0.5)
    const out = await encodeUnderLimit({ width: 4000, height: 3000 }, encode)
    expect(calls.slice(0, QUALITY_STEPS.length).every((c) => c.width === 1600)).toBe(true)
    expect(out.width).toBe(1200)
    expect(out.size).toBeLessThanOrEqual(PHOTO_LIMITS.maxBytes)
  })

  it('when nothing fits before the picture gets too small, then it answers the smallest try instead of looping', async () => {
    const { calls, encode } = encoder(100)
    const out = await encodeUnderLimit({ width: 4000, height: 3000 }, encode)
    expect(calls.length).toBeLessThan(30)
    expect(out.size).toBe(Math.min(...calls.map((c) => Math.round(c.width * c.height * 100 * c.quality))))
    expect(Math.max(out.width, out.height)).toBeGreaterThanOrEqual(480)
  })
})
