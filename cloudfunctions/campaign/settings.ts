import type { CategoryGroup, Settings } from '../../types/api'
import type { Department, Grid } from '../../types/domain'
import type { OrderThresholds } from '../../types/orders'
import type { AssessmentWeights } from '../../types/bulletins'
import type { ActionContext } from '../core/action'
import { categories, departments, grids } from '../core/collections'
import { conflict, invalid, notFound } from '../core/errors'
import { textOrder, findAll } from '../core/pages'
import type { Deps } from '../core/ports'
import { campaignRepository } from './repository'
import { listCategories, listDepartments } from './use-cases'

// a city's grids can pass 1,000: read in pages, put in order here
const listGrids = async ({ store }: Deps) => (await findAll(grids(store), {})).sort(textOrder((g) => g.name))

export async function readSettings({ deps }: ActionContext): Promise<Settings> {
  const repo = campaignRepository(deps.store)
  const [cats, depts, gridList, rejectReasons, holidays, orderThresholds, assessmentWeights] = await Promise.all([
    listCategories(deps),
    listDepartments(deps),
    listGrids(deps),
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
  const col = categories(deps.store)
  if (input.parentId && !(await col.findOne({ _id: input.parentId, parentId: null }))) throw invalid('parentId', '所属大类不存在')
  if (input.parentId && !(await departments(deps.store).findOne({ _id: input.departmentId! }))) throw invalid('departmentId', '请选择默认责任单位')
  const twin = await col.findOne({ name: input.name, parentId: input.parentId, ...(input.id ? { _id: { $ne: input.id } } : {}) })
  if (twin) throw conflict(`「${input.name}」已经存在`)
  const fields = { name: input.name, parentId: input.parentId, ...(input.parentId ? { departmentId: input.departmentId, deadlineDays: input.deadlineDays } : {}) }
  if (input.id) {
    if (!(await col.update({ _id: input.id }, { $set: fields }))) throw notFound('该类别')
  } else {
    const order = (await col.count({ parentId: input.parentId })) + 1
    await col.insert({ _id: `c${deps.ids.next()}`, order, ...fields })
  }
  return listCategories(deps)
}

export async function saveDepartment(input: { id?: string; name: string; short: string }, { deps }: ActionContext): Promise<Department[]> {
  const col = departments(deps.store)
  if (await col.findOne({ name: input.name, ...(input.id ? { _id: { $ne: input.id } } : {}) })) throw conflict(`「${input.name}」已经存在`)
  if (input.id) {
    if (!(await col.update({ _id: input.id }, { $set: { name: input.name, short: input.short } }))) throw notFound('该责任单位')
  } else {
    await col.insert({ _id: `dept-${deps.ids.next()}`, name: input.name, short: input.short, order: (await col.count({})) + 1 })
  }
  return listDepartments(deps)
}

export async function saveGrid(input: { id?: string; name: string; worker: string; polygon: [number, number][] }, { deps }: ActionContext): Promise<Grid[]> {
  const col = grids(deps.store)
  if (await col.findOne({ name: input.name, ...(input.id ? { _id: { $ne: input.id } } : {}) })) throw conflict(`「${input.name}」已经存在`)
  const fields = { name: input.name, worker: input.worker, polygon: input.polygon }
  if (input.id) {
    if (!(await col.update({ _id: input.id }, { $set: fields }))) throw notFound('该网格')
  } else {
    await col.insert({ _id: `grid-${deps.ids.next()}`, ...fields })
  }
  return listGrids(deps)
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
