import { REPORT_DESCRIPTION_MAX } from '@contract'
import { emptyDraft, hasContent, parseCoordinate, restoreDraft } from './draft'

describe('restoreDraft', () => {
  it('when nothing was saved, then it answers a fresh draft with its own request id', () => {
    const a = restoreDraft('')
    const b = restoreDraft(undefined)
    expect(a).toMatchObject({ photos: [], categoryId: '', description: '', anonymous: false })
    expect(a.requestId).toBeTruthy()
    expect(a.requestId).not.toBe(b.requestId)
  })

  it('when a draft was saved, then every field comes back, request id included, so a retry is the same submit', () => {
    const saved = {
      requestId: 'req-1',
      photos: [{ fileId: 'f1', url: '/files/f1' }],
      categoryId: 'k-1',
      address: '南宁路 12 号',
      lat: '25.5',
      lng: '103.8',
      description: '井盖缺了一块',
      anonymous: true
    }
    expect(restoreDraft(JSON.parse(JSON.stringify(saved)))).toEqual(saved)
  })

  it('when the saved draft is damaged, then the bad parts are dropped and the good parts kept', () => {
    const d = restoreDraft({ requestId: 7, photos: [{ fileId: 'f1', url: '/files/f1', extra: 1 }, { fileId: 2 }, null], description: 'x'.repeat(600), anonymous: 'yes' })
    expect(typeof d.requestId).toBe('string')
    expect(d.photos).toEqual([{ fileId: 'f1', url: '/files/f1' }])
    expect(d.description).toHaveLength(REPORT_DESCRIPTION_MAX)
    expect(d.anonymous).toBe(false)
  })
})

describe('hasContent', () => {
  it('when only the default position is there, then the draft is empty; anything typed makes it not', () => {
    expect(hasContent(emptyDraft())).toBe(false)
    expect(hasContent({ ...emptyDraft(), description: '有垃圾' })).toBe(true)
    expect(hasContent({ ...emptyDraft(), photos: [{ fileId: 'f', url: 'u' }] })).toBe(true)
  })
})

describe('parseCoordinate', () => {
  it('when it is a number in range, then the number; otherwise null', () => {
    expect(parseCoordinate('25.4966', 'lat')).toBe(25.4966)
    expect(parseCoordinate(' -103.7 ', 'lng')).toBe(-103.7)
    expect(parseCoordinate('95', 'lat')).toBeNull()
    expect(parseCoordinate('181', 'lng')).toBeNull()
    expect(parseCoordinate('25.', 'lat')).toBeNull()
    expect(parseCoordinate('', 'lat')).toBeNull()
    expect(parseCoordinate('abc', 'lng')).toBeNull()
  })
})
