import type { CategoryGroup, Overview } from '../../types/api'
import { COUNTER_KEYS, deadlineDaysOf, type CounterKey, type Department } from '../../types/domain'
import type { Deps } from '../core/ports'
import { campaignRepository } from './repository'

const refOf = (byId: Map<string, Department>, id?: string) => {
  const dept = id ? byId.get(id) : undefined
  return dept ? { id: dept._id, name: dept.name } : null
}

export async function listDepartments({ store }: Deps): Promise<Department[]> {
  return campaignRepository(store).departments()
}

export async function listCategories(deps: Deps): Promise<CategoryGroup[]> {
  const [all, depts] = await Promise.all([campaignRepository(deps.store).categories(), listDepartments(deps)])
  const byId = new Map(depts.map((d) => [d._id, d]))
  return all
    .filter((c) => c.parentId === null)
    .map((group) => ({
      id: group._id,
      name: group.name,
      kinds: all
        .filter((c) => c.parentId === group._id)
        .map((kind) => ({ id: kind._id, name: kind.name, department: refOf(byId, kind.departmentId), deadlineDays: deadlineDaysOf(kind) }))
    }))
}

/** The home page's live figures: read from counters, so the cost does not grow with the data. */
export async function overview({ store, clock }: Deps): Promise<Overview> {
  const repo = campaignRepository(store)
  const [rows, departmentCount, groups, kindsPerGroup] = await Promise.all([repo.counters(), repo.departmentCount(), repo.groups(), repo.kindsPerGroup()])
  const counts = Object.fromEntries(COUNTER_KEYS.map((key) => [key, 0])) as Record<CounterKey, number>
  for (const row of rows) counts[row._id] = row.value
  return {
    counts,
    departments: departmentCount,
    categoryGroups: groups.map((g) => ({ id: g._id, name: g.name, kinds: kindsPerGroup[g._id] ?? 0 })),
    generatedAt: clock.now().toISOString()
  }
}
