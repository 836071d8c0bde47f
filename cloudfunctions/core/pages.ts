import { MAX_READ, type Collection, type Doc, type FindOptions, type Query } from './ports'

/**
 * Every document matching `query`, read MAX_READ at a time in `_id` order (each page starts after the last key,
 * so pages never overlap or skip): for the readers whose matches can pass the 1,000 a read that CloudBase answers.
 */
export async function findAll<T extends Doc>(collection: Collection<T>, query: Query, projection?: FindOptions['projection']): Promise<T[]> {
  const all: T[] = []
  for await (const page of pagesOf(collection, query, projection)) all.push(...page)
  return all
}

/** The same a page at a time, for readers that fold what they read rather than keep it all. */
export async function* pagesOf<T extends Doc>(collection: Collection<T>, query: Query, projection?: FindOptions['projection']): AsyncGenerator<T[]> {
  for (let after: string | null = null; ; ) {
    const where: Query = after === null ? query : '_id' in query ? { $and: [query, { _id: { $gt: after } }] } : { ...query, _id: { $gt: after } }
    const page = await collection.find(where, { sort: { _id: 1 }, limit: MAX_READ, projection })
    if (page.length) yield page
    if (page.length < MAX_READ) return
    after = page[page.length - 1]._id
  }
}

/**
 * Every match a page at a time in the order of `field` (`-1` for the greatest first), each page starting at the last
 * page's value without the documents already given there: no skip, which costs more the deeper it goes, and no
 * document given twice or left out where many share a value. `field` must be set on every document.
 */
export async function* pagesBy<T extends Doc>(collection: Collection<T>, query: Query, field: keyof T & string, direction: 1 | -1, projection?: FindOptions['projection']): AsyncGenerator<T[]> {
  let from: unknown
  let given: string[] = []
  for (;;) {
    const rest: Query = { [field]: { [direction > 0 ? '$gte' : '$lte']: from }, ...(given.length ? { _id: { $nin: given } } : {}) }
    const where: Query = from === undefined ? query : field in query || '_id' in query ? { $and: [query, rest] } : { ...query, ...rest }
    const page = await collection.find(where, { sort: { [field]: direction }, limit: MAX_READ, projection })
    if (page.length) yield page
    if (page.length < MAX_READ) return
    const last = page[page.length - 1][field]
    given = [...(last === from ? given : []), ...page.filter((doc) => doc[field] === last).map((doc) => doc._id)]
    from = last
  }
}

/** Orders what `findAll` read by a text field as the store would have (code-unit order, as MongoDB compares strings); `-1` for newest first. */
export const textOrder =
  <T>(key: (doc: T) => string, direction: 1 | -1 = 1) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -direction : key(a) > key(b) ? direction : 0
