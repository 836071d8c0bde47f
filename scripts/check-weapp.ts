/**
 * npm run check:weapp  (after npm run build:weapp)
 *
 * Checks the WeChat build in dist/weapp offline, with miniprogram-ci; nothing here talks to WeChat's servers.
 *  1. Compiles the whole weapp output with `ci.getCompiledResult` (the same compile that upload/preview run
 *     before they send anything), and fails on any compile error: a page listed in app.json (main package or
 *     subpackage) with a file missing, a .json file that does not parse, a JS file that does not parse.
 *  2. Runs `ci.checkCodeQuality` (the DevTools "code quality" panel) and prints its findings as advice.
 *  3. Measures the main package and each subpackage on disk, and fails if the main package is over 1,500,000
 *     bytes (WeChat refuses a main package over 1.5 MB).
 *
 * How it stays offline:
 *  - a CIProject normally asks WeChat for the app's attributes, signing the request with the upload key.
 *    Given `attr` in its options it uses that instead (CIProject.attr() checks `options.attr` first), so we
 *    pass `ci.DefaultProjectAttr` and a throwaway RSA key generated in memory.
 *  - the compile also fetches the list of allowed file extensions (getWhiteExtList) and falls back to the
 *    built-in list when that fails; blockNetwork() makes every miniprogram-ci request fail at once, so
 *    it never even tries.
 *
 * What it does not catch: WXML and WXSS mistakes (those are compiled by DevTools' native wcc/wcsc, which
 * miniprogram-ci does not run in this mode).
 *
 * The build is copied to a temp dir under os.tmpdir() first (a project.config.json next to a `miniprogram/`
 * copy), so nothing is written in the repo and a `taro build` running at the same time cannot change the
 * files under the check. miniprogram-ci leaves handles open (a file watcher, a compiler child process), so
 * main() ends with process.exit.
 */
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type * as CI from 'miniprogram-ci'

const repoRoot = path.resolve(__dirname, '..')
export const WEAPP_DIR = path.join(repoRoot, 'dist', 'weapp')
export const MAIN_PACKAGE_LIMIT = 1_500_000

/** The appid used when project.config.json has none. CI does not check the appid offline: 'touristappid' works. */
const DUMMY_APPID = 'wx0000000000000000'

type ProjectOptions = ConstructorParameters<typeof CI.Project>[0]

let ciModule: typeof CI | undefined

/** miniprogram-ci, loaded on first use: loading it prints a banner, which we keep out of the report. */
function loadCi(): typeof CI {
  if (!ciModule) {
    const saved = console.log
    console.log = () => undefined
    try {
      ciModule = createRequire(__filename)('miniprogram-ci') as typeof CI
    } finally {
      console.log = saved
    }
  }
  return ciModule
}

interface QualityItem {
  name?: string
  success?: boolean
  text?: string
  detail?: unknown
}

export interface CompileOutcome {
  ok: boolean
  /** Compile errors, one entry per error (miniprogram-ci stops at the first one). */
  errors: string[]
  /** Paths of the compiled files (relative to the mini-program root) when ok. */
  files: string[]
  /** What miniprogram-ci printed while compiling. */
  log: string[]
  ms: number
}

export interface PackageSizes {
  main: number
  subpackages: Array<{ name: string; root: string; bytes: number }>
  total: number
}

export interface QualityOutcome {
  items: QualityItem[]
  error?: string
}

// ---------------------------------------------------------------------------------------------------------

let networkBlocked = false

/** Makes miniprogram-ci's HTTP helpers fail immediately, so an offline check never tries WeChat's servers. */
export function blockNetwork(): void {
  if (networkBlocked) return
  const requestModule = createRequire(__filename)('miniprogram-ci/dist/utils/request') as Record<string, unknown>
  const refuse = async (options?: { url?: string }): Promise<never> => {
    throw new Error(`network is disabled by scripts/check-weapp.ts (offline check); refused ${options?.url ?? 'a request'}`)
  }
  for (const name of ['request', 'simpleRequest']) {
    if (typeof requestModule[name] === 'function') requestModule[name] = refuse
  }
  networkBlocked = true
}

