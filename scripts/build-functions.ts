/**
 * `npm run build:functions`: one deployable folder per cloud function under dist/functions, each bundle's size
 * printed; fails when a function without exports outgrows SLIM_LIMIT (every byte is loaded on a cold start).
 */
import { buildFunctions, SLIM_LIMIT } from './bundle-functions'

buildFunctions()
  .then((sizes) => {
    const heavy = sizes.filter((s) => !s.exports && s.bytes > SLIM_LIMIT)
    for (const s of heavy) console.error(`${s.name} 超出 ${SLIM_LIMIT / 1024} KB（${(s.bytes / 1024).toFixed(1)} KB）：没有导出的云函数冷启动要加载整个包，请检查新引入的依赖`)
    if (heavy.length) process.exit(1)
  })
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
