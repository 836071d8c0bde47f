import { createOutboxNotifier } from '../../cloudfunctions/core/adapters/local/notifier'
import { randomIds } from '../../cloudfunctions/core/system-ports'
import type { Collection, Doc, Store } from '../../cloudfunctions/core/ports'
import type { TestRuntime } from './runtime'

export class Killed extends Error {
  constructor() {
    super('function killed between two writes')
  }
}

/**
 * The runtime's store as CloudBase runs a use case, each call on its own and nothing rolled back, with a switch
 * that kills the function just before its nth write: that write and every call after it fail, as in a function
 * stopped by its timeout, until `revive`. Counts the writes and all calls, so a test can cut after each step.
 */
export function cutStore(rt: TestRuntime) {
  const inner = rt.deps.store
  const state = { writes: 0, calls: 0, cutAt: Infinity, dead: false }
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>, write: boolean) =>
    (...args: A): Promise<R> => {
      if (write && ++state.writes === state.cutAt) state.dead = true
      if (state.dead) return Promise.reject(new Killed())
      state.calls++
      return call(...args)
    }
  const store: Store & { close(): Promise<void> } = {
    close: () => inner.close(),
    collection<T extends Doc>(name: string): Collection<T> {
      const c = inner.collection<T>(name)
      return {
        find: guard(c.find.bind(c), false),
        findOne: guard(c.findOne.bind(c), false),
        count: guard(c.count.bind(c), false),
        countBy: guard(c.countBy.bind(c), false),
        sum: guard(c.sum.bind(c), false),
        tally: guard(c.tally.bind(c), false) as Collection<T>['tally'],
        insert: guard(c.insert.bind(c), true),
        insertIfAbsent: guard(c.insertIfAbsent.bind(c), true),
        update: guard(c.update.bind(c), true),
        remove: guard(c.remove.bind(c), true),
        take: guard(c.take.bind(c), true)
      }
    },
    // CloudBase's transactions take one record: a use case's steps run one by one and none is undone
    transaction: (work) => work()
  }
  Object.assign(rt.deps, { store, notifier: createOutboxNotifier(store, randomIds, rt.clock) })
  return {
    /** The store underneath, for a test's own look at what was kept. */
    truth: inner,
    /** From now, count afresh and die before the nth write (Infinity: never). */
    cut(n: number) {
      Object.assign(state, { writes: 0, calls: 0, cutAt: n, dead: false })
    },
    revive() {
      Object.assign(state, { cutAt: Infinity, dead: false })
    },
    get writes() {
      return state.writes
    },
    get calls() {
      return state.calls
    }
  }
}
