import { differs, restoreEditDraft } from './edit-draft'

describe('a bulletin edit kept on the phone', () => {
  it('when read back, then the preface and the text remarks come back and anything else is dropped', () => {
    expect(restoreEditDraft({ preface: '本周全市…', remarks: { 'dept-cg': '整改迅速', 'dept-jt': 3 } })).toEqual({ preface: '本周全市…', remarks: { 'dept-cg': '整改迅速' } })
    expect(restoreEditDraft(null)).toBeNull()
    expect(restoreEditDraft({ remarks: {} })).toBeNull()
  })

  it('when compared with what the server holds, then a missing remark equals an empty one', () => {
    const saved = { preface: '导语', remarks: { 'dept-cg': '' } }
    expect(differs({ preface: '导语', remarks: {} }, saved)).toBe(false)
    expect(differs({ preface: '导语', remarks: { 'dept-jt': '请加快' } }, saved)).toBe(true)
    expect(differs({ preface: '导语。', remarks: {} }, saved)).toBe(true)
  })
})
