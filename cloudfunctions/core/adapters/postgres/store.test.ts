import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { scratchStore } from '../../local-deps'
import { findAll, pagesBy } from '../../pages'
import { DuplicateKeyError, MAX_READ, ReadLimitExceeded, type IndexSpec, type Store } from '../../ports'
import { openPglite } from './databases'
import { importNedbFolder } from './nedb-import'
import { createPgStore, type PgStore } from './store'

/**
 * The store contract: what every adapter of the Store port answers alike. Runs on PGlite, and on the
 * PostgreSQL server in DATABASE_URL when it is set (CI runs both). Each query runs against a collection
 * without indexes and one with them, since equality is written differently for indexed fields.
 */
interface Row {
  _id: string
  n: number
  tag?: string
  tags?: string[]
  place?: { district: string }
  history?: string[]
}

const rows: Row[] = [
  { _id: 'a', n: 1, tag: 'x', tags: ['p'], place: { district: 'w' } },
  { _id: 'b', n: 2, tag: 'y', tags: ['p', 'q'], place: { district: 'e' } },
  { _id: 'c', n: 3, tags: [], place: { district: 'w' } },
  { _id: 'd', n: 4, tag: 'x' }
]

const COLLECTIONS: Record<string, IndexSpec[]> = {
  rows: [],
  indexed: [{ fields: ['n'] }, { fields: ['tag', 'n'] }, { fields: ['place.district'] }, { fields: ['tags'], array: true }],
  seats: [],
  keyed: [{ fields: ['key'], unique: true }]
}