/** Runs fn while collecting what it prints with console.*, instead of showing it. */
async function captureConsole<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; log: string[] }> {
  const log: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const saved = methods.map((m) => console[m])
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      log.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? String(a) : safeJson(a))).join(' '))
    }
  }
  try {
    return { value: await fn(), log }
  } catch (error) {
    return { error, log }
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i]
    })
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Error text without the kilometre-long code frames babel prints for minified one-line files. */
function describeError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; path?: unknown } | null
  const message = e && typeof e.message === 'string' ? e.message : String(error)
  const lines = message
    .split('\n')
    .filter((line) => !/^\s*\|\s*\^?\s*$/.test(line))
    .map((line) => (line.length > 200 ? `${line.slice(0, 200)} …` : line))
  const shown = lines.slice(0, 12)
  if (lines.length > shown.length) shown.push(`… (${lines.length - shown.length} more lines)`)
  const code = e && (typeof e.code === 'number' || typeof e.code === 'string') ? ` [miniprogram-ci error ${e.code}]` : ''
  return shown.join('\n') + code
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Copies weappDir to <tmp>/miniprogram, writes <tmp>/project.config.json (the repo's, pointed at
 * miniprogram/), and runs fn with a CIProject on it; removes the temp dir afterwards.
 */
async function withStagedProject<T>(weappDir: string, fn: (project: CI.Project, stage: string) => Promise<T>): Promise<T> {
  const ci = loadCi()
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'))
  try {
    const repoConfigFile = path.join(repoRoot, 'project.config.json')
    const config = fs.existsSync(repoConfigFile) ? readJson(repoConfigFile) : {}
    delete config.cloudfunctionRoot
    config.miniprogramRoot = 'miniprogram/'
    fs.writeFileSync(path.join(stage, 'project.config.json'), JSON.stringify(config, null, 2))
    fs.cpSync(weappDir, path.join(stage, 'miniprogram'), { recursive: true })

    // Throwaway key: CIProject insists on one, and nothing is ever signed with it offline.
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' }
    })
    const appid = typeof config.appid === 'string' && config.appid ? config.appid : DUMMY_APPID
    // `attr` is not in the typings, but CIProject.attr() returns options.attr() when given, instead of
    // fetching the app's attributes from WeChat; a variable (not an object literal) avoids the excess-property check.
    const options: ProjectOptions & { attr: () => Promise<unknown> } = {
      appid,
      type: 'miniProgram',
      projectPath: stage,
      privateKey,
      ignores: ['node_modules/**/*'],
      attr: async () => ci.DefaultProjectAttr
    }
    blockNetwork()
    return await fn(new ci.Project(options), stage)
  } finally {
    fs.rmSync(stage, { recursive: true, force: true })
  }
}

/** Error messages name files in the temp copy; name them as they are in weappDir instead. */
function unstage(text: string, stage: string, weappDir: string): string {
  const relative = path.relative(repoRoot, weappDir)
  const shown = (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : weappDir).replace(/\\/g, '/')
  return text
    .split(`${stage}/miniprogram/`)
    .join(`${shown}/`)
    .split(`${stage}/`)
    .join(`${shown}/`)
    .replace(/(^|[\s"'(])miniprogram\//g, `$1${shown}/`)
}

async function compileProject(project: CI.Project, stage: string, weappDir: string): Promise<CompileOutcome> {
  const started = Date.now()
  const { value, error, log } = await captureConsole(() =>
    loadCi().getCompiledResult({
      project,
      version: '0.0.0-check', // required by the typings, unused by the compile
      // es6: true makes the compile run every JS file through Babel, which is what catches syntax errors;
      // with the project's own es6:false the JS is passed through unparsed. The output is thrown away.
      setting: { useProjectConfig: true, es6: true }
    })
  )
  const ms = Date.now() - started
  if (error !== undefined || !value) {
    const message = describeError(error ?? new Error('miniprogram-ci returned no result'))
    return { ok: false, errors: [unstage(message, stage, weappDir)], files: [], log, ms }
  }
  return { ok: true, errors: [], files: Object.keys(value), log, ms }
}

/** Compiles the weapp output in weappDir offline (on a temp copy). Exported for the break test. */
export async function compileWeapp(weappDir: string = WEAPP_DIR): Promise<CompileOutcome> {
  return withStagedProject(weappDir, (project, stage) => compileProject(project, stage, weappDir))
}

/** Main package = every file not under a subpackage root from app.json; sizes in bytes, as on disk. */
export function measurePackages(weappDir: string = WEAPP_DIR): PackageSizes {
  const app = readJson(path.join(weappDir, 'app.json'))
  const declared = (app.subPackages ?? app.subpackages ?? []) as Array<{ root?: string; name?: string }>
  const subpackages = declared
    .filter((sp) => typeof sp.root === 'string' && sp.root.length > 0)
    .map((sp) => {
      const root = `${path.posix.normalize(String(sp.root).replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '')}/`
      return { name: sp.name || root.slice(0, -1), root, bytes: 0 }
    })
  let main = 0
  let total = 0
  const walk = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full, relPath)
      } else if (entry.isFile()) {
        const bytes = fs.statSync(full).size
        total += bytes
        const owner = subpackages.find((sp) => relPath.startsWith(sp.root))
        if (owner) owner.bytes += bytes
        else main += bytes
      }
    }
  }
  walk(weappDir, '')
  return { main, subpackages, total }
}

