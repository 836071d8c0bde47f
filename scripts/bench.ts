/**
 * `npm run bench`: the runtime at a district's scale. For 10,000 and 100,000 cases (with 20,000 volunteers,
 * 60,000 sign-ups and the notices they brought) it writes a data folder, starts `npm start`'s runtime on it
 * as its own process, and prints per call p50/p99 over HTTP, the process's memory, the folder's size and the
 * start time, one ledger export's time and memory, and what one of each call costs the store (its reads, its
 * writes and the documents read, counted in-process on the folder afterwards: none but the export's should grow
 * with the cases); then 200 clients load the feed and the activities for 20 s while the overview is timed.
 * Figures, not pass/fail: the targets of issue 9 are printed beside them. SIZES=10000 runs one size;
 * BENCH_DATABASE_URL=postgres://… measures the runtime on a PostgreSQL server instead of PGlite.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { User } from '../types/domain'
import type { Activity, Signup, Volunteer } from '../types/volunteer'
import { manualClock } from '../cloudfunctions/core/system-ports'
import { userIdOf } from '../cloudfunctions/core/identity'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { openPglite, openPostgres } from '../cloudfunctions/core/adapters/postgres/databases'
import type { Database } from '../cloudfunctions/core/adapters/postgres/store'
import { DEMO_CENTER } from '../cloudfunctions/core/geo'
import { seedLocal } from '../runtime/seed'
import { functions } from '../cloudfunctions/registry'
import type { FunctionName } from '../types/api'
import { caseAt, DAY, NOW, REPORTERS } from './bench-data'
import { counting, noCost, type StoreCost } from './store-counting'

const root = path.resolve(__dirname, '..')
const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number)
const VOLUNTEERS = 20_000
const SIGNUPS = 60_000
const ACTIVITIES = 600
const CALLS = Number(process.env.CALLS ?? 60)
/** BENCH_DATABASE_URL measures the self-hosted deployment instead: the runtime on that PostgreSQL server (its schema public is emptied). */
const DATABASE_URL = process.env.BENCH_DATABASE_URL
const quiet = { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) }

function person(openid: string, roles: User['roles'], at: string): User {
  return { _id: userIdOf(openid), openid, nickname: `市民${openid.slice(-4)}`, roles, createdAt: at, updatedAt: at, history: [] }
}

function activityAt(i: number): Activity & { waiting: number } {
  const start = NOW + (i - ACTIVITIES / 2) * DAY / 4
  const at = new Date(start).toISOString()
  const capacity = 100 + (i % 5) * 20
  return {
    _id: `act${String(i).padStart(5, '0')}`,
    title: `交通文明劝导 第 ${i} 岗`,
    type: 'traffic',
    description: '早高峰路口劝导行人和非机动车遵守信号灯',
    bring: '',
    place: { address: '民族大道与古城路路口', lat: DEMO_CENTER.lat, lng: DEMO_CENTER.lng, radius: 300 },
    startAt: at,
    endAt: new Date(start + 2 * 3600_000).toISOString(),
    capacity,
    taken: 0,
    tickets: 0,
    waiting: 0,
    signupDeadline: new Date(start - 3600_000).toISOString(),
    cancelDeadline: new Date(start - 3 * 3600_000).toISOString(),
    insurance: true,
    status: 'published',
    organizerId: userIdOf('demo-organizer'),
    team: '南宁街道志愿服务队',
    cancelReason: null,
    rosterConfirmedAt: null,
    remindedAt: null,
    createdAt: at,
    updatedAt: at,
    history: []
  } as unknown as Activity & { waiting: number }
}

async function bulk(db: Database, name: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 2000) {
    const batch = JSON.stringify(docs.slice(i, i + 2000))
    await db.query(`INSERT INTO "public"."${name}" (id, doc) SELECT e->>'_id', e FROM jsonb_array_elements($1::jsonb) AS e`, [batch])
  }
}

