import path from 'node:path'
import { DEMO_IDENTITIES, ROLE_LABELS } from '../types/domain'
import { grantAdmins } from '../cloudfunctions/core/identity'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { createRuntime } from './app'
import { ensureH5Build, H5_DIR } from './h5-build'
import { seedDemoActivities, seedDemoInspection, seedDemoQuiz, seedDemoReports } from './demo'
import { seedLocal } from './seed'
import { sweep } from '../cloudfunctions/reports/daily'
import { sweepVolunteers } from '../cloudfunctions/volunteer/daily'
import { sweepQuiz } from '../cloudfunctions/quiz/daily'
import { sweepInbox } from '../cloudfunctions/users/daily'

const root = path.resolve(__dirname, '..')
const port = Number(process.env.PORT ?? 3000)
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')

async function main() {
  if (process.env.SKIP_BUILD !== '1' && !(await ensureH5Build())) {
    console.error('H5 构建失败，见上方输出。')
    process.exit(1)
  }
  const databaseUrl = process.env.DATABASE_URL
  const deps = createLocalDeps({ dataDir, databaseUrl })
  try {
    await deps.store.ready
  } catch (error) {
    console.error(databaseUrl ? `连不上数据库（DATABASE_URL）：${String(error)}` : `打不开数据目录 ${dataDir}：${String(error)}`)
    process.exit(1)
  }
  await seedLocal(deps)
  await grantAdmins(deps, process.env.ADMIN_OPENIDS)
  await deps.store.maintain()
  if (process.env.DEMO_DATA !== '0') {
    await seedDemoReports(deps)
    await seedDemoActivities(deps)
    await seedDemoQuiz(deps)
    await seedDemoInspection(deps)
  }
  const app = await createRuntime({ deps, staticDir: H5_DIR })
  await app.listen({ host: '127.0.0.1', port })

  const url = `http://127.0.0.1:${port}`
  console.log(`\n创文通本地运行时已启动：${url}`)
  console.log(databaseUrl ? '数据库：PostgreSQL（DATABASE_URL）' : `数据目录：${dataDir}（重置：npm run reset）`)
  console.log('演示身份（H5 页面右上角切换，或在请求头 x-openid 中指定）：')
  for (const demo of DEMO_IDENTITIES) console.log(`  ${demo.openid.padEnd(16)} ${demo.nickname}（${demo.roles.map((r) => ROLE_LABELS[r]).join('、')}）`)
  console.log(`示例：curl -s -X POST ${url}/api/campaign -H 'x-openid: demo-admin' -d '{"action":"overview"}'\n`)

  // What CloudBase's hourly timer trigger does, every ten minutes here so a demo sees deadlines pass.
  const sweepAll = () => Promise.all([sweep(deps), sweepVolunteers(deps), sweepQuiz(deps), sweepInbox(deps)]).catch((error) => deps.logger.error('sweep failed', { error: String(error) }))
  const timer = setInterval(sweepAll, 10 * 60 * 1000)
  const swept = Date.now()
  await sweepAll()
  // the first sweep catches up on what waited while the runtime was stopped (a night's tally repair, old notices)
  console.log(`首次巡检完成（${((Date.now() - swept) / 1000).toFixed(1)} 秒）`)
  // What CloudBase and a PostgreSQL server do by themselves; statistics at start cover a folder grown since
  const upkeep = setInterval(() => deps.store.maintain({ vacuum: true }).catch((error) => deps.logger.error('maintenance failed', { error: String(error) })), 24 * 3600 * 1000)

  const stop = async () => {
    clearInterval(timer)
    clearInterval(upkeep)
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
