import { DEFAULT_REJECT_REASONS, type Holidays, type RejectReasons } from '../../types/domain'
import { DEFAULT_ORDER_THRESHOLDS, type OrderThresholds, type OrderThresholdsSetting } from '../../types/orders'
import { weightsOf, type AssessmentWeights, type AssessmentWeightsSetting } from '../../types/bulletins'
import { settings } from '../core/collections'
import type { Store } from '../core/ports'

type Days = Pick<Holidays, 'off' | 'workdays'>

/** Every query of the campaign function's settings. */
export function campaignRepository(store: Store) {
  return {
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