/** Writes a data folder the runtime can start on: base data, demo people, then the district's records in bulk. */
async function seedFolder(dir: string, size: number) {
  if (DATABASE_URL) {
    // a fresh database each size: the runtime keeps its tables in schema public
    const admin = await openPostgres(DATABASE_URL)
    await admin.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
    await admin.close()
  }
  const deps = createLocalDeps({ dataDir: dir, databaseUrl: DATABASE_URL, clock: manualClock(new Date(NOW)), logger: quiet })
  await seedLocal(deps)
  await deps.store.close()
  const db = DATABASE_URL ? await openPostgres(DATABASE_URL) : await openPglite(path.join(dir, 'pg'))
  const at = new Date(NOW - 400 * DAY).toISOString()
  const cases = Array.from({ length: size }, (_, i) => caseAt(i, size))
  await bulk(db, 'reports', cases)
  await bulk(db, 'users', Array.from({ length: REPORTERS }, (_, i) => person(`bench-r${i}`, ['resident'], at)))
  await bulk(db, 'users', Array.from({ length: VOLUNTEERS }, (_, i) => person(`bench-v${i}`, ['resident', 'volunteer'], at)))
  await bulk(
    db,
    'volunteers',
    Array.from({ length: VOLUNTEERS }, (_, i): Volunteer => ({ _id: userIdOf(`bench-v${i}`), realName: `志愿者${i}`, phone: `139${String(i).padStart(8, '0')}`, team: `第 ${i % 40} 志愿队`, birthDate: '1980-01-01', guardian: null, registeredAt: at, hours: i % 300, makeupHours: 0, activities: i % 30, certificateNo: `ZY${String(i).padStart(8, '0')}`, correction: null, history: [] }))
  )
  const acts = Array.from({ length: ACTIVITIES }, (_, i) => activityAt(i))
  const signups: Signup[] = []
  for (let i = 0; i < SIGNUPS; i++) {
    const activity = acts[i % ACTIVITIES]
    const userId = userIdOf(`bench-v${(i * 7) % VOLUNTEERS}`)
    if (activity.taken >= activity.capacity) continue
    activity.taken++
    signups.push({ _id: `${activity._id}:${userId}`, activityId: activity._id, userId, status: 'confirmed', ticket: null, offerExpiresAt: null, checkInAt: null, checkOutAt: null, autoCheckout: false, placeCheck: null, codeTries: 0, codeLockedUntil: null, attendance: 'pending', minutes: null, hours: null, startAt: activity.startAt, endAt: activity.endAt, createdAt: at, updatedAt: at, history: [] })
  }
  // the activity volunteers sign up to in the bench, with room for all of them
  acts.push({ ...activityAt(ACTIVITIES), _id: 'bench-open', capacity: 100_000, startAt: new Date(NOW + 200 * DAY).toISOString(), endAt: new Date(NOW + 200 * DAY + 7200_000).toISOString(), signupDeadline: new Date(NOW + 199 * DAY).toISOString(), cancelDeadline: new Date(NOW + 199 * DAY).toISOString() })
  await bulk(db, 'activities', acts)
  await bulk(db, 'signups', signups)
  // the notices the cases brought (about two per case), the recent ones the inbox shows
  const notices = Array.from({ length: size * 2 }, (_, i) => ({ _id: `n${i}`, userId: userIdOf(`bench-r${i % REPORTERS}`), template: 'report.closed', title: '随手拍进展：已办结', body: '「井盖破损/缺失」核查通过', createdAt: cases[Math.floor(i / 2)].createdAt }))
  await bulk(db, 'outbox', notices)
  await db.query(`UPDATE "public"."counters" SET doc = jsonb_set(doc, '{value}', to_jsonb($1::int)) WHERE id = 'reports'`, [size])
  await db.query('VACUUM ANALYZE')
  await db.close()
}

const folderSize = (dir: string): number =>
  readdirSync(dir).reduce((n, name) => {
    const p = path.join(dir, name)
    const s = statSync(p)
    return n + (s.isDirectory() ? folderSize(p) : s.size)
  }, 0)

