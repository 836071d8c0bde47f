import { readFileSync } from 'node:fs'
import path from 'node:path'
import { writePgliteTemplate } from '../../cloudfunctions/core/adapters/postgres/databases'

/** Once per jest run: an initialised PGlite data folder, which each test file's in-memory database loads in about a second instead of running initdb. */
export default async function globalSetup() {
  const root = path.resolve(__dirname, '..', '..')
  const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  const file = path.join(root, '.tmp', `pglite-${version}.tar`)
  await writePgliteTemplate(file)
  process.env.PGLITE_TEMPLATE = file
}
