import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * Imports go one way: a function folder may use core and types/, core only types/, and no function reaches into
 * another's folder (CloudBase deploys each function alone, so what one imports is bundled into it).
 * Tests are left out: they put whole functions together on purpose.
 */
const root = __dirname

/**
 * Named crossings still to undo. The role import reads a sheet, so it runs in volunteer, which carries exceljs
 * already (in users it would take that bundle from ~210 KB to ~1.4 MB), but grants through users' own rule.
 */
const PENDING = new Set(['users/role-import'])

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(file)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : []
  })

/** The top folder under cloudfunctions/ a path lies in, or undefined outside any (types/, registry.ts). */
const folderOf = (file: string) => {
  const parts = path.relative(root, file).split(path.sep)
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined
}

interface Edge {
  file: string
  from: string
  to: string
  /** The imported module, from cloudfunctions/ without extension: `users/role-import`. */
  module: string
}

/** Every relative import, require and re-export that leaves its top folder. */
function edges(): Edge[] {
  const found: Edge[] = []
  for (const file of sources(root)) {
    const from = folderOf(file)
    if (!from) continue
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue
      const target = path.resolve(path.dirname(file), fileName)
      const to = folderOf(target)
      if (to && to !== from) found.push({ file: path.relative(root, file), from, to, module: path.relative(root, target).split(path.sep).join('/') })
    }
  }
  return found
}

describe('the import graph of cloudfunctions/', () => {
  it('when core or a function imports another function\'s folder, then the import is named (core and types/ are for everyone)', () => {
    const crossings = edges().filter((e) => e.to !== 'core' && !PENDING.has(e.module))
    expect(crossings.map((e) => `${e.file} -> ${e.module}`)).toEqual([])
  })

  it('when a pending exception is no longer used, then it is taken out of PENDING', () => {
    const used = new Set(edges().map((e) => e.module))
    expect([...PENDING].filter((module) => !used.has(module))).toEqual([])
  })

  it('when the graph is read, then it sees every function folder import core', () => {
    const intoCore = new Set(edges().filter((e) => e.to === 'core').map((e) => e.from))
    expect([...intoCore]).toEqual(expect.arrayContaining(['campaign', 'quiz', 'reports', 'users', 'volunteer']))
  })
})
