/**
 * The ledger export on a bench data folder, in a process of its own so that its memory is the export's:
 * `tsx scripts/bench-export.ts <dataDir>` prints one JSON line with the time, the rows, the file's size, the
 * peak heap above what the process held before the call, its RSS before and at the peak, and the store calls it
 * made (reads and writes: an export is the one call they grow with the cases). The store is in this process too (PGlite, or
 * BENCH_DATABASE_URL's server); in CloudBase it is across the network, so the baseline, taken with the store
 * open, leaves its share out.
 */
import { manualClock } from '../cloudfunctions/core/system-ports'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { functions } from '../cloudfunctions/registry'
import { sweep } from '../cloudfunctions/reports/daily'
import { NOW } from './bench-data'
import { counting, noCost } from './store-counting'

const MB = 1048576

async function main() {
  const dir = process.argv[2]
  const deps = createLocalDeps({ dataDir: dir, databaseUrl: process.env.BENCH_DATABASE_URL, clock: manualClock(new Date(NOW)), logger: { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) } })
  // as the runtime starts: the day tallies built (the bench writes cases in bulk) and the handler warmed, before the baseline
  await sweep(deps)
  await functions.reports({ action: 'stats', payload: {} }, { openid: 'demo-admin', deps })
  global.gc?.()
  const before = process.memoryUsage()
  let heap = before.heapUsed
  let rss = before.rss
  const sample = setInterval(() => {
    const now = process.memoryUsage()
    heap = Math.max(heap, now.heapUsed)
    rss = Math.max(rss, now.rss)
  }, 10)
  const started = performance.now()
  const cost = noCost()
  const result = await functions.reports({ action: 'export', payload: {} }, { openid: 'demo-admin', deps: { ...deps, store: counting(deps.store, cost) } })
  const ms = performance.now() - started
  clearInterval(sample)
  if (!result.ok) throw new Error(`reports.export: ${result.code} ${result.message}`)
  const data = result.data as { fileId: string; rows: number }
  const file = await deps.files.get(data.fileId)
  console.log(JSON.stringify({ ms: Math.round(ms), rows: data.rows, fileMB: (file!.content.length / MB).toFixed(1), heapMB: Math.round((heap - before.heapUsed) / MB), rssBeforeMB: Math.round(before.rss / MB), rssPeakMB: Math.round(rss / MB), reads: cost.calls - cost.writes, writes: cost.writes }))
  await deps.store.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
