import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { functions } from '../cloudfunctions/registry'
import { buildFunctions, SLIM_LIMIT, type BundleSize } from './bundle-functions'

describe('function bundles', () => {
  // Inside the repository, so the bundles resolve wx-server-sdk from node_modules as CloudBase installs it.
  const scratch = path.resolve(__dirname, '..', '.tmp')
  mkdirSync(scratch, { recursive: true })
  const out = mkdtempSync(path.join(scratch, 'functions-'))
  let sizes: BundleSize[]
  beforeAll(async () => {
    sizes = await buildFunctions(out, () => undefined)
  }, 60000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('when the functions are built, then each folder deploys alone: a loadable index.js exporting main, wx-server-sdk as its one dependency, its config', () => {
    expect(readdirSync(out).sort()).toEqual(Object.keys(functions).sort())
    for (const name of Object.keys(functions)) {
      const dir = path.join(out, name)
      expect(readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json'])
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
      const bundle = readFileSync(path.join(dir, 'index.js'), 'utf8')
      // The shared core is inside; nothing but the SDK is left to resolve at deploy time.
      expect(bundle.match(/require\("([^"]+)"\)/g)?.filter((r) => !/require\("(wx-server-sdk|node:[^"]+|[a-z_]+)"\)/.test(r)) ?? []).toEqual([])
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(typeof require(path.join(dir, 'index.js')).main).toBe('function')
    }
    expect(JSON.parse(readFileSync(path.join(out, 'reports', 'config.json'), 'utf8')).triggers).toEqual([{ name: 'hourly-sweep', type: 'timer', config: '0 0 * * * * *' }])
  })

  it('when the functions are built, then only those with exports carry Excel code and the rest stay within 600 KB', () => {
    expect(sizes.filter((s) => s.exports).map((s) => s.name).sort()).toEqual(['quiz', 'reports', 'volunteer'])
    // every byte is loaded on a cold start
    expect(sizes.filter((s) => !s.exports && s.bytes > SLIM_LIMIT).map((s) => `${s.name} ${s.bytes}`)).toEqual([])
  })
})
