import type { FindOptions, IndexSpec, Query, SortSpec } from '../../ports'

/**
 * MongoDB-syntax queries as SQL over `(id text primary key, doc jsonb)`. A field is the expression
 * `doc #> '{a,b}'`, written exactly as the indexes are, so the planner can use them. Every condition is
 * true, false or NULL, and NULL only where MongoDB would not match, so AND/OR keep their meaning and only
 * negations need COALESCE.
 */

const FIELD = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/

export const quoteIdent = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad identifier: ${name}`)
  return `"${name}"`
}

/** `a.b` → `(doc #> '{a,b}')`, where a number steps into a list as MongoDB's `items.0` does; `_id` is the key column. */
export function field(path: string): string {
  if (path === '_id') return 'id'
  if (!FIELD.test(path)) throw new Error(`bad field name: ${path}`)
  return `(doc #> '{${path.split('.').join(',')}}')`
}

/** Collects parameters as a query is written, so values never become SQL text. */
export class Params {
  readonly values: unknown[] = []
  json(value: unknown) {
    this.values.push(JSON.stringify(value))
    return `$${this.values.length}::jsonb`
  }
  text(value: string) {
    this.values.push(value)
    return `$${this.values.length}::text`
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value)

const JSON_TYPE: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean' }
const SIGNS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/** Which fields of a collection hold lists, and which are indexed as scalars: how equality is best written. */
export interface FieldKinds {
  arrays: Set<string>
  indexed: Set<string>
}

export const fieldKinds = (indexes: IndexSpec[]): FieldKinds => ({
  arrays: new Set(indexes.filter((i) => i.array).flatMap((i) => i.fields)),
  indexed: new Set(indexes.filter((i) => !i.array).flatMap((i) => i.fields))
})

export class Translator {
  constructor(
    private readonly kinds: FieldKinds,
    readonly params = new Params()
  ) {}

  where(query: Query): string {
    const parts = Object.entries(query).map(([key, value]) => (key.startsWith('$') ? this.logic(key, value) : this.condition(key, value)))
    return parts.length ? parts.join(' AND ') : 'TRUE'
  }

  private logic(operator: string, value: unknown): string {
    if (!Array.isArray(value) || value.length === 0) throw new Error(`${operator} needs a non-empty array of queries`)
    const subs = value.map((q: Query) => `(${this.where(q)})`)
    if (operator === '$and') return `(${subs.join(' AND ')})`
    if (operator === '$or') return `(${subs.join(' OR ')})`
    if (operator === '$nor') return `NOT COALESCE(${subs.join(' OR ')}, FALSE)`
    throw new Error(`Unsupported query operator: ${operator}`)
  }

  private condition(path: string, value: unknown): string {
    if (value instanceof RegExp) return this.regex(path, value)
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      const between = this.between(path, value)
      if (between) return between
      return Object.entries(value)
        .map(([op, operand]) => this.operator(path, op, operand))
        .join(' AND ')
    }
    return this.equals(path, value)
  }

  private operator(path: string, op: string, operand: unknown): string {
    switch (op) {
      case '$eq':
        return this.equals(path, operand)
      case '$ne':
        return `NOT COALESCE(${this.equals(path, operand)}, FALSE)`
      case '$in':
        return this.oneOf(path, list(op, operand))
      case '$nin':
        return `NOT COALESCE(${this.oneOf(path, list(op, operand))}, FALSE)`
      case '$exists':
        return `${field(path)} IS ${operand ? 'NOT ' : ''}NULL`
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        return this.compare(path, op, operand)
      default:
        throw new Error(`Unsupported query operator: ${op}`)
    }
  }

  /** MongoDB equality: the value itself, an element of a list, and null for a missing field. */
  private equals(path: string, value: unknown): string {
    if (path === '_id') return value === null ? 'FALSE' : `id = ${this.params.text(String(value))}`
    const f = field(path)
    if (value === null || value === undefined) return `(${f} IS NULL OR ${f} = 'null'::jsonb)`
    if (this.kinds.arrays.has(path)) return `${f} @> ${this.params.json([value])}`
    if (this.kinds.indexed.has(path) || !isScalar(value)) return `${f} = ${this.params.json(value)}`
    const p = this.params.json(value)
    return `(${f} = ${p} OR (jsonb_typeof(${f}) = 'array' AND ${f} @> jsonb_build_array(${p})))`
  }

  private oneOf(path: string, values: unknown[]): string {
    if (values.length === 0) return 'FALSE'
    if (path === '_id') return `id IN (${values.map((v) => this.params.text(String(v))).join(', ')})`
    const plain = values.filter((v) => v !== null && v !== undefined)
    if (this.kinds.arrays.has(path) || !this.kinds.indexed.has(path) || plain.length < values.length) {
      return `(${values.map((v) => this.equals(path, v)).join(' OR ')})`
    }
    return `${field(path)} IN (${plain.map((v) => this.params.json(v)).join(', ')})`
  }

  /**
   * A range closed on both sides by bounds of one type needs no type test: jsonb orders every value of a type
   * together, so whatever lies between two numbers is a number. Left bare, the planner can estimate it.
   */
  private between(path: string, ops: Record<string, unknown>): string | null {
    const entries = Object.entries(ops)
    const lower = entries.filter(([op]) => op === '$gt' || op === '$gte')
    const upper = entries.filter(([op]) => op === '$lt' || op === '$lte')
    if (path === '_id' || lower.length !== 1 || upper.length !== 1 || entries.length !== 2) return null
    const types = new Set(entries.map(([, bound]) => JSON_TYPE[typeof bound]))
    if (types.size !== 1 || types.has(undefined as unknown as string)) return null
    const f = field(path)
    return entries.map(([op, bound]) => `${f} ${SIGNS[op]} ${this.params.json(bound)}`).join(' AND ')
  }

  /** Ranges compare like with like, as MongoDB does: a number never matches a string bound. */
  private compare(path: string, op: string, bound: unknown): string {
    const sign = SIGNS[op]
    if (path === '_id') return `id ${sign} ${this.params.text(String(bound))}`
    const type = JSON_TYPE[typeof bound]
    if (!type) throw new Error(`${op} needs a string, number or boolean`)
    const f = field(path)
    return `(${f} ${sign} ${this.params.json(bound)} AND jsonb_typeof(${f}) = '${type}')`
  }

  private regex(path: string, pattern: RegExp): string {
    const flags = pattern.flags.replace(/[gu]/g, '')
    if (flags && flags !== 'i') throw new Error(`Unsupported RegExp flags: ${pattern.flags}`)
    const text = path === '_id' ? 'id' : `(${field(path).slice(1, -1).replace('#>', '#>>')})`
    return `${text} ${flags === 'i' ? '~*' : '~'} ${this.params.text(pattern.source)}`
  }
}

function list(op: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${op} needs an array`)
  return value
}

/**
 * A sorted page over a few values of one field (`status: { $in: [...] }`, ordered by deadline) read as one
 * page per value, each walking an index in order, merged: Postgres cannot take the order from an index across
 * an IN list, so it would read and sort every match. Answers the field and its values when an index leads with
 * fields the query holds to one value, then that field, then the first sort key; otherwise null.
 */
export function splitIn(query: Query, sort: SortSpec | undefined, indexes: IndexSpec[]): { path: string; values: unknown[] } | null {
  const first = sort && Object.keys(sort)[0]
  if (!first || first === '_id') return null
  const held = (path: string) => Object.hasOwn(query, path) && isScalar(query[path])
  for (const spec of indexes) {
    if (spec.array) continue
    const at = spec.fields.indexOf(first)
    if (at < 1) continue
    const before = spec.fields.slice(0, at)
    const open = before.filter((path) => !held(path))
    if (open.length !== 1) continue
    const condition = query[open[0]]
    if (!isPlainObject(condition) || Object.keys(condition).length !== 1 || !Array.isArray(condition.$in)) continue
    const values = [...new Set(condition.$in)]
    if (values.length < 2 || values.length > 10 || !values.every(isScalar)) continue
    return { path: open[0], values }
  }
  return null
}

/**
 * MongoDB's order (a missing field first when ascending) and a tie-break on the key, so pages never overlap;
 * the indexes are built `NULLS FIRST, id` to be read forwards or backwards for it.
 */
export function orderBy(sort: SortSpec = {}): string {
  const keys = Object.entries(sort)
  if (!keys.length) return ''
  const parts = keys.map(([path, dir]) => (path === '_id' ? `id ${dir === -1 ? 'DESC' : 'ASC'}` : `${field(path)} ${dir === -1 ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`))
  const last = keys[keys.length - 1]
  if (last[0] !== '_id') parts.push(`id ${last[1] === -1 ? 'DESC' : 'ASC'}`)
  return ` ORDER BY ${parts.join(', ')}`
}

/**
 * What a find answers: the whole document, or for a projection only the top-level keys it names (their
 * nested parts are trimmed after reading), or the document without the excluded paths.
 */
export function selection(projection: FindOptions['projection']): string {
  if (!projection || !Object.keys(projection).length) return 'doc'
  const entries = Object.entries(projection)
  const including = entries.some(([, v]) => v === 1)
  if (including) {
    const tops = [...new Set(entries.filter(([k, v]) => v === 1 && k !== '_id').map(([k]) => k.split('.')[0]))]
    for (const top of tops) field(top)
    // key by key, so a field the document lacks stays absent rather than null
    const parts = tops.map((k) => `(CASE WHEN doc ? '${k}' THEN jsonb_build_object('${k}', doc->'${k}') ELSE '{}'::jsonb END)`)
    return [projection._id === 0 ? `'{}'::jsonb` : `jsonb_build_object('_id', id)`, ...parts].join(' || ')
  }
  return entries.reduce((expr, [path]) => {
    field(path)
    return `(${expr} #- '{${path.split('.').join(',')}}')`
  }, 'doc')
}

/** Trims a document read with an including projection down to the dotted paths it names. */
export function trim<T extends object>(doc: T, projection: FindOptions['projection']): T {
  if (!projection) return doc
  const nested = Object.entries(projection).filter(([k, v]) => v === 1 && k.includes('.'))
  if (!nested.length) return doc
  const wholes = new Set(Object.entries(projection).filter(([k, v]) => v === 1 && !k.includes('.')).map(([k]) => k))
  const out = { ...doc } as Record<string, unknown>
  const picked = new Map<string, Record<string, unknown>>()
  for (const [path] of nested) {
    const [top] = path.split('.')
    if (wholes.has(top)) continue
    const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc as unknown)
    if (value === undefined) continue
    const root = picked.get(top) ?? {}
    picked.set(top, root)
    const keys = path.split('.').slice(1)
    let at = root
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>
    at[keys[keys.length - 1]] = value
  }
  for (const [path] of nested) {
    const [top] = path.split('.')
    if (wholes.has(top)) continue
    if (picked.has(top)) out[top] = picked.get(top)
    else delete out[top]
  }
  return out as T
}
