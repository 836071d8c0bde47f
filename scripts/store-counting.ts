import type { Collection, Doc, Store } from '../cloudfunctions/core/ports'

/** What a call cost the store: how many calls it made, how many of them wrote, and the documents those calls handed back (a count hands back none). */
export interface StoreCost {
  calls: number
  writes: number
  docs: number
}

export const noCost = (): StoreCost => ({ calls: 0, writes: 0, docs: 0 })

const WRITES = new Set<string | symbol>(['insert', 'insertIfAbsent', 'update', 'remove', 'take'])

/** The store as the functions see it, counting each call, each write, and the documents each find hands back. */
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
            if (WRITES.has(key)) cost.writes++
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
