import type { ChecklistItem } from '@contract'
import { emptyItem, restoreVisitDraft, toMarks, visitProblems } from './visit-draft'

const checklist: ChecklistItem[] = [
  { id: 'a', text: '无暴露垃圾', categoryId: 'g1-07' },
  { id: 'b', text: '无小广告', categoryId: 'g1-01' }
]
const shot = { fileId: 'f1', url: 'u1' }

describe('visit draft', () => {
  it('when a saved draft comes back from an older version, then what is usable is kept and the rest starts empty', () => {
    const draft = restoreVisitDraft({ requestId: 'r1', items: { a: { pass: false, note: '垃圾', photos: [shot, { nope: 1 }], onSpot: 'yes' }, b: 7 } })
    expect(draft).toEqual({ requestId: 'r1', items: { a: { pass: false, note: '垃圾', photos: [shot], onSpot: false, afterPhotos: [] } } })
    expect(restoreVisitDraft(null).requestId).toBeTruthy()
  })

  it('when items are unmarked or failed without a note, photo or after photo, then each is named', () => {
    const draft = { requestId: 'r', items: { a: { ...emptyItem(), pass: false, note: '垃圾', onSpot: true, photos: [shot] } } }
    expect(visitProblems(checklist, draft)).toEqual({ a: '立行立改请上传整改后照片', b: '请评定达标或不达标' })
  })

  it('when the draft is complete, then it sends a mark per item in checklist order, file ids only', () => {
    const draft = { requestId: 'r', items: { b: { ...emptyItem(), pass: true }, a: { ...emptyItem(), pass: false, note: ' 垃圾 ', photos: [shot], onSpot: true, afterPhotos: [{ fileId: 'f2', url: 'u2' }] } } }
    expect(visitProblems(checklist, draft)).toEqual({})
    expect(toMarks(checklist, draft)).toEqual([
      { itemId: 'a', pass: false, note: '垃圾', photos: ['f1'], onSpot: true, afterPhotos: ['f2'] },
      { itemId: 'b', pass: true, photos: [] }
    ])
  })
})
