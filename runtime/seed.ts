import { DEMO_IDENTITIES, type HistoryEntry } from '../types/domain'
import { baseData, seedBaseData } from '../cloudfunctions/core/seed'
import { questionBank } from '../cloudfunctions/quiz/seed'
import { grids, inspectionPoints, users } from '../cloudfunctions/core/collections'
import { DEMO_GRIDS } from '../cloudfunctions/core/geo'
import { DEMO_POINTS, pointTypes } from '../cloudfunctions/reports/inspection/seed'
import { resolveCaller } from '../cloudfunctions/core/identity'
import type { Deps } from '../cloudfunctions/core/ports'

/** Base data plus the demo identities, grids and inspection points, once per data folder. */
export async function seedLocal(deps: Deps) {
  // every function runs in this one process: each function's part
  await seedBaseData(deps, [baseData, questionBank, pointTypes])
  await deps.store.transaction(() => seedDemoPeople(deps))
}

async function seedDemoPeople(deps: Deps) {
  for (const grid of DEMO_GRIDS) await grids(deps.store).insertIfAbsent(grid)
  for (const point of DEMO_POINTS) await inspectionPoints(deps.store).insertIfAbsent(point)
  for (const demo of DEMO_IDENTITIES) {
    const user = await resolveCaller(deps, demo.openid)
    if (user.history.some((h) => h.note === '演示账号')) continue
    const at = deps.clock.now().toISOString()
    const entry: HistoryEntry = { at, by: 'system', role: 'system', from: user.roles.join(','), to: demo.roles.join(','), note: '演示账号' }
    await users(deps.store).update(
      { _id: user._id },
      { $set: { nickname: demo.nickname, roles: [...demo.roles], updatedAt: at, ...('departmentId' in demo ? { departmentId: demo.departmentId } : {}) }, $push: { history: entry } }
    )
  }
}
