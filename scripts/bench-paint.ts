/**
 * `npm run bench:paint`: how fast the H5 home page shows up on a slow phone. Starts the local runtime (demo
 * data, a temporary data folder, a random port) on the H5 build and, in headless Chromium at a 390×844 phone
 * viewport with the CPU throttled 4×, loads the home page cold RUNS times (default 5, a fresh browser context
 * each, so nothing is cached). Prints per load and as medians: first contentful paint, the moment the home
 * page's live counts (创建动态) appear, and the bytes that crossed the wire. Targets: first paint ≤ 1.2 s,
 * live counts ≤ 2.5 s. On 127.0.0.1 the wire is free, so what the page sends costs nothing but CPU;
 * NETWORK=slow4g adds Lighthouse's mobile network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { createRuntime } from '../runtime/app'
import { seedDemoActivities, seedDemoQuiz, seedDemoReports } from '../runtime/demo'
import { ensureH5Build, H5_DIR } from '../runtime/h5-build'
import { seedLocal } from '../runtime/seed'
import { CHROMIUM, hasChromium, launchChromium, phone } from '../test/support/browser'

const RUNS = Number(process.env.RUNS ?? 5)
const THROTTLE = 4
const NETWORKS = { slow4g: { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 } }
const network = process.env.NETWORK ? NETWORKS[process.env.NETWORK as keyof typeof NETWORKS] : undefined
/** The home page's live counts: the figures of the 创建动态 block (src/pages/index). */
const LIVE_COUNTS = '.home__stats .cwt-stat-grid__value'
const quiet = { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`

async function main() {
  if (process.env.NETWORK && !network) throw new Error(`NETWORK 只认 ${Object.keys(NETWORKS).join('、')}`)
  if (!hasChromium()) throw new Error(`找不到 Chromium（${CHROMIUM}）：sudo apt-get install -y chromium fonts-noto-cjk`)
  if (!(await ensureH5Build())) throw new Error('H5 构建失败')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cwt-paint-'))
  const deps = createLocalDeps({ dataDir, logger: quiet })
  await seedLocal(deps)
  await seedDemoReports(deps)
  await seedDemoActivities(deps)
  await seedDemoQuiz(deps)
  const app = await createRuntime({ deps, staticDir: H5_DIR })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const browser = await launchChromium()

  const loads: { paint: number; counts: number; bytes: number; requests: number; encodings: Set<string> }[] = []
  try {
    console.log(`首页冷启动 ${RUNS} 次：390×844 手机视口，CPU 降速 ${THROTTLE}×，${network ? `网络 ${process.env.NETWORK}` : '本机网络'}，${base}\n`)
    console.log(`  ${'load'.padEnd(6)} ${'first paint'.padStart(12)} ${'live counts'.padStart(12)} ${'transferred'.padStart(12)} ${'requests'.padStart(9)}  encodings`)
    for (let run = 1; run <= RUNS; run++) {
      const context = await phone(browser)
      // When the counts first appear, stamped on the page's own clock, like the paint timings. (A string: tsx
      // would wrap a function's inner names in a helper the page does not have.)
      await context.addInitScript(`new MutationObserver(() => {
        if (document.querySelector(${JSON.stringify(LIVE_COUNTS)})) window.__countsAt ??= performance.now()
      }).observe(document, { childList: true, subtree: true })`)
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
      await cdp.send('Network.enable')
      if (network) await cdp.send('Network.emulateNetworkConditions', network)
      let bytes = 0
      let requests = 0
      const encodings = new Set<string>()
      cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength
        requests++
      })
      cdp.on('Network.responseReceived', ({ response }) => {
        if (/\.(js|css)$/.test(new URL(response.url).pathname)) encodings.add(response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'identity')
      })

      await page.goto(`${base}/#/pages/index/index`)
      await page.locator(LIVE_COUNTS).first().waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      const { paint, counts } = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        counts: (window as unknown as { __countsAt: number }).__countsAt ?? NaN
      }))
      loads.push({ paint, counts, bytes, requests, encodings })
      console.log(`  ${`#${run}`.padEnd(6)} ${seconds(paint).padStart(12)} ${seconds(counts).padStart(12)} ${kilobytes(bytes).padStart(12)} ${String(requests).padStart(9)}  ${[...encodings].join(', ')}`)
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
    await deps.store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }

  const paint = median(loads.map((l) => l.paint))
  const counts = median(loads.map((l) => l.counts))
  console.log(`  ${'median'.padEnd(6)} ${seconds(paint).padStart(12)} ${seconds(counts).padStart(12)} ${kilobytes(median(loads.map((l) => l.bytes))).padStart(12)}`)
  console.log(`\n首屏（first contentful paint）${seconds(paint)}（目标 ≤ 1.2 s）${paint <= 1200 ? '✔' : '✘'}`)
  console.log(`实时数据（创建动态）出现 ${seconds(counts)}（目标 ≤ 2.5 s）${counts <= 2500 ? '✔' : '✘'}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
