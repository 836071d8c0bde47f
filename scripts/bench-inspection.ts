/**
 * 督查 at a district's size: a year of weekly rounds over 300 points, beside the residents' cases, in one
 * in-memory store. `npm run bench:inspection` prints, per figures query, p50 / max time, the store calls it
 * made and the documents those calls handed back — a count answers none, so a query that read every case
 * would show it here.
 */
import type { Report } from '../types/domain'
import type { InspectionPoint, ItemMark, Visit } from '../types/inspection'
import { inspectionPoints, reports, visits } from '../cloudfunctions/core/collections'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import type { Doc, Store } from '../cloudfunctions/core/ports'
import { manualClock } from '../cloudfunctions/core/system-ports'
import { DEMO_GRIDS } from '../cloudfunctions/core/geo'
import { POINT_TYPES } from '../cloudfunctions/reports/inspection/seed'
import { functions } from '../cloudfunctions/registry'
import { counting, noCost } from './store-counting'
import { beijingDay } from '../types/calendar'
import { seedLocal } from '../runtime/seed'
import { caseAt, DAY, NOW } from './bench-data'

const POINTS = 300
const WEEKS = 52
const RESIDENT_CASES = Number(process.env.BENCH_CASES ?? 20_000)
const DEPARTMENTS = ['dept-cg', 'dept-jt', 'dept-zj', 'dept-sz', 'dept-jd']
const RUNS = 5

/** The same answer every run: a point fails about one visit in six, one or two of its items. */
const roll = (a: number, b: number, c = 0) => ((a * 7919 + b * 104729 + c * 1299709) % 1000) / 1000

function pointAt(i: number): InspectionPoint {
  const type = POINT_TYPES[i % POINT_TYPES.length]
  const grid = DEMO_GRIDS[i % DEMO_GRIDS.length]
  const at = new Date(NOW - 400 * DAY).toISOString()
  return {
    _id: `bench-pt-${i}`,
    name: `${type.name} ${i + 1}`,
    typeId: type._id,
    address: `测评路 ${i + 1} 号`,
    lat: 25.49 + (i % 20) * 0.001,
    lng: 103.79 + Math.floor(i / 20) * 0.001,
    gridId: grid._id,
    departmentId: DEPARTMENTS[i % DEPARTMENTS.length],
    active: true,
    createdAt: at,
    updatedAt: at
  }
}

async function seedYear(store: Store) {
  const points = Array.from({ length: POINTS }, (_, i) => pointAt(i))
  let cases = 0
  let visitCount = 0
  await store.transaction(async () => {
    for (const p of points) await inspectionPoints(store).insertIfAbsent(p)
    for (let i = 0; i < RESIDENT_CASES; i++) await reports(store).insert(caseAt(i, RESIDENT_CASES) as Report & Doc)
  })
  for (let w = 0; w < WEEKS; w++) {
    const when = NOW - (WEEKS - w) * 7 * DAY
    const at = new Date(when).toISOString()
    const roundId = `bench-round-${w}`
    await store.transaction(async () => {
      for (const [i, p] of points.entries()) {
        const type = POINT_TYPES.find((t) => t._id === p.typeId)!
        const failing = roll(w, i) < 0.17 ? type.checklist.slice(0, 1 + Math.floor(roll(w, i, 1) * 2)) : []
        const visitId = `bench-v-${w}-${i}`
        const marks: ItemMark[] = type.checklist.map((item) => {
          const fails = failing.includes(item)
          const onSpot = fails && roll(w, i, 2) < 0.4
          const caseId = fails ? `bench-c-${w}-${i}-${item.id}` : null
          return { itemId: item.id, text: item.text, mark: fails ? '不达标' : '达标', note: '', photos: [], onSpot, afterPhotos: [], caseId }
        })
        const visit: Visit = { _id: visitId, requestId: visitId, roundId, pointId: p._id, pointName: p.name, typeId: p.typeId, departmentId: p.departmentId, gridId: p.gridId, kind: '督查', inspectorId: 'bench-inspector', marks, verdict: failing.length ? '未达标' : '达标', latest: true, day: beijingDay(at), at }
        await visits(store).insert(visit)
        visitCount++
        for (const mark of marks.filter((m) => m.caseId)) {
          const recent = when > NOW - 14 * DAY
          const fixed = mark.onSpot || !recent
          const base = caseAt(cases++, 1000)
          await reports(store).insert({
            ...base,
            _id: mark.caseId!,
            no: `DC-${mark.caseId}`,
            requestId: mark.caseId!,
            source: '督查',
            inspection: { visitId, roundId, pointId: p._id, typeId: p.typeId, itemId: mark.itemId },
            categoryId: type.checklist.find((c) => c.id === mark.itemId)!.categoryId,
            gridId: p.gridId,
            departmentId: p.departmentId,
            status: fixed ? 'closed' : 'assigned',
            onSpot: mark.onSpot,
            fixedAt: fixed ? at : null,
            createdAt: at,
            updatedAt: at
          } as Report & Doc)
        }
      }
    })
  }
  return { points: POINTS, rounds: WEEKS, visits: visitCount, cases }
}

async function main() {
  const started = performance.now()
  const deps = createLocalDeps({ clock: manualClock(new Date(NOW)), logger: { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) } })
  await seedLocal(deps)
  const sizes = await seedYear(deps.store)
  console.log(`seeded ${JSON.stringify({ ...sizes, residentCases: RESIDENT_CASES })} in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  const tally = noCost()
  const measured = { ...deps, store: counting(deps.store, tally) }
  const month = beijingDay(new Date(NOW - 30 * DAY).toISOString())
  const queries: [string, string, object][] = [
    ['figures, the year by unit, type and grid', 'figures', {}],
    ['figures, the last 30 days', 'figures', { from: month }],
    ['figures, one unit', 'figures', { departmentId: 'dept-cg' }],
    ['figures, one round', 'figures', { roundId: `bench-round-${WEEKS - 1}` }],
    ['督查汇总 export, the year', 'exportFigures', {}]
  ]
  console.log('| query | p50 ms | max ms | store calls | documents read |')
  console.log('|---|---|---|---|---|')
  for (const [label, action, payload] of queries) {
    const times: number[] = []
    let calls = 0
    let docs = 0
    for (let run = 0; run < RUNS; run++) {
      Object.assign(tally, noCost())
      const t0 = performance.now()
      const result = await functions.reports({ action, payload }, { openid: 'demo-admin', deps: measured })
      times.push(performance.now() - t0)
      if (!result.ok) throw new Error(`reports.${action}: ${result.code} ${result.message}`)
      ;({ calls, docs } = tally)
    }
    times.sort((a, b) => a - b)
    console.log(`| ${label} | ${times[Math.floor(RUNS / 2)].toFixed(0)} | ${times[RUNS - 1].toFixed(0)} | ${calls} | ${docs} |`)
  }
  await deps.store.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
