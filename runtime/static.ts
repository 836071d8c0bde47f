import { existsSync, readdirSync, renameSync, statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

/** What is worth compressing ahead of time: text over 1 KB (below that the headers cost more than is saved). */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/
const MIN_BYTES = 1024
const ENCODINGS = [
  { ext: '.br', compress: promisify(brotliCompress), options: (size: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: size } }) },
  { ext: '.gz', compress: promisify(gzip), options: () => ({ level: 9 }) }
]

/**
 * Taro names what it builds with a hash of the content (config/index.ts: js/app.7af27a13.js,
 * css/app.7af27a13e9eb42cc26fc.css, static/images/x.1a2b3c4d.png), so such a name never changes meaning and
 * may be kept for a year; index.html and anything else unhashed is revalidated on every load.
 */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
export const cacheControlFor = (file: string) =>
  HASHED.test(path.basename(file).replace(/\.(?:br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache'

function* candidates(dir: string): Generator<{ file: string; size: number; mtimeMs: number }> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* candidates(file)
    else if (COMPRESSIBLE.test(entry.name)) {
      const { size, mtimeMs } = statSync(file)
      if (size > MIN_BYTES) yield { file, size, mtimeMs }
    }
  }
}

/**
 * Writes `.br` (brotli 11) and `.gz` (gzip -9) beside every compressible file of a build that lacks them or
 * has older ones, in parallel on libuv's threads; a build already compressed costs one walk of its folder.
 * Each sibling is written under a temporary name and renamed, so a running server never sends half of one.
 * Answers how many siblings were written.
 */
export async function precompress(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0
  const jobs: Promise<unknown>[] = []
  let written = 0
  for (const { file, size, mtimeMs } of candidates(dir)) {
    const stale = ENCODINGS.filter(({ ext }) => !existsSync(file + ext) || statSync(file + ext).mtimeMs < mtimeMs)
    if (stale.length === 0) continue
    written += stale.length
    jobs.push(
      readFile(file).then((content) =>
        Promise.all(
          stale.map(async ({ ext, compress, options }) => {
            const temporary = `${file}${ext}.${process.pid}.tmp`
            await writeFile(temporary, await compress(content, options(size)))
            renameSync(temporary, file + ext)
          })
        )
      )
    )
  }
  await Promise.all(jobs)
  return written
}

/**
 * The H5 build over HTTP: the precompressed sibling the browser accepts (Accept-Encoding, else the file
 * itself), with Vary: Accept-Encoding, a year's immutable caching for hashed names and no-cache for the rest.
 */
export async function serveBuild(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    // An array, not the string: @fastify/static 10.1 looks up the index for a compressed answer only in an
    // array and otherwise answers 404 for `/` to every browser that sends Accept-Encoding.
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => reply.header('cache-control', cacheControlFor(file))
  })
}
