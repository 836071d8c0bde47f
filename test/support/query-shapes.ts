import { shapeOf, type Shape } from '../../cloudfunctions/core/query-shapes'
import type { Collection, Doc, Figure, FindOptions, Query, Store } from '../../cloudfunctions/core/ports'

const seen = new Map<string, Shape>()

/** Every query shape the stores wrapped by `recording` received in this test file, once each. */
export const recordedShapes = () => [...seen.values()]

/** A test's own look at the stored state is not a query of the product's: the nearest caller is a test file. */
function fromTest() {
  const callers = (new Error().stack ?? '').split('\n').slice(1).filter((line) => !/test\/support\/query-shapes|core\/pages/.test(line))
  return /\.test\.ts/.test(callers[0] ?? '')
}

function note(shape: Shape) {
  if (fromTest()) return
  const key = JSON.stringify(shape)
  if (!seen.has(key)) seen.set(key, shape)
}

function recordingCollection<T extends Doc>(name: string, inner: Collection<T>): Collection<T> {
  const of = (query: Query, sort?: FindOptions['sort']) => note(shapeOf(name, query, sort))
  return {
    find: (query, options) => (of(query, options?.sort), inner.find(query, options)),
    findOne: (query) => (of(query), inner.findOne(query)),
    count: (query) => (of(query), inner.count(query)),
    insert: (doc) => inner.insert(doc),
    insertIfAbsent: (doc) => inner.insertIfAbsent(doc),
    update: (query, update, options) => (of(query), inner.update(query, update, options)),
    remove: (query, options) => (of(query), inner.remove(query, options)),
    countBy: (query, field) => (of(query), inner.countBy(query, field)),
    sum: (query, field) => (of(query), inner.sum(query, field)),
    // as CloudBase runs it: one count or sum per figure, over the query and the figure's own condition
    tally: <K extends string>(query: Query, figures: Record<K, Figure>) => {
      for (const { where } of Object.values<Figure>(figures)) of(where ? { $and: [query, where] } : query)
      return inner.tally(query, figures)
    },
    take: (query, field) => (of(query), inner.take(query, field))
  }
}

/** The store as it was, noting the shape of every query it receives: for the API tests' index check, never in production. */
export function recording<S extends Store>(store: S): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'collection') return <T extends Doc>(name: string) => recordingCollection(name, target.collection<T>(name))
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}
