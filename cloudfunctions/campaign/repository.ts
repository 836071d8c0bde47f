import { DEFAULT_REJECT_REASONS, type Holidays, type RejectReasons } from '../../types/domain'
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
    setCalendar: (days: Days) => settings(store).update({ _id: 'holidays' }, { $set: days satisfies Partial<Holidays> }),
    setRejectReasons: (reasons: string[]) => settings(store).update({ _id: 'rejectReasons' }, { $set: { reasons } satisfies Partial<RejectReasons> })
  }
}
