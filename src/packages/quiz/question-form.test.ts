import type { QuestionView } from '@contract'
import { addOption, answerText, emptyQuestion, fromView, MAX_OPTIONS, questionFieldOf, removeOption, toggleAnswer, toQuestionInput, validateQuestion, withKind, type QuestionForm } from './question-form'

const single = (): QuestionForm => ({
  ...emptyQuestion('交通文明'),
  stem: '行人通过路口时应当怎样做？',
  options: ['闯红灯', '走人行横道并遵守信号灯', '翻越护栏', '随意横穿'],
  answer: [1],
  explanation: '《中华人民共和国道路交通安全法》第六十一条：行人应当在人行道内行走。'
})

describe('validateQuestion', () => {
  it('when a single-choice question is complete, then there is nothing to say', () => {
    expect(validateQuestion(single())).toEqual({})
  })

  it('when a new question is empty, then stem, options, answer, explanation and point each say what is missing', () => {
    expect(validateQuestion(emptyQuestion())).toEqual({
      stem: '请填写题干',
      options: '选项 A 还没有填写',
      answer: '请选择正确答案',
      explanation: '请填写解析，答题后给答题人看',
      point: '请选择知识点'
    })
  })

  it('when two options read the same, then the options say so', () => {
    expect(validateQuestion({ ...single(), options: ['甲', '乙', ' 甲 '] }).options).toBe('有两个选项内容相同')
  })

  it('when a multiple-choice question has one right option, then it asks for at least two', () => {
    expect(validateQuestion({ ...single(), kind: 'multiple' }).answer).toBe('多选题请勾选至少两个正确选项')
    expect(validateQuestion({ ...single(), kind: 'multiple', answer: [0, 1] })).toEqual({})
  })

  it('when a multiple-choice question has only two options, then it asks for a third', () => {
    expect(validateQuestion({ ...single(), kind: 'multiple', options: ['甲', '乙'], answer: [0, 1] }).options).toBe('多选题至少 3 个选项')
  })
})

describe('changing the kind, options and answer', () => {
  it('when a choice question becomes a judge question, then it offers 正确 / 错误 and keeps a fitting answer', () => {
    expect(withKind({ ...single(), answer: [1] }, 'judge')).toMatchObject({ options: ['正确', '错误'], answer: [1] })
    expect(withKind({ ...single(), answer: [3] }, 'judge').answer).toEqual([])
  })

  it('when a judge question becomes a choice question, then it starts from four empty options', () => {
    expect(withKind(withKind(single(), 'judge'), 'single')).toMatchObject({ options: ['', '', '', ''], answer: [] })
  })

  it('when a multiple-choice question becomes single, then only the first right option stays', () => {
    expect(withKind({ ...single(), kind: 'multiple', answer: [1, 3] }, 'single').answer).toEqual([1])
  })

  it('when an option is removed, then the right answers after it move up so they still name the same text', () => {
    const f = removeOption({ ...single(), kind: 'multiple', answer: [1, 3] }, 0)
    expect(f.options).toEqual(['走人行横道并遵守信号灯', '翻越护栏', '随意横穿'])
    expect(f.answer).toEqual([0, 2])
    expect(removeOption({ ...single(), answer: [2] }, 2).answer).toEqual([])
  })

  it('when options are at their least or most, then removing or adding does nothing', () => {
    const two = { ...single(), options: ['对', '错'], answer: [0] }
    expect(removeOption(two, 0)).toBe(two)
    const full = { ...single(), options: Array.from({ length: MAX_OPTIONS }, (_, i) => `选项${i}`) }
    expect(addOption(full)).toBe(full)
    expect(addOption(single()).options).toHaveLength(5)
  })

  it('when an option is ticked, then single keeps one answer and multiple toggles in order', () => {
    expect(toggleAnswer(single(), 2).answer).toEqual([2])
    const multiple = { ...single(), kind: 'multiple' as const, answer: [3] }
    expect(toggleAnswer(multiple, 0).answer).toEqual([0, 3])
    expect(toggleAnswer(toggleAnswer(multiple, 0), 3).answer).toEqual([0])
  })
})

describe('toQuestionInput, fromView and the field names', () => {
  it('when sent, then text is trimmed, a blank source is null and a judge question sends 正确 / 错误', () => {
    const input = toQuestionInput({ ...single(), stem: ' 题干 ', source: '  ' })
    expect(input).toMatchObject({ stem: '题干', source: null, active: true })
    expect(toQuestionInput({ ...withKind(single(), 'judge'), options: ['x'] }).options).toEqual(['正确', '错误'])
  })

  it('when a bank question is opened, then the form holds it, source as text', () => {
    const view: QuestionView = { ...toQuestionInput(single()), id: 'q1', updatedAt: '2026-11-23T00:00:00Z', active: false }
    expect(fromView(view)).toMatchObject({ stem: single().stem, source: '', active: false, answer: [1] })
  })

  it('when the server names an option by place, then the message lands on the options', () => {
    expect(questionFieldOf('options.2')).toBe('options')
    expect(questionFieldOf('stem')).toBe('stem')
    expect(questionFieldOf('id')).toBeNull()
  })

  it('when the answer is shown in the bank, then letters for choices and the word for judge questions', () => {
    expect(answerText({ kind: 'multiple', options: ['a', 'b', 'c'], answer: [0, 2] })).toBe('A、C')
    expect(answerText({ kind: 'judge', options: ['正确', '错误'], answer: [1] })).toBe('错误')
  })
})
