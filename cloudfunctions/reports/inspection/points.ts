import type { Page } from '../../../types/api'
import type { ChecklistItem, InspectionPoint, PointFilter, PointInput, PointType, PointView } from '../../../types/inspection'
import type { ActionContext } from '../../core/action'
import { invalid } from '../../core/errors'
import { gridAt } from '../../core/geo'
import { reportRepository } from '../repository'
import { inspectionRepository } from './repository'

export const pointTypes = async (_: unknown, { deps }: ActionContext): Promise<PointType[]> => (await inspectionRepository(deps.store).types()).sort((a, b) => a.order - b.order)

/** The office edits a type's checklist; each item must become a kind of case the ledger knows. */
export async function savePointType(input: { id?: string; name: string; checklist: ChecklistItem[] }, ctx: ActionContext): Promise<PointType[]> {
  const repo = inspectionRepository(ctx.deps.store)
  const cases = reportRepository(ctx.deps.store)
  for (const [i, item] of input.checklist.entries()) {
    if (!(await cases.category(item.categoryId))) throw invalid(`checklist.${i}.categoryId`, `第 ${i + 1} 条测评项的问题类别不存在`)
  }
  const ids = input.checklist.map((item) => item.id)
  if (new Set(ids).size !== ids.length) throw invalid('checklist', '测评项编号不能重复')
  if (input.id) {
    await repo.type(input.id)
    await repo.updateType(input.id, { name: input.name, checklist: input.checklist })
  } else {
    const types = await repo.types()
    await repo.insertType({ _id: `pt-${ctx.deps.ids.next()}`, name: input.name, order: types.length + 1, checklist: input.checklist })
  }
  return pointTypes(undefined, ctx)
}

export async function points(input: PointFilter & { page: number; pageSize: number }, ctx: ActionContext): Promise<Page<PointView>> {
  const repo = inspectionRepository(ctx.deps.store)
  const [list, total] = await Promise.all([repo.pointsPage(input, (input.page - 1) * input.pageSize, input.pageSize), repo.countPoints(input)])
  return { items: await toPointViews(ctx, list), total, page: input.page, pageSize: input.pageSize }
}

/** A point's grid is the one its coordinates fall in, as a case's is. */
export async function savePoint(input: PointInput & { id?: string }, ctx: ActionContext): Promise<PointView> {
  const { deps } = ctx
  const repo = inspectionRepository(deps.store)
  const point = await checkedPoint(ctx, input)
  if (input.id) {
    await repo.point(input.id)
    await repo.updatePoint(input.id, point)
    return (await toPointViews(ctx, [await repo.point(input.id)]))[0]
  }
  const created = { _id: `point-${deps.ids.next()}`, ...point, createdAt: point.updatedAt }
  await repo.insertPoint(created)
  return (await toPointViews(ctx, [created]))[0]
}

/** The point as stored, its type and unit checked; throws naming the field. */
export async function checkedPoint({ deps }: ActionContext, input: PointInput): Promise<Omit<InspectionPoint, '_id' | 'createdAt'>> {
  const cases = reportRepository(deps.store)
  const types = await inspectionRepository(deps.store).types()
  if (!types.some((t) => t._id === input.typeId)) throw invalid('typeId', '请选择点位类型')
  if (!(await cases.department(input.departmentId))) throw invalid('departmentId', '请选择责任单位')
  const grid = gridAt(input, await cases.allGrids())
  return { name: input.name, typeId: input.typeId, address: input.address, lat: input.lat, lng: input.lng, gridId: grid?._id ?? null, departmentId: input.departmentId, active: input.active, updatedAt: deps.clock.now().toISOString() }
}

export async function toPointViews({ deps }: Pick<ActionContext, 'deps'>, list: InspectionPoint[]): Promise<PointView[]> {
  const cases = reportRepository(deps.store)
  const [types, grids, depts] = await Promise.all([inspectionRepository(deps.store).types(), cases.allGrids(), cases.allDepartments()])
  const name = new Map([...types, ...grids, ...depts].map((d) => [d._id, d.name]))
  return list.map((p) => ({ ...p, typeName: name.get(p.typeId) ?? '', gridName: (p.gridId && name.get(p.gridId)) || null, departmentName: name.get(p.departmentId) ?? '' }))
}

