import { BANK } from './seed-bank'

describe('the seeded question bank', () => {
  it('when a question is seeded, then it names its 出处', () => {
    const unsourced = BANK.filter((q) => !q.source?.trim()).map((q) => q.stem)
    expect(unsourced).toEqual([])
  })
})