const opened: PgStore[] = []
const store = () => {
  const s = scratchStore(COLLECTIONS)
  opened.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

async function seeded(name = 'rows', s: Store = store()) {
  const col = s.collection<Row>(name)
  for (const row of rows) await col.insert(structuredClone(row))
  return col
}

const ids = (docs: Row[]) => docs.map((d) => d._id).sort()

describe.each(['rows', 'indexed'])('store contract on %s', (name) => {
  it.each([
    ['equality', { tag: 'x' }, ['a', 'd']],
    ['dotted path', { 'place.district': 'w' }, ['a', 'c']],
    ['array element', { tags: 'q' }, ['b']],
    ['$eq', { n: { $eq: 2 } }, ['b']],
    ['$ne', { tag: { $ne: 'x' } }, ['b', 'c']],
    ['$gt + $lte on one field', { n: { $gt: 1, $lte: 3 } }, ['b', 'c']],
    ['$gte', { n: { $gte: 3 } }, ['c', 'd']],
    ['$lt', { n: { $lt: 2 } }, ['a']],
    ['$lt on strings', { tag: { $lt: 'y' } }, ['a', 'd']],
    ['$in', { n: { $in: [1, 4] } }, ['a', 'd']],
    ['$in with null (missing)', { tag: { $in: ['y', null] } }, ['b', 'c']],
    ['$in on an array', { tags: { $in: ['q', 'z'] } }, ['b']],
    ['$nin', { n: { $nin: [1, 4] } }, ['b', 'c']],
    ['$exists false', { tag: { $exists: false } }, ['c']],
    ['$exists true', { place: { $exists: true } }, ['a', 'b', 'c']],
    ['$or', { $or: [{ n: 1 }, { tag: 'y' }] }, ['a', 'b']],
    ['$and', { $and: [{ tag: 'x' }, { n: { $gt: 1 } }] }, ['d']],
    ['$nor', { $nor: [{ tag: 'x' }, { n: 3 }] }, ['b']],
    ['$ne on an array (no element equal, as in MongoDB)', { tags: { $ne: 'p' } }, ['c', 'd']],
    ['$nin on an array', { tags: { $nin: ['q'] } }, ['a', 'c', 'd']],
    ['$ne with another operator on one field', { n: { $ne: 2, $lt: 4 } }, ['a', 'c']],
    ['$ne null', { tag: { $ne: null } }, ['a', 'b', 'd']],
    ['null (missing)', { tag: null }, ['c']],
    ['a number bound never matching a string', { tag: { $gt: 0 } }, []],
    ['a range closed on both sides by numbers, over strings', { tag: { $gte: 0, $lte: 1e9 } }, []],
    ['a range closed on both sides by strings', { tag: { $gte: 'a', $lt: 'y' } }, ['a', 'd']],
    ['_id list', { _id: { $in: ['a', 'c', 'zz'] } }, ['a', 'c']],
    ['nested logic', { tag: 'x', $or: [{ n: 4 }, { 'place.district': 'e' }] }, ['d']]
  ])('when querying with %s, then exactly the matching documents come back', async (_, query, expected) => {
    const col = await seeded(name)
    expect(ids(await col.find(query))).toEqual(expected)
    expect(await col.count(query)).toBe(expected.length)
  })

  it('when a field is matched by a RegExp, alone or under $or, then strings that contain it match, taken literally', async () => {
    const col = await seeded(name)
    await col.insert({ _id: 'e', n: 5, tag: 'a.b(c)' })
    expect(ids(await col.find({ tag: /x/ }))).toEqual(['a', 'd'])
    expect(ids(await col.find({ $or: [{ tag: new RegExp('y') }, { n: 3 }] }))).toEqual(['b', 'c'])
    expect(ids(await col.find({ tag: /\.b\(c\)$/ }))).toEqual(['e'])
    expect(ids(await col.find({ tag: /X/i }))).toEqual(['a', 'd'])
  })

  it('when sorting, skipping and limiting with a projection, then the page holds only the asked fields', async () => {
    const col = await seeded(name)
    expect(await col.find({}, { sort: { n: -1 }, skip: 1, limit: 2, projection: { n: 1 } })).toEqual([
      { _id: 'c', n: 3 },
      { _id: 'b', n: 2 }
    ])
    expect(await col.find({ _id: 'a' }, { projection: { 'place.district': 1, missing: 1 } })).toEqual([{ _id: 'a', place: { district: 'w' } }])
    expect(await col.find({ _id: 'a' }, { projection: { tags: 0, place: 0 } })).toEqual([{ _id: 'a', n: 1, tag: 'x' }])
  })

  it('when a sorted page asks for a few values of one field, then it is the same page as over every match (read per value where an index allows)', async () => {
    const col = store().collection<Row>(name)
    const many = Array.from({ length: 30 }, (_, i): Row => ({ _id: `r${String(i).padStart(2, '0')}`, n: i % 7, ...(i % 4 === 3 ? {} : { tag: ['x', 'y', 'z'][i % 3] }) }))
    for (const row of many) await col.insert(structuredClone(row))
    const query = { tag: { $in: ['x', 'z', 'x'] } }
    for (const dir of [1, -1] as const) {
      const expected = many
        .filter((r) => r.tag === 'x' || r.tag === 'z')
        .sort((a, b) => dir * (a.n - b.n) || dir * a._id.localeCompare(b._id))
        .map((r) => r._id)
      const pages: string[] = []
      for (let skip = 0; skip < expected.length + 4; skip += 4) pages.push(...(await col.find(query, { sort: { n: dir }, skip, limit: 4, projection: { n: 1 } })).map((r) => r._id))
      expect(pages).toEqual(expected)
    }
  })

  it('when strings are sorted or compared, then in byte order (capitals, then "_", small letters, Chinese), as MongoDB does', async () => {
    // holds only where the database collates as "C" (PGlite does; a PostgreSQL database must be created so)
    const col = store().collection<Row>(name)
    for (const [n, tag] of ['张', 'a', '_', 'B', 'Z'].entries()) await col.insert({ _id: tag, n, tag })
    const order = ['B', 'Z', '_', 'a', '张']
    expect((await col.find({}, { sort: { tag: 1 } })).map((d) => d.tag)).toEqual(order)
    expect((await col.find({}, { sort: { _id: -1 } })).map((d) => d._id)).toEqual([...order].reverse())
    expect(ids(await col.find({ tag: { $gt: 'Z', $lt: 'b' } }))).toEqual(['_', 'a'])
    expect(ids(await col.find({ _id: { $lt: '_' } }))).toEqual(['B', 'Z'])
  })

  it('when sorting on a field some documents lack, then they come first ascending and last descending, as in MongoDB', async () => {
    const col = await seeded(name)
    expect((await col.find({}, { sort: { tag: 1 } })).map((d) => d._id)).toEqual(['c', 'a', 'd', 'b'])
    expect((await col.find({}, { sort: { tag: -1 } })).map((d) => d._id)).toEqual(['b', 'd', 'a', 'c'])
    expect((await col.find({}, { sort: { tag: -1, n: 1 } })).map((d) => d._id)).toEqual(['b', 'a', 'd', 'c'])
  })
})

describe('store contract', () => {
  it('when a read asks for 1,001 documents, or leaves out the limit while 1,001 match, then it fails rather than answer 1,000', async () => {
    const s = store()
    const col = s.collection<Row>('indexed')
    await s.transaction(async () => {
      for (let i = 0; i < MAX_READ + 1; i++) await col.insert({ _id: `r${String(i).padStart(4, '0')}`, n: i, tag: i < MAX_READ ? 'in' : 'out' })
    })
    await expect(col.find({}, { limit: MAX_READ + 1 })).rejects.toBeInstanceOf(ReadLimitExceeded)
    await expect(col.find({})).rejects.toBeInstanceOf(ReadLimitExceeded)
    await expect(col.countBy({}, 'n')).rejects.toBeInstanceOf(ReadLimitExceeded)
    expect(await col.find({}, { limit: MAX_READ })).toHaveLength(MAX_READ)
    expect(await col.find({}, { skip: 1 })).toHaveLength(MAX_READ)
    expect(await col.find({ tag: 'in' })).toHaveLength(MAX_READ)
    expect(await col.count({})).toBe(MAX_READ + 1)
    expect(await col.countBy({ tag: 'out' }, 'n')).toEqual({ [MAX_READ]: 1 })
  })

  it('when every match is read with findAll, then all of them come back, once each, past 1,000', async () => {
    const s = store()
    const col = s.collection<Row>('indexed')
    await s.transaction(async () => {
      for (let i = 0; i < 2500; i++) await col.insert({ _id: `r${i}`, n: i, tag: i % 2 ? 'odd' : 'even' })
    })
    const odd = await findAll(col, { tag: 'odd' }, { n: 1 })
    expect(odd).toHaveLength(1250)
    expect(new Set(odd.map((d) => d.n)).size).toBe(1250)
    expect(odd.every((d) => d.n % 2 === 1 && d.tag === undefined)).toBe(true)
    const wanted = Array.from({ length: 1200 }, (_, i) => `r${i * 2}`)
    expect(ids(await findAll(col, { _id: { $in: wanted } }))).toEqual([...wanted].sort())
  })

  it('when pages are read in the order of a field that many share, then each match comes once, in order, past 1,000', async () => {
    const s = store()
    const col = s.collection<Row>('indexed')
    // 1,500 share n = 7, so a page ends inside the tie, and the next page too
    await s.transaction(async () => {
      for (let i = 0; i < 2600; i++) await col.insert({ _id: `r${String(i).padStart(4, '0')}`, n: i < 1500 ? 7 : i, tag: i % 5 ? 'in' : 'out' })
    })
    const pages: Row[][] = []
    for await (const page of pagesBy(col, { tag: 'in', n: { $gte: 5 } }, 'n', -1, { n: 1 })) pages.push(page)
    const read = pages.flat()
    expect(pages.map((p) => p.length)).toEqual([MAX_READ, MAX_READ, 80])
    expect(new Set(ids(read)).size).toBe(2080)
    expect(read.map((d) => d.n)).toEqual([...read.map((d) => d.n)].sort((a, b) => b - a))
    expect(read.every((d) => d.tag === undefined)).toBe(true)
  })

  it('when a conditional update matches nothing, then it answers 0 and changes nothing', async () => {
    const col = await seeded()
    expect(await col.update({ _id: 'a', n: 99 }, { $set: { tag: 'z' } })).toBe(0)
    expect((await col.findOne({ _id: 'a' }))?.tag).toBe('x')
  })

  it('when updating with $set, $inc, $push and $unset, then each is applied and the count of matches is answered', async () => {
    const col = await seeded()
    expect(await col.update({ _id: 'a' }, { $set: { 'place.district': 'n' }, $inc: { n: 5 }, $push: { history: 'h1' }, $unset: { tag: true } })).toBe(1)
    expect(await col.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 6, tags: ['p'], place: { district: 'n' }, history: ['h1'] })
    expect(await col.update({ tag: 'x' }, { $inc: { n: 1 } }, { multi: true })).toBe(1)
  })

  it('when an update names an unknown operator or changes the _id, then it is refused', async () => {
    const col = await seeded()
    await expect(col.update({ _id: 'a' }, { $rename: { n: 'm' } } as never)).rejects.toThrow(/Unsupported update operator/)
    await expect(col.update({ _id: 'a' }, { $set: { _id: 'z' } })).rejects.toThrow(/_id/)
    await expect(col.find({ n: { $regex: 'x' } })).rejects.toThrow(/Unsupported query operator/)
  })

  it('when updating many, then every match changes', async () => {
    const col = await seeded()
    expect(await col.update({ 'place.district': 'w' }, { $set: { tag: 'w' } }, { multi: true })).toBe(2)
    expect(ids(await col.find({ tag: 'w' }))).toEqual(['a', 'c'])
  })

  it('when inserting an existing _id or a taken unique key, then a DuplicateKeyError is raised and the first document stays', async () => {
    const s = store()
    const col = await seeded('rows', s)
    await expect(col.insert({ _id: 'a', n: 100 })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await col.findOne({ _id: 'a' }))?.n).toBe(1)
    const keyed = s.collection<{ _id: string; key?: string }>('keyed')
    await keyed.insert({ _id: 'k1', key: 'K' })
    await keyed.insert({ _id: 'k2' })
    await keyed.insert({ _id: 'k3' })
    await expect(keyed.insert({ _id: 'k4', key: 'K' })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(keyed.update({ _id: 'k2' }, { $set: { key: 'K' } })).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('when inserting if absent, then a new document is inserted (true), and a taken _id or unique key answers false, keeps the first document and lets the transaction go on', async () => {
    const s = store()
    const col = await seeded('rows', s)
    const keyed = s.collection<{ _id: string; key?: string }>('keyed')
    await keyed.insert({ _id: 'k1', key: 'K' })
    const answers = await s.transaction(async () => {
      const taken = [await col.insertIfAbsent({ _id: 'a', n: 100 }), await keyed.insertIfAbsent({ _id: 'k2', key: 'K' })]
      return [...taken, await col.insertIfAbsent({ _id: 'new', n: 9 })]
    })
    expect(answers).toEqual([false, false, true])
    expect((await col.findOne({ _id: 'a' }))?.n).toBe(1)
    expect((await col.findOne({ _id: 'new' }))?.n).toBe(9)
    expect(await keyed.count({ key: 'K' })).toBe(1)
  })

  it('when removing one or many, then the answer counts what was removed', async () => {
    const col = await seeded()
    expect(await col.remove({ tag: 'x' })).toBe(1)
    expect(await col.remove({ n: { $gt: 0 } }, { multi: true })).toBe(3)
    expect(await col.count({})).toBe(0)
  })

  it('when counting by a field, then each value gets its count, missing under ""', async () => {
    const col = await seeded()
    expect(await col.countBy({ n: { $lt: 4 } }, 'place.district')).toEqual({ w: 2, e: 1 })
    expect(await col.countBy({}, 'tag')).toEqual({ x: 2, y: 1, '': 1 })
  })

  it('when summing a field, then matching documents add up and missing values count as 0', async () => {
    const col = await seeded()
    expect(await col.sum({ n: { $gte: 2 } }, 'n')).toBe(9)
    expect(await col.sum({ tag: 'nobody' }, 'n')).toBe(0)
  })

  it('when tallying several figures at once, then each counts (or adds up) the documents that also match its condition', async () => {
    const col = await seeded()
    expect(await col.tally({ n: { $lt: 4 } }, { all: {}, x: { where: { tag: 'x' } }, west: { where: { 'place.district': 'w' } }, sumWest: { where: { 'place.district': 'w' }, sum: 'n' }, none: { where: { tag: 'z' }, sum: 'n' } })).toEqual({
      all: 3,
      x: 1,
      west: 2,
      sumWest: 4,
      none: 0
    })
  })

  it('when 50 conditional increments race for 10 places, then exactly 10 succeed', async () => {
    const col = store().collection<{ _id: string; taken: number }>('seats')
    await col.insert({ _id: 's', taken: 0 })
    const results = await Promise.all(Array.from({ length: 50 }, () => col.update({ _id: 's', taken: { $lt: 10 } }, { $inc: { taken: 1 } })))
    expect(results.filter((n) => n === 1)).toHaveLength(10)
    expect((await col.findOne({ _id: 's' }))?.taken).toBe(10)
  })

  it('when 50 takes race for 25 seats, then seats 1 to 25 are each given once and the rest get null', async () => {
    const col = store().collection<{ _id: string; taken: number }>('seats')
    await col.insert({ _id: 's', taken: 0 })
    const seats = await Promise.all(Array.from({ length: 50 }, () => col.take({ _id: 's', taken: { $lt: 25 } }, 'taken')))
    expect(seats.filter((n) => n !== null).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(seats.filter((n) => n === null)).toHaveLength(25)
    expect(await col.take({ _id: 'missing' }, 'taken')).toBeNull()
  })

  it('when a transaction fails half way, then none of its writes remain; when it succeeds, all do', async () => {
    const s = store()
    const col = await seeded('rows', s)
    await expect(
      s.transaction(async () => {
        await col.update({ _id: 'a' }, { $inc: { n: 10 } })
        await col.insert({ _id: 'e', n: 5 })
        throw new Error('crash between steps')
      })
    ).rejects.toThrow('crash between steps')
    expect((await col.findOne({ _id: 'a' }))?.n).toBe(1)
    expect(await col.findOne({ _id: 'e' })).toBeNull()
    await s.transaction(async () => {
      await col.update({ _id: 'a' }, { $inc: { n: 10 } })
      await s.transaction(() => col.insert({ _id: 'e', n: 5 }))
    })
    expect((await col.findOne({ _id: 'a' }))?.n).toBe(11)
    expect((await col.findOne({ _id: 'e' }))?.n).toBe(5)
  })

  it('when two transactions update the same documents in opposite orders at once, then both land (a deadlock runs again)', async () => {
    const s = store()
    const col = s.collection<{ _id: string; taken: number }>('seats')
    await col.insert({ _id: 'x', taken: 0 })
    await col.insert({ _id: 'y', taken: 0 })
    const both = (first: string, second: string) =>
      s.transaction(async () => {
        await col.update({ _id: first }, { $inc: { taken: 1 } })
        await new Promise((resolve) => setTimeout(resolve, 50))
        await col.update({ _id: second }, { $inc: { taken: 1 } })
      })
    await Promise.all([both('x', 'y'), both('y', 'x')])
    expect((await col.find({}, { sort: { _id: 1 } })).map((d) => d.taken)).toEqual([2, 2])
  })

  it('when a path steps into a list by position, then it reads and updates that element, as MongoDB does', async () => {
    const col = store().collection<{ _id: string; items: { v: number | null }[] }>('rows')
    await col.insert({ _id: 'q', items: [{ v: null }, { v: 2 }] })
    expect(await col.count({ 'items.0.v': null })).toBe(1)
    expect(await col.update({ _id: 'q', 'items.0.v': null }, { $set: { 'items.0.v': 1 } })).toBe(1)
    expect(await col.update({ _id: 'q', 'items.0.v': null }, { $set: { 'items.0.v': 9 } })).toBe(0)
    expect((await col.findOne({ _id: 'q' }))?.items).toEqual([{ v: 1 }, { v: 2 }])
  })

  it('when a read is made again after each kind of write, then it answers what is stored now', async () => {
    const s = store()
    const col = await seeded('rows', s)
    const tagged = async () => ({ ids: ids(await col.find({ tag: 'x' }, { sort: { n: 1 } })), n: await col.count({ tag: 'x' }), sum: await col.sum({ tag: 'x' }, 'n') })
    expect(await tagged()).toEqual({ ids: ['a', 'd'], n: 2, sum: 5 })
    await col.insert({ _id: 'e', n: 10, tag: 'x' })
    expect(await tagged()).toEqual({ ids: ['a', 'd', 'e'], n: 3, sum: 15 })
    await col.insertIfAbsent({ _id: 'f', n: 1, tag: 'x' })
    await col.update({ _id: 'a' }, { $set: { tag: 'y' } })
    expect(await tagged()).toEqual({ ids: ['d', 'e', 'f'], n: 3, sum: 15 })
    await col.remove({ _id: 'e' })
    await s.transaction(() => col.update({ _id: 'f' }, { $inc: { n: 1 } }))
    expect(await tagged()).toEqual({ ids: ['d', 'f'], n: 2, sum: 6 })
    await expect(s.transaction(async () => (await col.update({ _id: 'd' }, { $inc: { n: 1 } }), Promise.reject(new Error('undone'))))).rejects.toThrow('undone')
    expect(await tagged()).toEqual({ ids: ['d', 'f'], n: 2, sum: 6 })
  })

  it('when a caller edits an answer, or two reads differ only in a pattern, then the next answers are not touched by it', async () => {
    const col = await seeded('rows')
    const [first] = await col.find({ _id: 'a' }, { limit: 1 })
    first.n = 99
    first.tags!.push('edited')
    expect(await col.find({ _id: 'a' }, { limit: 1 })).toEqual([rows[0]])
    expect(ids(await col.find({ tag: /x/ }, { limit: 10 }))).toEqual(['a', 'd'])
    expect(ids(await col.find({ tag: /y/ }, { limit: 10 }))).toEqual(['b'])
  })

  it('when a collection is not in the list, then the store refuses it by name', () => {
    expect(() => store().collection('nowhere')).toThrow(/unknown collection: nowhere/)
  })
})

describe('embedded store on disk', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cwt-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('when the store is reopened on the same folder, then the data is still there, and a folder of the old store is imported once', async () => {
    const old = path.join(dir, 'db')
    mkdirSync(old)
    const lines = [
      { _id: 'kept', n: 7, at: { $$date: Date.UTC(2026, 0, 2) } },
      { _id: 'gone', n: 1 },
      { _id: 'kept', n: 8, at: { $$date: Date.UTC(2026, 0, 2) } },
      { $$deleted: true, _id: 'gone' },
      { $$indexCreated: { fieldName: 'n' } }
    ]
    // the last line cut short, as a crash mid-write leaves it
    writeFileSync(path.join(old, 'rows.db'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"_id":"half","n":`)
    const logger = { info: jest.fn(), error: jest.fn() }
    const open = () =>
      createPgStore({ database: openPglite(path.join(dir, 'pg')), collections: COLLECTIONS, prepare: (s) => importNedbFolder(s, old, Object.keys(COLLECTIONS), logger) })
    const first = open()
    await first.ready
    expect(await first.collection<Row>('rows').find({})).toEqual([{ _id: 'kept', n: 8, at: '2026-01-02T00:00:00.000Z' }])
    expect(logger.info).toHaveBeenCalledWith('nedb import', { name: 'rows', documents: 1, brokenLines: 1 })
    await first.collection<Row>('rows').insert({ _id: 'new', n: 9 })
    await first.close()
    const again = open()
    await again.ready
    expect(ids(await again.collection<Row>('rows').find({}))).toEqual(['kept', 'new'])
    await again.close()
  }, 60_000)
})
