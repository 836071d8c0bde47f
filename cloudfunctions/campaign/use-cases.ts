import type { CategoryGroup, Overview } from '../../types/api'
import { COUNTER_KEYS, type CounterKey, type Department } from '../../types/domain'
import { categories, counters, departments } from '../core/collections'
import type { Deps } from '../core/ports'

const refOf = (byId: Map<string, Department>, id?: string) => {
  const dept = id ? byId.get(id) : undefined
  return dept ? { id: dept._id, name: dept.name } : null
}

export async function listDepartments({ store }: Deps): Promise<Department[]> {
  return departments(store).find({}, { sort: { order: 1 } })
}

export async function listCategories(deps: Deps): Promise<CategoryGroup[]> {
  const [all, depts] = await Promise.all([categories(deps.store).find({}, { sort: { order: 1 } }), listDepartments(deps)])
  const byId = new Map(depts.map((d) => [d._id, d]))
  return all
    .filter((c) => c.parentId === null)
    .map((group) => ({
      id: group._id,
      name: group.name,
      kinds: all
        .filter((c) => c.parentId === group._id)
        .map((kind) => ({ id: kind._id, name: kind.name, department: refOf(byId, kind.departmentId), deadlineDays: kind.deadlineDays ?? 5 }))
    }))
}

/** The home page's live figures: read from counters, so the cost does not grow with the data. */
export async function overview({ store, clock }: Deps): Promise<Overview> {
  const [rows, departmentCount, groups, kindsPerGroup] = await Promise.all([
    counters(store).find({ _id: { $in: [...COUNTER_KEYS] } }, { limit: COUNTER_KEYS.length }),
    departments(store).count({}),
    categories(store).find({ parentId: null }, { sort: { order: 1 } }),
    categories(store).countBy({ parentId: { $ne: null } }, 'parentId')
  ])
  const counts = Object.fromEntries(COUNTER_KEYS.map((key) => [key, 0])) as Record<CounterKey, number>
  for (const row of rows) counts[row._id] = row.value
  return {
    counts,
    departments: departmentCount,
    categoryGroups: groups.map((g) => ({ id: g._id, name: g.name, kinds: kindsPerGroup[g._id] ?? 0 })),
    generatedAt: clock.now().toISOString()
  }
}
