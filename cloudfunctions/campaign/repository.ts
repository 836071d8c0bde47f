import { COUNTER_KEYS, DEFAULT_REJECT_REASONS, type Category, type Department, type Grid, type Holidays, type RejectReasons } from '../../types/domain'
import { DEFAULT_ORDER_THRESHOLDS, type OrderThresholds, type OrderThresholdsSetting } from '../../types/orders'
import { weightsOf, type AssessmentWeights, type AssessmentWeightsSetting } from '../../types/bulletins'
import { categories, counters, departments, grids, settings } from '../core/collections'
import { findAll, textOrder } from '../core/pages'
import type { Store } from '../core/ports'

type Days = Pick<Holidays, 'off' | 'workdays'>

/** A name taken by another record than the one being edited. */
const namedElse = (name: string, id?: string) => ({ name, ...(id ? { _id: { $ne: id } } : {}) })

/** Every query of the campaign function: its settings, the taxonomy, departments, grids and the home page's counters. */
export function campaignRepository(store: Store) {
  return {
    departments: () => departments(store).find({}, { sort: { order: 1 } }),
    categories: () => categories(store).find({}, { sort: { order: 1 } }),
    // a city's grids can pass 1,000: read in pages, put in order here
    grids: async () => (await findAll(grids(store), {})).sort(textOrder((g) => g.name)),
    counters: () => counters(store).find({ _id: { $in: [...COUNTER_KEYS] } }, { limit: COUNTER_KEYS.length }),
    departmentCount: () => departments(store).count({}),
    groups: () => categories(store).find({ parentId: null }, { sort: { order: 1 } }),
    kindsPerGroup: () => categories(store).countBy({ parentId: { $ne: null } }, 'parentId'),
    group: (id: string) => categories(store).findOne({ _id: id, parentId: null }),
    department: (id: string) => departments(store).findOne({ _id: id }),
    categoryNamed: (name: string, parentId: string | null, id?: string) => categories(store).findOne({ ...namedElse(name, id), parentId }),
    departmentNamed: (name: string, id?: string) => departments(store).findOne(namedElse(name, id)),
    gridNamed: (name: string, id?: string) => grids(store).findOne(namedElse(name, id)),
    kindsIn: (parentId: string | null) => categories(store).count({ parentId }),
    updateCategory: (id: string, fields: Partial<Category>) => categories(store).update({ _id: id }, { $set: fields }),
    updateDepartment: (id: string, fields: Pick<Department, 'name' | 'short'>) => departments(store).update({ _id: id }, { $set: fields }),
    updateGrid: (id: string, fields: Omit<Grid, '_id'>) => grids(store).update({ _id: id }, { $set: fields }),
    insertCategory: (category: Category) => categories(store).insert(category),
    insertDepartment: (department: Department) => departments(store).insert(department),
    insertGrid: (grid: Grid) => grids(store).insert(grid),
    async calendar(): Promise<Days> {
      const doc = (await settings(store).findOne({ _id: 'holidays' })) as Holidays | null
      return { off: doc?.off ?? [], workdays: doc?.workdays ?? [] }
    },
    async rejectReasons(): Promise<string[]> {
      const doc = (await settings(store).findOne({ _id: 'rejectReasons' })) as RejectReasons | null
      return doc?.reasons ?? DEFAULT_REJECT_REASONS
    },
    async orderThresholds(): Promise<OrderThresholds> {
      const doc = (await settings(store).findOne({ _id: 'orderThresholds' })) as OrderThresholdsSetting | null
      return doc ? { white: doc.white, yellow: doc.yellow, red: doc.red } : DEFAULT_ORDER_THRESHOLDS
    },
    async setOrderThresholds(values: OrderThresholds) {
      const doc: OrderThresholdsSetting = { _id: 'orderThresholds', ...values }
      if (!(await settings(store).insertIfAbsent(doc))) await settings(store).update({ _id: 'orderThresholds' }, { $set: { ...values } })
      return values
    },
    async assessmentWeights(): Promise<AssessmentWeights> {
      return weightsOf((await settings(store).findOne({ _id: 'assessmentWeights' })) as AssessmentWeightsSetting | null)
    },
    /** Applies from now on to every month whose ranking is not frozen yet; frozen months keep the weights they were scored with. */
    async setAssessmentWeights(values: AssessmentWeights) {
      const doc: AssessmentWeightsSetting = { _id: 'assessmentWeights', ...values }
      if (!(await settings(store).insertIfAbsent(doc))) await settings(store).update({ _id: 'assessmentWeights' }, { $set: { ...values } })
      return values
    },
    setCalendar: (days: Days) => settings(store).update({ _id: 'holidays' }, { $set: days satisfies Partial<Holidays> }),
    setRejectReasons: (reasons: string[]) => settings(store).update({ _id: 'rejectReasons' }, { $set: { reasons } satisfies Partial<RejectReasons> })
  }
}
