import type { CategoryGroup, Settings } from '../../types/api'
import type { Department, Grid } from '../../types/domain'
import type { OrderThresholds } from '../../types/orders'
import type { AssessmentWeights } from '../../types/bulletins'
import type { ActionContext } from '../core/action'
import { conflict, invalid, notFound } from '../core/errors'
import { campaignRepository } from './repository'
import { listCategories, listDepartments } from './use-cases'

export async function readSettings({ deps }: ActionContext): Promise<Settings> {
  const repo = campaignRepository(deps.store)
  const [cats, depts, gridList, rejectReasons, holidays, orderThresholds, assessmentWeights] = await Promise.all([
    listCategories(deps),
    listDepartments(deps),
    repo.grids(),
    repo.rejectReasons(),
    repo.calendar(),
    repo.orderThresholds(),
    repo.assessmentWeights()
  ])
  return { categories: cats, departments: depts, grids: gridList, rejectReasons, holidays, orderThresholds, assessmentWeights }
}

export const rejectReasons = ({ deps }: ActionContext) => campaignRepository(deps.store).rejectReasons()

/** The working-day calendar: public, so every page can count deadlines the way the server does. */
export const calendar = ({ deps }: ActionContext) => campaignRepository(deps.store).calendar()

export interface CategoryInput {
  id?: string
  name: string
  parentId: string | null
  departmentId?: string
  deadlineDays?: number
}

/** Adds or edits a group (no parent) or a kind (under a group, with its default department and deadline). */
export async function saveCategory(input: CategoryInput, { deps }: ActionContext): Promise<CategoryGroup[]> {
  const repo = campaignRepository(deps.store)
  if (input.parentId && !(await repo.group(input.parentId))) throw invalid('parentId', '所属大类不存在')
  if (input.parentId && !(await repo.department(input.departmentId!))) throw invalid('departmentId', '请选择默认责任单位')
  if (await repo.categoryNamed(input.name, input.parentId, input.id)) throw conflict(`「${input.name}」已经存在`)
  const fields = { name: input.name, parentId: input.parentId, ...(input.parentId ? { departmentId: input.departmentId, deadlineDays: input.deadlineDays } : {}) }
  if (input.id) {
    if (!(await repo.updateCategory(input.id, fields))) throw notFound('该类别')
  } else {
    const order = (await repo.kindsIn(input.parentId)) + 1
    await repo.insertCategory({ _id: `c${deps.ids.next()}`, order, ...fields })
  }
  return listCategories(deps)
}

export async function saveDepartment(input: { id?: string; name: string; short: string }, { deps }: ActionContext): Promise<Department[]> {
  const repo = campaignRepository(deps.store)
  if (await repo.departmentNamed(input.name, input.id)) throw conflict(`「${input.name}」已经存在`)
  if (input.id) {
    if (!(await repo.updateDepartment(input.id, { name: input.name, short: input.short }))) throw notFound('该责任单位')
  } else {
    await repo.insertDepartment({ _id: `dept-${deps.ids.next()}`, name: input.name, short: input.short, order: (await repo.departmentCount()) + 1 })
  }
  return listDepartments(deps)
}

export async function saveGrid(input: { id?: string; name: string; worker: string; polygon: [number, number][] }, { deps }: ActionContext): Promise<Grid[]> {
  const repo = campaignRepository(deps.store)
  if (await repo.gridNamed(input.name, input.id)) throw conflict(`「${input.name}」已经存在`)
  const fields = { name: input.name, worker: input.worker, polygon: input.polygon }
  if (input.id) {
    if (!(await repo.updateGrid(input.id, fields))) throw notFound('该网格')
  } else {
    await repo.insertGrid({ _id: `grid-${deps.ids.next()}`, ...fields })
  }
  return repo.grids()
}

export async function setRejectReasons(input: { reasons: string[] }, { deps }: ActionContext): Promise<string[]> {
  await campaignRepository(deps.store).setRejectReasons(input.reasons)
  return input.reasons
}

/** When the hourly sweep proposes each level of 督办单, in working days. */
export const setOrderThresholds = (input: OrderThresholds, { deps }: ActionContext) => campaignRepository(deps.store).setOrderThresholds(input)

export async function setHolidays(input: { off: string[]; workdays: string[] }, { deps }: ActionContext) {
  const days = { off: [...new Set(input.off)].sort(), workdays: [...new Set(input.workdays)].sort() }
  await campaignRepository(deps.store).setCalendar(days)
  return days
}

export const setAssessmentWeights = (input: AssessmentWeights, { deps }: ActionContext) => campaignRepository(deps.store).setAssessmentWeights(input)
