import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { DEMO_IDENTITIES, ROLE_LABELS } from '../types/domain'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { createRuntime } from './app'
import { seedLocal } from './seed'

const root = path.resolve(__dirname, '..')
const h5 = path.join(root, 'dist', 'h5')
const port = Number(process.env.PORT ?? 3000)
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))))
}

/** Builds the H5 app when it is missing or older than its sources. */
function ensureH5Build() {
  const built = newestChange(path.join(h5, 'index.html'))
  const sources = Math.max(...['src', 'types', 'config', 'babel.config.js', 'package.json'].map((p) => newestChange(path.join(root, p))))
  if (built > sources) return
  console.log(built ? 'H5 页面的源码有改动，正在重新构建…' : '首次启动：正在构建 H5 页面（约 30–60 秒）…')
  const result = spawnSync(process.execPath, [createRequire(__filename).resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('H5 构建失败，见上方输出。')
    process.exit(1)
  }
}

async function main() {
  if (process.env.SKIP_BUILD !== '1') ensureH5Build()
  const deps = createLocalDeps({ dataDir })
  await seedLocal(deps)
  const app = await createRuntime({ deps, staticDir: h5 })
  await app.listen({ host: '127.0.0.1', port })

  const url = `http://127.0.0.1:${port}`
  console.log(`\n创文通本地运行时已启动：${url}`)
  console.log(`数据目录：${dataDir}（重置：npm run reset）`)
  console.log('演示身份（H5 页面右上角切换，或在请求头 x-openid 中指定）：')
  for (const demo of DEMO_IDENTITIES) console.log(`  ${demo.openid.padEnd(16)} ${demo.nickname}（${demo.roles.map((r) => ROLE_LABELS[r]).join('、')}）`)
  console.log(`示例：curl -s -X POST ${url}/api/campaign -H 'x-openid: demo-admin' -d '{"action":"overview"}'\n`)

  const stop = async () => {
    await app.close()
    await deps.store.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