async function qualityOf(project: CI.Project): Promise<QualityOutcome> {
  const { value, error } = await captureConsole(() => loadCi().checkCodeQuality(project))
  if (error !== undefined) return { items: [], error: describeError(error) }
  return { items: (value ?? []) as QualityItem[] }
}

/** Compile and code-quality check on the same staged copy. */
export async function checkWeapp(
  weappDir: string = WEAPP_DIR
): Promise<{ compile: CompileOutcome; quality?: QualityOutcome; sizes?: PackageSizes }> {
  return withStagedProject(weappDir, async (project, stage) => {
    const compile = await compileProject(project, stage, weappDir)
    if (!compile.ok) return { compile }
    // Measured on the copy that was compiled, in case a build is rewriting dist/weapp meanwhile.
    return { compile, quality: await qualityOf(project), sizes: measurePackages(path.join(stage, 'miniprogram')) }
  })
}

// ---------------------------------------------------------------------------------------------------------

const fmt = (n: number): string => n.toLocaleString('en-US')

function printQuality(quality: QualityOutcome): void {
  if (quality.error) {
    console.warn(`code quality: checkCodeQuality failed, skipped:\n${quality.error}`)
    return
  }
  console.log('code quality (miniprogram-ci checkCodeQuality, advisory):')
  for (const item of quality.items) {
    const name = item.name ?? '?'
    let detail = ''
    if (name === 'PACKAGE_SIZE_LIMIT' && item.detail && typeof item.detail === 'object') {
      detail = ` (${Object.entries(item.detail as Record<string, number>)
        .map(([pkg, bytes]) => `${pkg === '__APP__' ? 'main' : pkg} ${fmt(bytes)} bytes`)
        .join(', ')}, as miniprogram-ci counts it)`
    } else if (!item.success && item.detail !== undefined) {
      const json = safeJson(item.detail)
      if (json !== '[]' && json !== '{}') detail = ` ${json.length > 300 ? `${json.slice(0, 300)} …` : json}`
    }
    // The texts describe the problem ("JS compression is not turned on"), so only show them on failures.
    console.log(item.success ? `  ok    ${name}${detail}` : `  warn  ${name}: ${item.text ?? ''}${detail}`)
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) {
    console.error(`check:weapp: ${path.relative(repoRoot, WEAPP_DIR)}/app.json not found — run npm run build:weapp first`)
    return 1
  }

  const { compile, quality, sizes = measurePackages(WEAPP_DIR) } = await checkWeapp(WEAPP_DIR)
  if (process.argv.includes('--verbose')) console.log(compile.log.map((l) => `  [miniprogram-ci] ${l}`).join('\n'))
  if (!compile.ok) {
    console.error(`check:weapp: the weapp build does not compile (miniprogram-ci, ${fmt(compile.ms)} ms):`)
    for (const e of compile.errors) console.error(e.replace(/^/gm, '  '))
    return 1
  }
  console.log(`compile: ok, ${compile.files.length} files compiled offline by miniprogram-ci in ${fmt(compile.ms)} ms`)
  if (quality) printQuality(quality)

  const subs = sizes.subpackages.length ? sizes.subpackages.map((sp) => `${sp.name} ${fmt(sp.bytes)} bytes`).join(', ') : 'none'
  console.log(
    `weapp main package: ${fmt(sizes.main)} bytes (limit ${fmt(MAIN_PACKAGE_LIMIT)}); subpackages: ${subs}; total ${fmt(sizes.total)} bytes`
  )
  if (sizes.main > MAIN_PACKAGE_LIMIT) {
    console.error(`check:weapp: the main package is ${fmt(sizes.main - MAIN_PACKAGE_LIMIT)} bytes over the limit — move pages into a subpackage or trim dependencies`)
    return 1
  }
  console.log(`check:weapp: ok (${fmt(Date.now() - started)} ms)`)
  return 0
}

/** Run directly (tsx scripts/check-weapp.ts), not imported. `require.main` does not typecheck here (Taro's types). */
function isEntryPoint(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  const strip = (file: string) => path.resolve(file).replace(/\.[cm]?[jt]s$/, '')
  return strip(entry) === strip(__filename)
}

if (isEntryPoint()) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('check:weapp: crashed:', error)
      process.exit(1)
    }
  )
}
