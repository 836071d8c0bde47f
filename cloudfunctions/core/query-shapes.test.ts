import type { IndexSpec, Query, SortSpec } from './ports'
import { shapeOf, unserved } from './query-shapes'

const INDEXES: Record<string, IndexSpec[]> = {
  reports: [{ fields: ['status', 'createdAt'] }, { fields: ['departmentId', 'deadline'] }, { fields: ['createdAt'] }, { fields: ['followers'], array: true }],
  settings: []
}
const coverage = (indexes = INDEXES) => ({ indexes, fixed: ['settings'], coarse: ['status'] })
const served = (query: Query, sort?: SortSpec, indexes = INDEXES, collection = 'reports') => unserved([shapeOf(collection, query, sort)], coverage(indexes)).length === 0

describe('query shapes', () => {
  it('when a query is taken apart, then each field says how it is held, each $or branch stands alone and a trailing _id sort is dropped', () => {
    expect(shapeOf('reports', { a: 1, b: { $in: [1, 2] }, c: { $in: [1] }, d: { $gte: 1, $lt: 5 }, e: { $ne: null }, f: { $ne: 'x' }, g: /word/, h: null, i: { $exists: false } }, { createdAt: -1, _id: -1 })).toEqual({
      collection: 'reports',
      branches: [{ a: 'eq', b: 'in', c: 'eq', d: 'range', e: 'range', f: 'other', g: 'search', h: 'eq', i: 'eq' }],
      sort: ['createdAt']
    })
    expect(shapeOf('reports', { status: 'open', $or: [{ _id: 'x' }, { no: 'x' }], $and: [{ a: { $gt: 1 } }, { a: 2 }] }).branches).toEqual([
      { status: 'eq', _id: 'eq', a: 'eq' },
      { status: 'eq', no: 'eq', a: 'eq' }
    ])
  })

  it('when a query names the key, or reads everything, or a collection stays small, then it is served', () => {
    expect(served({ _id: { $in: ['a', 'b'] }, anything: 1 })).toBe(true)
    expect(served({ _id: { $gt: 'a' }, anything: 1 })).toBe(true)
    expect(served({})).toBe(true)
    expect(served({ anything: 1 }, { other: 1 }, INDEXES, 'settings')).toBe(true)
  })

  it('when no index leads with a field the query holds, then it is not served', () => {
    expect(served({ departmentId: 'd1', closedAt: { $lt: 'x' } })).toBe(true)
    expect(served({ no: 'R1' })).toBe(false)
    expect(served({ followers: 'u1' })).toBe(true)
    expect(served({ followers: { $gt: 'u1' } })).toBe(false)
    expect(served({ title: { $ne: 'x' } })).toBe(false)
    // a keyword search walks the collection whatever the indexes; its sorted page still needs the order
    expect(served({ $or: [{ title: /井盖/ }, { address: /井盖/ }] })).toBe(true)
    expect(served({ title: /井盖/ }, { updatedAt: -1 })).toBe(false)
  })

  it('when a coarse field leads the only index and the query holds more, then the index must narrow on its next field too', () => {
    expect(served({ status: 'closed' })).toBe(true)
    expect(served({ status: 'closed', closedAt: { $lt: 'x' } })).toBe(false)
    expect(served({ status: 'closed', createdAt: { $lt: 'x' } })).toBe(true)
  })

  it('when every branch of an $or must be found, then one branch no index serves fails the query', () => {
    expect(served({ $or: [{ _id: 'R1' }, { no: 'R1' }] })).toBe(false)
    expect(served({ $or: [{ _id: 'R1' }, { no: 'R1' }] }, {}, { reports: [{ fields: ['no'] }] })).toBe(true)
  })

  it('when a page is sorted, then an index must give the order after the fields held to a value, a held coarse field among them', () => {
    expect(served({ departmentId: 'd1' }, { deadline: 1 })).toBe(true)
    expect(served({ categoryId: 'c1' }, { createdAt: -1 })).toBe(true)
    expect(served({ departmentId: 'd1' }, { score: -1 })).toBe(false)
    // the department's open cases by deadline walk every closed one unless the status comes before the deadline
    expect(served({ departmentId: 'd1', status: { $in: ['assigned', 'fixing'] } }, { deadline: 1 })).toBe(false)
    expect(served({ departmentId: 'd1', status: { $in: ['assigned', 'fixing'] } }, { deadline: 1 }, { reports: [{ fields: ['departmentId', 'status', 'deadline'] }] })).toBe(true)
    expect(served({ quizId: 'q' }, { score: -1, seconds: 1 }, { reports: [{ fields: ['quizId', 'score'] }] })).toBe(false)
    expect(served({ quizId: 'q' }, { score: -1, seconds: 1 }, { reports: [{ fields: ['quizId', 'score', 'seconds', 'at'] }] })).toBe(true)
    expect(served({ departmentId: { $gt: 'd' } }, { deadline: 1 })).toBe(false)
  })
})
