import type { Collection, Doc, Store } from '../cloudfunctions/core/ports'

/** What a call cost the store: how many calls it made, and the documents those calls handed back (a count hands back none). */
export interface StoreCost {
  calls: number
  docs: number
}

/** The store as the functions see it, counting each call and the documents each find hands back. */
export function counting(inner: Store, cost: StoreCost): Store {
  return {
    ...inner,
    transaction: (work) => inner.transaction(work),
    collection<T extends Doc>(name: string): Collection<T> {
      const c = inner.collection<T>(name)
      return new Proxy(c, {
        get(target, key) {
          const value = Reflect.get(target, key)
          if (typeof value !== 'function') return value
          return async (...args: unknown[]) => {
            cost.calls++
            const result = await value.apply(target, args)
            if (Array.isArray(result)) cost.docs += result.length
            else if (result && typeof result === 'object' && '_id' in result) cost.docs++
            return result
          }
        }
      })
    }
  }
}
