import type { IndexSpec, Query, SortSpec } from './ports'

/** How a query constrains one field, as far as an index is concerned; `search` is a keyword (a RegExp). */
export type Use = 'eq' | 'in' | 'range' | 'search' | 'other'

/**
 * What a query asks of a collection's indexes: the fields it constrains and how, per branch of a top-level `$or`
 * (each branch must be served on its own), and the fields it sorts on.
 */
export interface Shape {
  collection: string
  branches: Record<string, Use>[]
  sort: string[]
}

const RANK: Record<Use, number> = { eq: 4, in: 3, range: 2, search: 1, other: 0 }
const stronger = (a: Use | undefined, b: Use) => (a && RANK[a] >= RANK[b] ? a : b)

const isOperators = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp) && Object.keys(value).some((k) => k.startsWith('$'))

function useOf(value: unknown): Use {
  if (value instanceof RegExp) return 'search'
  if (!isOperators(value)) return 'eq'
  let use: Use = 'other'
  for (const [op, operand] of Object.entries(value)) {
    const one: Use =
      op === '$eq' || (op === '$exists' && !operand)
        ? 'eq'
        : op === '$in'
          ? (operand as unknown[]).length === 1
            ? 'eq'
            : 'in'
          : ['$gt', '$gte', '$lt', '$lte'].includes(op) || (op === '$ne' && operand === null) || (op === '$exists' && operand)
            ? 'range'
            : 'other'
    use = stronger(use, one)
  }
  return use
}

const merge = (a: Record<string, Use>, b: Record<string, Use>) => {
  const out = { ...a }
  for (const [field, use] of Object.entries(b)) out[field] = stronger(out[field], use)
  return out
}

const cross = (a: Record<string, Use>[], b: Record<string, Use>[]) => a.flatMap((x) => b.map((y) => merge(x, y)))

function branchesOf(query: Query): Record<string, Use>[] {
  let branches: Record<string, Use>[] = [{}]
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and') for (const sub of value as Query[]) branches = cross(branches, branchesOf(sub))
    else if (key === '$or') branches = cross(branches, (value as Query[]).flatMap(branchesOf))
    // $nor only excludes: no index finds what it keeps
    else if (!key.startsWith('$')) branches = branches.map((b) => merge(b, { [key]: useOf(value) }))
  }
  return branches
}

export function shapeOf(collection: string, query: Query, sort: SortSpec = {}): Shape {
  const fields = Object.keys(sort)
  // a trailing _id only breaks ties, as every index does after its fields
  while (fields[fields.length - 1] === '_id') fields.pop()
  return { collection, branches: branchesOf(query), sort: fields }
}

/** Serving rules; see `unserved`. */
export interface Coverage {
  indexes: Record<string, IndexSpec[]>
  /** Collections that stay small (configuration, geography): a query over them needs no index. */
  fixed: string[]
  /** Fields of a few values that never run out (a status): an index led by one alone narrows nothing. */
  coarse: string[]
}

const finds = (use: Use | undefined) => use === 'eq' || use === 'in' || use === 'range'

function branchServed(branch: Record<string, Use>, sort: string[], indexes: IndexSpec[], coarse: Set<string>): boolean {
  // the key: one document, a few, or the next page of a walk in key order
  if (finds(branch._id)) return true
  const constrained = Object.keys(branch).filter((f) => finds(branch[f]))
  if (!sort.length) {
    // a read of everything (or its first page) walks the table whichever index there is
    if (!Object.keys(branch).length) return true
    // no index finds a word inside a text: a keyword search walks the collection by design
    if (Object.values(branch).includes('search')) return true
    return indexes.some((index) => {
      const [lead, next] = index.fields
      if (!finds(branch[lead]) || (index.array && branch[lead] === 'range')) return false
      // `{ status: 'closed', closedAt: … }` on an index of status alone walks every closed case there ever was
      return !coarse.has(lead) || constrained.length === 1 || (next !== undefined && finds(branch[next]))
    })
  }
  if (sort.includes('_id')) return false
  // the order comes from an index: fields held to one value (or a few), then the sort fields in order; a coarse
  // field the query holds must be among the first, or the walk in order passes everything it excludes
  const held = (f: string) => branch[f] === 'eq' || branch[f] === 'in'
  return indexes.some((index) => {
    if (index.array) return false
    const at = index.fields.indexOf(sort[0])
    if (at < 0) return false
    const prefix = index.fields.slice(0, at)
    if (!prefix.every(held)) return false
    if (sort.some((f, i) => index.fields[at + i] !== f)) return false
    return [...coarse].every((f) => !held(f) || prefix.includes(f))
  })
}

/** The shapes no index serves, on collections that grow: each a query that gets slower as the data grows. */
export function unserved(shapes: Shape[], coverage: Coverage): Shape[] {
  const coarse = new Set(coverage.coarse)
  return shapes.filter((shape) => {
    if (coverage.fixed.includes(shape.collection)) return false
    const indexes = coverage.indexes[shape.collection] ?? []
    return !shape.branches.every((branch) => branchServed(branch, shape.sort, indexes, coarse))
  })
}
