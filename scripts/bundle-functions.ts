/**
 * Bundles each cloud function with the shared core into a folder CloudBase can deploy on its own:
 * dist/functions/<name>/{index.js, package.json, config.json}. wx-server-sdk stays a dependency that
 * CloudBase installs at deploy time. Each bundle's size is printed with what fills it, since a cold start loads
 * all of it: a function without exports is held to SLIM_LIMIT.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { functions } from '../cloudfunctions/registry'

const root = path.resolve(__dirname, '..')

/** What a function that writes no Excel file may weigh. */
export const SLIM_LIMIT = 600 * 1024

export interface BundleSize {
  name: string
  bytes: number
  /** Bytes per npm package (by name) and `own` for this repository's code. */
  parts: Record<string, number>
  /** Whether the bundle carries exceljs, which only functions with exports need. */
  exports: boolean
}

/** The bytes each package contributes to the minified output, from esbuild's metafile. */
function partsOf(inputs: Record<string, { bytesInOutput: number }>): Record<string, number> {
  const parts: Record<string, number> = {}
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'own'
    parts[name] = (parts[name] ?? 0) + bytesInOutput
  }
  return parts
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0)

/** One line per bundle: its size and its five largest parts. */
export function describeSize({ name, bytes, parts }: BundleSize): string {
  const largest = Object.entries(parts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([part, n]) => `${part} ${kb(n)}`)
  return `${name.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  (${largest.join(' · ')})`
}
const sdkVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['wx-server-sdk']

export async function buildFunctions(out = path.join(root, 'dist', 'functions'), log = console.log): Promise<BundleSize[]> {
  rmSync(out, { recursive: true, force: true })
  const sizes: BundleSize[] = []
  for (const name of Object.keys(functions)) {
    const dir = path.join(out, name)
    mkdirSync(dir, { recursive: true })
    const started = Date.now()
    const { metafile } = await build({
      entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      minify: true,
      keepNames: true,
      metafile: true,
      logLevel: 'warning'
    })
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n')
    const config = path.join(root, 'cloudfunctions', name, 'config.json')
    writeFileSync(path.join(dir, 'config.json'), existsSync(config) ? readFileSync(config) : JSON.stringify({ permissions: { openapi: [] } }, null, 2) + '\n')
    const parts = partsOf(Object.values(metafile.outputs)[0].inputs)
    const size: BundleSize = { name, bytes: readFileSync(path.join(dir, 'index.js')).length, parts, exports: 'exceljs' in parts }
    sizes.push(size)
    log(`  ${describeSize(size)}  ${Date.now() - started} ms`)
  }
  log(`云函数已构建到 ${path.relative(root, out)}/（project.config.json 的 cloudfunctionRoot）`)
  return sizes
}
