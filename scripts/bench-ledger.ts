/**
 * `npm run bench`: the office's ledger at a city's half-year scale (DESIGN.md §2: ~2,400 problems), on the
 * embedded store. Prints how long the figures, a ledger page, the Excel export, the nearby check and the
 * public feed take, and the memory they need. Figures, not a pass/fail: compare them across changes.
 */
import { performance } from 'node:perf_hooks'
import { COUNTER_KEYS, OPEN_REPORT_STATUSES, type Report, type ReportStatus } from '../types/domain'
import { manualClock } from '../cloudfunctions/core/basics'
import { reports } from '../cloudfunctions/core/collections'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { functions } from '../cloudfunctions/registry'
import { DEMO_CENTER } from '../cloudfunctions/reports/geo'
import { seedLocal } from '../runtime/seed'

const CASES = Number(process.env.CASES ?? 2400)
const quiet = { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) }

function caseAt(i: number, start: number): Report {
  const at = new Date(start + i * 6 * 3600 * 1000).toISOString()
  // Roughly the seeds' mix: most fixed on the spot, some by deadline, a few still open or turned away.
  const status: ReportStatus = i % 10 < 7 ? 'closed' : i % 10 < 8 ? 'in_progress' : i % 10 < 9 ? 'assigned' : i % 20 === 9 ? 'rejected' : 'submitted'
  const onSpot = status === 'closed' && i % 10 < 6
  const assigned = !onSpot && status !== 'submitted' && status !== 'rejected'
  return {
    _id: `bench${String(i).padStart(6, '0')}`,
    no: `BENCH-${i}`,
    requestId: `bench-${i}`,
    reporterId: `u${i % 300}`,
    anonymous: i % 3 === 0,
    categoryId: `g${(i % 7) + 1}-01`,
    categoryName: '井盖破损/缺失',
    groupId: `g${(i % 7) + 1}`,
    description: '人行道井盖缺失，夜间容易踩空',
    photos: [],
    location: { lat: DEMO_CENTER.lat + ((i % 50) - 25) * 0.0004, lng: DEMO_CENTER.lng + ((i % 37) - 18) * 0.0004, address: `测试路 ${i} 号` },
    gridId: `grid-${(i % 6) + 1}`,
    status,
    departmentId: assigned ? ['dept-cg', 'dept-zj', 'dept-jj'][i % 3] : null,
    deadline: assigned ? new Date(start + (i * 6 + 72) * 3600 * 1000).toISOString() : null,
    overdue: assigned && i % 11 === 0,
    onSpot,
    afterPhotos: [],
    fixNote: null,
    rejectReason: status === 'rejected' ? '不属实' : null,
    duplicateOf: null,
    followers: [],
    needsReview: false,
    extension: null,
    confirmation: status === 'closed' ? { state: 'resolved', rating: 5 } : null,
    remindedAt: null,
    createdAt: at,
    updatedAt: at,
    acceptedAt: status === 'submitted' ? null : at,
    assignedAt: assigned ? at : null,
    fixedAt: status === 'closed' ? at : null,
    closedAt: status === 'closed' ? at : null,
    history: [{ at, by: 'bench', role: 'resident', from: null, to: 'submitted' }],
    ...(status === 'closed' ? { hoursToFix: (i % 48) + 1 } : {})
  } as Report
}

async function time(label: string, run: () => Promise<unknown>, times = 5) {
  await run()
  const started = performance.now()
  for (let i = 0; i < times; i++) await run()
  console.log(`  ${label.padEnd(34)} ${((performance.now() - started) / times).toFixed(1).padStart(8)} ms`)
}

async function main() {
  const deps = createLocalDeps({ clock: manualClock('2026-11-23T09:00:00+08:00'), logger: quiet })
  await seedLocal(deps)
  const start = Date.parse('2026-05-23T08:00:00+08:00')
  for (let i = 0; i < CASES; i++) await reports(deps.store).insert(caseAt(i, start))
  console.log(`ledger benchmark: ${CASES} cases on the embedded store (${COUNTER_KEYS.length} counters, ${OPEN_REPORT_STATUSES.length} open statuses)`)
  const call = (openid: string, fn: 'reports' | 'campaign', action: string, payload: object = {}) =>
    functions[fn]({ action, payload }, { openid, deps }).then((r) => {
      if (!r.ok) throw new Error(`${action}: ${r.message}`)
      return r.data
    })
  await time('home overview (counters)', () => call('demo-resident', 'campaign', 'overview'))
  await time('ledger figures, everything', () => call('demo-admin', 'reports', 'stats'))
  await time('ledger figures, one department', () => call('demo-admin', 'reports', 'stats', { departmentId: 'dept-cg', from: '2026-08-01', to: '2026-11-23' }))
  await time('ledger page 1 (20 rows)', () => call('demo-admin', 'reports', 'ledger', { page: 1 }))
  await time('ledger page 100 (20 rows)', () => call('demo-admin', 'reports', 'ledger', { page: 100 }))
  await time('department queue', () => call('demo-handler', 'reports', 'queue'))
  await time('nearby duplicates (100 m)', () => call('demo-resident', 'reports', 'nearby', { categoryId: 'g1-01', ...DEMO_CENTER }))
  await time('public feed around a point', () => call('demo-resident', 'reports', 'feed', { ...DEMO_CENTER }))
  const before = process.memoryUsage().heapUsed
  await time(`Excel export, all ${CASES} rows`, () => call('demo-admin', 'reports', 'export'), 2)
  console.log(`  heap after export: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB (${((process.memoryUsage().heapUsed - before) / 1048576).toFixed(0)} MB more)`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
