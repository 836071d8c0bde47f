/**
 * Bundles each cloud function with the shared core into a folder CloudBase can deploy on its own:
 * dist/functions/<name>/{index.js, package.json, config.json}. wx-server-sdk stays a dependency that
 * CloudBase installs at deploy time.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { functions } from '../cloudfunctions/registry'

const root = path.resolve(__dirname, '..')
const sdkVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['wx-server-sdk']

export async function buildFunctions(out = path.join(root, 'dist', 'functions'), log = console.log) {
  rmSync(out, { recursive: true, force: true })
  for (const name of Object.keys(functions)) {
    const dir = path.join(out, name)
    mkdirSync(dir, { recursive: true })
    const started = Date.now()
    await build({
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
      logLevel: 'warning'
    })
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n')
    const config = path.join(root, 'cloudfunctions', name, 'config.json')
    writeFileSync(path.join(dir, 'config.json'), existsSync(config) ? readFileSync(config) : JSON.stringify({ permissions: { openapi: [] } }, null, 2) + '\n')
    const size = readFileSync(path.join(dir, 'index.js')).length
    log(`  ${name.padEnd(12)} ${(size / 1024).toFixed(1).padStart(7)} KB  ${Date.now() - started} ms`)
  }
  log(`云函数已构建到 ${path.relative(root, out)}/（project.config.json 的 cloudfunctionRoot）`)
}
