/** `npm run deploy [-- --dry-run] [--env <id>] [--admin <openid>]`: see scripts/deployment.ts and the README. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { deploy, root } from './deployment'

// CLOUD_ENV, SUBSCRIBE_TEMPLATES and the rest may sit in .env beside the build's TARO_APP_* settings
const dotenv = path.join(root, '.env')
if (existsSync(dotenv)) process.loadEnvFile(dotenv)

deploy(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  build: async () => void (await (await import('./bundle-functions')).buildFunctions()),
  connect: async (options) => new (await import('@cloudbase/manager-node')).default(options)
})
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
