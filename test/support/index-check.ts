import { COARSE_FIELDS, FIXED_SIZE, INDEXES } from '../../cloudfunctions/core/collections'
import { unserved } from '../../cloudfunctions/core/query-shapes'
import { recordedShapes } from './query-shapes'

// Every query the API tests of this file sent must be one the index list serves, or the file fails naming it.
afterAll(() => {
  const missing = unserved(recordedShapes(), { indexes: INDEXES, fixed: FIXED_SIZE, coarse: COARSE_FIELDS })
  expect(missing.map((s) => `${s.collection} ${JSON.stringify(s.branches)}${s.sort.length ? ` sorted by ${s.sort.join(', ')}` : ''}`)).toEqual([])
})
