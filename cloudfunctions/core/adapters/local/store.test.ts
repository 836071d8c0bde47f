import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuplicateKeyError } from '../../ports'
import { createLocalStore } from './store'

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

async function seeded() {
  const store = createLocalStore()
  const col = store.collection<Row>('rows')
  for (const row of rows) await col.insert({ ...row })
  return col
}

const ids = (docs: Row[]) => docs.map((d) => d._id).sort()

describe('local store', () => {
  it.each([
    ['equality', { tag: 'x' }, ['a', 'd']],
    ['dotted path', { 'place.district': 'w' }, ['a', 'c']],
    ['array element', { tags: 'q' }, ['b']],
    ['$eq', { n: { $eq: 2 } }, ['b']],
    ['$ne', { tag: { $ne: 'x' } }, ['b', 'c']],
    ['$gt + $lte on one field', { n: { $gt: 1, $lte: 3 } }, ['b', 'c']],
    ['$gte', { n: { $gte: 3 } }, ['c', 'd']],
    ['$lt', { n: { $lt: 2 } }, ['a']],
    ['$in', { n: { $in: [1, 4] } }, ['a', 'd']],
    ['$nin', { n: { $nin: [1, 4] } }, ['b', 'c']],
    ['$exists false', { tag: { $exists: false } }, ['c']],
    ['$or', { $or: [{ n: 1 }, { tag: 'y' }] }, ['a', 'b']],
    ['$and', { $and: [{ tag: 'x' }, { n: { $gt: 1 } }] }, ['d']],
    ['$nor', { $nor: [{ tag: 'x' }, { n: 3 }] }, ['b']],
    ['$ne on an array (no element equal, as in MongoDB)', { tags: { $ne: 'p' } }, ['c', 'd']],
    ['$nin on an array', { tags: { $nin: ['q'] } }, ['a', 'c', 'd']],
    ['$ne with another operator on one field', { n: { $ne: 2, $lt: 4 } }, ['a', 'c']],
    ['$ne null', { tag: { $ne: null } }, ['a', 'b', 'd']],
    ['nested logic', { tag: 'x', $or: [{ n: 4 }, { 'place.district': 'e' }] }, ['d']]
  ])('when querying with %s, then exactly the matching documents come back', async (_, query, expected) => {
    const col = await seeded()
    expect(ids(await col.find(query))).toEqual(expected)
    expect(await col.count(query)).toBe(expected.length)
  })

  it('when a field is matched by a RegExp, alone or under $or, then strings that contain it match', async () => {
    const col = await seeded()
    expect(ids(await col.find({ tag: /x/ }))).toEqual(['a', 'd'])
    expect(ids(await col.find({ $or: [{ tag: new RegExp('y') }, { n: 3 }] }))).toEqual(['b', 'c'])
  })

  it('when sorting, skipping and limiting with a projection, then the page holds only the asked fields', async () => {
    const col = await seeded()
    expect(await col.find({}, { sort: { n: -1 }, skip: 1, limit: 2, projection: { n: 1 } })).toEqual([
      { _id: 'c', n: 3 },
      { _id: 'b', n: 2 }
    ])
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

  it('when updating many, then every match changes', async () => {
    const col = await seeded()
    expect(await col.update({ 'place.district': 'w' }, { $set: { tag: 'w' } }, { multi: true })).toBe(2)
    expect(ids(await col.find({ tag: 'w' }))).toEqual(['a', 'c'])
  })

  it('when inserting an existing _id, then a DuplicateKeyError is raised and the first document stays', async () => {
    const col = await seeded()
    await expect(col.insert({ _id: 'a', n: 100 })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await col.findOne({ _id: 'a' }))?.n).toBe(1)
  })

  it('when removing one or many, then the answer counts what was removed', async () => {
    const col = await seeded()
    expect(await col.remove({ tag: 'x' })).toBe(1)
    expect(await col.remove({ n: { $gt: 0 } }, { multi: true })).toBe(3)
    expect(await col.count({})).toBe(0)
  })

  it('when counting by a field, then each value gets its count', async () => {
    const col = await seeded()
    expect(await col.countBy({ n: { $lt: 4 } }, 'place.district')).toEqual({ w: 2, e: 1 })
  })

  it('when summing a field, then matching documents add up and missing values count as 0', async () => {
    const col = await seeded()
    expect(await col.sum({ n: { $gte: 2 } }, 'n')).toBe(9)
    expect(await col.sum({ tag: 'nobody' }, 'n')).toBe(0)
  })

  it('when 50 conditional increments race for 10 places, then exactly 10 succeed', async () => {
    const col = createLocalStore().collection<{ _id: string; taken: number }>('seats')
    await col.insert({ _id: 's', taken: 0 })
    const results = await Promise.all(Array.from({ length: 50 }, () => col.update({ _id: 's', taken: { $lt: 10 } }, { $inc: { taken: 1 } })))
    expect(results.filter((n) => n === 1)).toHaveLength(10)
    expect((await col.findOne({ _id: 's' }))?.taken).toBe(10)
  })

  it('when 40 takes race for 25 seats, then seats 1 to 25 are each given once and the rest get null', async () => {
    const col = createLocalStore().collection<{ _id: string; taken: number }>('seats')
    await col.insert({ _id: 's', taken: 0 })
    const seats = await Promise.all(Array.from({ length: 40 }, () => col.take({ _id: 's', taken: { $lt: 25 } }, 'taken')))
    expect(seats.filter((n) => n !== null).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(seats.filter((n) => n === null)).toHaveLength(15)
    expect(await col.take({ _id: 'missing' }, 'taken')).toBeNull()
  })

  it('when the store is reopened on the same folder, then the data is still there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cwt-store-'))
    try {
      const first = createLocalStore({ dir })
      await first.collection<Row>('rows').insert({ _id: 'kept', n: 7 })
      await first.close()
      const again = createLocalStore({ dir })
      expect(await again.collection<Row>('rows').findOne({ _id: 'kept' })).toEqual({ _id: 'kept', n: 7 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
