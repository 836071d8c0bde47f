import { DEMO_IDENTITIES, type HistoryEntry } from '../types/domain'
import { seedBaseData } from '../cloudfunctions/campaign/seed'
import { grids, inspectionPoints, users } from '../cloudfunctions/core/collections'
import { DEMO_POINTS } from '../cloudfunctions/reports/inspection/seed'
import { DEMO_GRIDS } from '../cloudfunctions/reports/geo'
import { DuplicateKeyError } from '../cloudfunctions/core/ports'
import { resolveCaller } from '../cloudfunctions/core/identity'
import type { Deps } from '../cloudfunctions/core/ports'

/** Base data plus the demo identities, grids and inspection points, once per data folder. */
export async function seedLocal(deps: Deps) {
  await seedBaseData(deps)
  await deps.store.transaction(() => seedDemoPeople(deps))
}

async function seedDemoPeople(deps: Deps) {
  const present = (error: unknown) => {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  for (const grid of DEMO_GRIDS) await grids(deps.store).insert(grid).catch(present)
  for (const point of DEMO_POINTS) await inspectionPoints(deps.store).insert(point).catch(present)
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
