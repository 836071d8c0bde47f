import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * Imports go one way: a function folder may use core and types/, core only types/, and no function reaches into
 * another's folder (CloudBase deploys each function alone, so what one imports is bundled into it).
 * Only core and a function's repository.ts reach the store's collections (core/collections): every query of a
 * function is in its repository. Tests are left out: they put whole functions together on purpose.
 */
const root = __dirname

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

const importsOf = (file: string) =>
  ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('.'))

interface Edge {
  file: string
  from: string
  to: string
  /** The imported module, from cloudfunctions/ without extension: `volunteer/rules`. */
  module: string
}

/** Every relative import, require and re-export that leaves its top folder. */
function edges(): Edge[] {
  const found: Edge[] = []
  for (const file of sources(root)) {
    const from = folderOf(file)
    if (!from) continue
    for (const fileName of importsOf(file)) {
      const target = path.resolve(path.dirname(file), fileName)
      const to = folderOf(target)
      if (to && to !== from) found.push({ file: path.relative(root, file), from, to, module: path.relative(root, target).split(path.sep).join('/') })
    }
  }
  return found
}

describe('the import graph of cloudfunctions/', () => {
  it('when core or a function imports another function\'s folder, then the import is named (core and types/ are for everyone)', () => {
    const crossings = edges().filter((e) => e.to !== 'core')
    expect(crossings.map((e) => `${e.file} -> ${e.module}`)).toEqual([])
  })

  it('when the graph is read, then it sees every function folder import core', () => {
    const intoCore = new Set(edges().filter((e) => e.to === 'core').map((e) => e.from))
    expect([...intoCore]).toEqual(expect.arrayContaining(['campaign', 'quiz', 'reports', 'users', 'volunteer']))
  })

  it('when a file outside core/ and its function\'s repository.ts imports core/collections, then it is named (every query lives in a repository)', () => {
    const collections = path.join(root, 'core', 'collections')
    const querying = sources(root)
      .filter((file) => folderOf(file) !== 'core' && path.basename(file) !== 'repository.ts')
      .filter((file) => importsOf(file).some((name) => path.resolve(path.dirname(file), name) === collections))
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
    expect(querying).toEqual([])
  })
})
