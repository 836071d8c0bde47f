import type { PaperQuestion } from '@contract'
import { toResend } from './unsaved'

const q = (index: number, over: Partial<PaperQuestion> = {}): PaperQuestion => ({ index, kind: 'single', stem: '', point: '', options: ['甲', '乙', '丙', '丁'], choice: null, feedback: null, ...over })

describe('toResend', () => {
  const paper = [q(0), q(1, { choice: [2] }), q(2, { kind: 'multiple' }), q(3, { kind: 'judge', options: ['正确', '错误'] })]

  it('when choices were kept on the phone, then those the server does not hold are sent again', () => {
    expect(toResend(paper, { 0: [1], 1: [2], 2: [0, 3] })).toEqual([
      { index: 0, choice: [1] },
      { index: 2, choice: [0, 3] }
    ])
  })

  it('when a multiple choice was emptied, then the empty choice is sent too', () => {
    expect(toResend([q(0, { kind: 'multiple', choice: [1] })], { 0: [] })).toEqual([{ index: 0, choice: [] }])
  })

  it('when storage holds something that does not fit this paper, then it is ignored', () => {
    expect(toResend(paper, { 0: [9], 3: [0, 1], 7: [0], x: [1], 1: 'B' })).toEqual([])
    expect(toResend(paper, '')).toEqual([])
    expect(toResend(paper, null)).toEqual([])
  })
})