const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

/** Starts the runtime on the folder; `swept` resolves with the seconds its first sweep took (the catch-up after a stop). */
async function startRuntime(dir: string, port: number): Promise<{ child: ChildProcess; ms: number; swept: Promise<number> }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, SKIP_BUILD: '1', DEMO_DATA: '0', ...(DATABASE_URL ? { DATABASE_URL } : {}) },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stderr!.on('data', (chunk) => process.stderr.write(chunk))
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  const said = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const found = out.match(pattern)
        if (found) resolve(found)
      }
      child.stdout!.on('data', check)
      child.once('exit', (code) => reject(new Error(`runtime exited with ${code}: ${out}`)))
    })
  await said(/已启动/)
  const ms = performance.now() - started
  return { child, ms, swept: said(/首次巡检完成（([\d.]+) 秒）/).then((m) => Number(m[1])) }
}

/** One ledger export on the folder (`scripts/bench-export.ts`): its time, and the memory it adds to a process that holds the store. */
function exportOnce(dir: string): { ms: number; rows: number; fileMB: string; heapMB: number; rssBeforeMB: number; rssPeakMB: number; reads: number; writes: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench-export.ts', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return JSON.parse(out.trim().split('\n').pop()!)
}

function client(port: number) {
  return async (openid: string, fn: string, action: string, payload: object = {}) => {
    const started = performance.now()
    const res = await fetch(`http://127.0.0.1:${port}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify({ action, payload }) })
    const body = (await res.json()) as { ok: boolean; message?: string }
    if (!body.ok) throw new Error(`${fn}.${action}: ${res.status} ${body.message}`)
    return performance.now() - started
  }
}

const pct = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function measure(size: number) {
  const dir = mkdtempSync(path.join(tmpdir(), `cwt-bench-${size}-`))
  try {
    let t = performance.now()
    await seedFolder(dir, size)
    const seeded = (performance.now() - t) / 1000
    // before the runtime opens the folder (one process at a time on it)
    const exported = exportOnce(dir)
    const port = 3900 + (size % 97)
    const { child, ms, swept } = await startRuntime(dir, port)
    const stop = () => child.exitCode === null && child.kill('SIGKILL')
    process.once('exit', stop)
    const pid = child.pid!
    const afterStart = memory(pid)
    const call = client(port)
    const figures: [string, number[]][] = []
    const run = async (label: string, times: number, one: (i: number) => Promise<number>) => {
      await one(-1)
      const list: number[] = []
      for (let i = 0; i < times; i++) list.push(await one(i))
      figures.push([label, list])
    }
    t = performance.now()
    const first = await call('demo-admin', 'reports', 'ledger', { page: 1 })
    // measured as the runtime runs day to day: after its first sweep caught up on the days it was stopped
    const sweptSeconds = await swept
    for (const a of CALLED) await run(a.label, CALLS, (i) => call(a.openid(i), a.fn, a.action, a.payload))
    const loaded = await load(call, 0)
    const paced = await load(call, Number(process.env.THINK_MS ?? 2000))
    const end = memory(pid)
    t = performance.now()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    const shutdown = performance.now() - t
    // after the runtime let go of the folder: one process at a time on it
    const costs = await storeCosts(dir)
    console.log(`\n${DATABASE_URL ? 'PostgreSQL server' : 'PGlite (embedded)'}: ${size.toLocaleString('en')} cases, ${VOLUNTEERS.toLocaleString('en')} volunteers, ${SIGNUPS.toLocaleString('en')} sign-ups`)
    console.log(`  data folder ${(folderSize(dir) / 1048576).toFixed(0)} MB (seeded in ${seeded.toFixed(0)} s); start ${(ms / 1000).toFixed(1)} s; first ledger call ${first.toFixed(0)} ms; first sweep ${sweptSeconds.toFixed(1)} s (timed after it); shutdown ${(shutdown / 1000).toFixed(1)} s`)
    console.log(`  ledger export (all ${exported.rows.toLocaleString('en')} cases, one call in a process of its own): ${(exported.ms / 1000).toFixed(1)} s, ${exported.fileMB} MB file, peak heap +${exported.heapMB} MB, process RSS ${exported.rssBeforeMB} → ${exported.rssPeakMB} MB with the store in it (limits: 60 s, 256 MB)`)
    console.log(`  RSS after start ${afterStart.rss.toFixed(0)} MB, at the end ${end.rss.toFixed(0)} MB, peak ${end.peak.toFixed(0)} MB`)
    console.log(`  ${'call'.padEnd(36)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  store reads / writes / documents read (one call)`)
    for (const [label, list] of figures) {
      const c = costs[label]
      console.log(`  ${label.padEnd(36)} ${pct(list, 50).toFixed(1).padStart(8)} ${pct(list, 99).toFixed(1).padStart(8)}  ${String(c.calls - c.writes).padStart(5)} / ${String(c.writes).padStart(2)} / ${c.docs}`)
    }
    console.log(`  ${'reports.export (all cases)'.padEnd(36)} ${'—'.padStart(8)} ${'—'.padStart(8)}  ${String(exported.reads).padStart(5)} / ${String(exported.writes).padStart(2)} (pages of 1,000: the one that grows)`)
    console.log(`  load, each client calling again at once: ${loaded}`)
    console.log(`  load, each client pausing ~${Number(process.env.THINK_MS ?? 2000) / 1000} s between calls as people do: ${paced}`)
    const all: Record<string, StoreCost> = { ...costs, 'reports.export (all cases)': { calls: exported.reads + exported.writes, writes: exported.writes, docs: 0 } }
    return { p50: Object.fromEntries(figures.map(([label, list]) => [label, pct(list, 50)])), costs: all }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The calls timed, each as someone makes it; `openid(i)` of the ith call (a sign-up needs a new person each time). */
const CALLED: { label: string; openid: (i: number) => string; fn: FunctionName; action: string; payload?: object }[] = [
  { label: 'reports.ledger page 1', openid: () => 'demo-admin', fn: 'reports', action: 'ledger', payload: { page: 1 } },
  { label: 'reports.ledger, one status', openid: () => 'demo-admin', fn: 'reports', action: 'ledger', payload: { page: 1, status: 'assigned' } },
  { label: 'reports.stats', openid: () => 'demo-admin', fn: 'reports', action: 'stats' },
  { label: 'reports.stats, department + dates', openid: () => 'demo-admin', fn: 'reports', action: 'stats', payload: { departmentId: 'dept-cg', from: '2026-08-01', to: '2026-11-23' } },
  { label: 'reports.feed (around a point)', openid: () => 'bench-r1', fn: 'reports', action: 'feed', payload: { ...DEMO_CENTER } },
  { label: 'reports.feed (everywhere)', openid: () => 'bench-r1', fn: 'reports', action: 'feed', payload: {} },
  { label: 'reports.mine', openid: () => 'bench-r7', fn: 'reports', action: 'mine', payload: {} },
  { label: 'reports.queue (department)', openid: () => 'demo-handler', fn: 'reports', action: 'queue', payload: {} },
  { label: 'campaign.overview', openid: () => 'demo-resident', fn: 'campaign', action: 'overview' },
  { label: 'volunteer.activities', openid: () => 'bench-v3', fn: 'volunteer', action: 'activities', payload: {} },
  { label: 'volunteer.signUp', openid: (i) => `bench-v${10_000 + i + 1}`, fn: 'volunteer', action: 'signUp', payload: { id: 'bench-open' } },
  { label: 'users.inbox', openid: () => 'bench-r9', fn: 'users', action: 'inbox', payload: {} },
  { label: 'reports.cockpit (office)', openid: () => 'demo-admin', fn: 'reports', action: 'cockpit' },
  { label: 'reports.cockpit (unit)', openid: () => 'demo-handler', fn: 'reports', action: 'cockpit' },
  { label: 'reports.ranking (month so far)', openid: () => 'demo-admin', fn: 'reports', action: 'ranking' }
]

/** What one of each call costs the store, counted in this process on the folder the runtime left (a sign-up by someone new to it). */
async function storeCosts(dir: string): Promise<Record<string, StoreCost>> {
  const deps = createLocalDeps({ dataDir: dir, databaseUrl: DATABASE_URL, logger: quiet })
  try {
    const costs: Record<string, StoreCost> = {}
    for (const [n, a] of CALLED.entries()) {
      const event = { action: a.action, payload: a.payload ?? {} }
      // the first call of an instance checks its base data: not the call's cost
      await functions[a.fn](event, { openid: a.openid(CALLS + 2 * n), deps })
      const cost = noCost()
      const answer = await functions[a.fn](event, { openid: a.openid(CALLS + 2 * n + 1), deps: { ...deps, store: counting(deps.store, cost) } })
      if (!answer.ok) throw new Error(`${a.fn}.${a.action}: ${answer.message}`)
      costs[a.label] = cost
    }
    return costs
  } finally {
    await deps.store.close()
  }
}

/**
 * 200 clients on the feed and the activities for 20 s (LOAD_SECONDS), while one more times the overview. With
 * `thinkMs` 0 each calls again as soon as answered, which measures throughput (latency is then 200 ÷ calls per
 * second); with a pause, randomised around `thinkMs`, it is 200 people using the app at once.
 */
async function load(call: ReturnType<typeof client>, thinkMs: number) {
  const seconds = Number(process.env.LOAD_SECONDS ?? 20)
  const until = performance.now() + seconds * 1000
  const times: number[] = []
  const overview: number[] = []
  let errors = 0
  const worker = async (k: number) => {
    while (performance.now() < until) {
      try {
        times.push(await (k % 2 ? call(`bench-r${k}`, 'reports', 'feed', { ...DEMO_CENTER }) : call(`bench-v${k}`, 'volunteer', 'activities', {})))
      } catch {
        errors++
      }
      if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())))
    }
  }
  const watch = async () => {
    while (performance.now() < until) {
      overview.push(await call('demo-resident', 'campaign', 'overview').catch(() => Infinity))
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  await Promise.all([...Array.from({ length: 200 }, (_, k) => worker(k)), watch()])
  return `${times.length} calls in ${seconds} s (${(times.length / seconds).toFixed(0)}/s), ${errors} errors, p50 ${pct(times, 50).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms; overview during it p50 ${pct(overview, 50).toFixed(0)} ms, max ${Math.max(...overview).toFixed(0)} ms`
}

async function main() {
  console.log('Targets (issue 9): at 100,000 no office call above 50 ms p99, RSS under 500 MB, each figure within ×2 of 10,000; under load p99 ≤ 200 ms, overview ≤ 50 ms.')
  console.log('For the record, the nedb store this replaced (measured in issue 9, p50): ledger 127 → 2,010 ms, stats 126 → 2,265 ms, feed 131 → 1,801 ms, mine 45 → 539 ms, signUp 14 → 109 ms; RSS 377 → 1,600 MB; first ledger 4.3 → 54 s.')
  const results: Awaited<ReturnType<typeof measure>>[] = []
  for (const size of SIZES) results.push(await measure(size))
  if (results.length === 2) {
    console.log(`\ngrowth ${SIZES[0].toLocaleString('en')} → ${SIZES[1].toLocaleString('en')}: p50, and store calls (reads + writes) of one call`)
    for (const label of Object.keys(results[0].costs)) {
      const [a, b] = results.map((r) => r.costs[label].calls)
      const p50 = label in results[0].p50 ? `×${(results[1].p50[label] / results[0].p50[label]).toFixed(2)}` : '—'
      console.log(`  ${label.padEnd(36)} ${p50.padStart(6)}  ${a} → ${b}${a === b ? '' : '  (grows)'}`)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
