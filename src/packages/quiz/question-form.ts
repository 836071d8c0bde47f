import type { QuestionInput, QuestionKind, QuestionView } from '@contract'

/** A question as the office edits it in the bank. */
export interface QuestionForm {
  kind: QuestionKind
  stem: string
  options: string[]
  answer: number[]
  explanation: string
  point: string
  source: string
  active: boolean
}

export type QuestionField = keyof QuestionForm
export type QuestionErrors = Partial<Record<QuestionField, string>>

export const JUDGE_OPTIONS = ['正确', '错误']
export const MAX_OPTIONS = 6
const MIN_OPTIONS = 2
export const OPTION_LETTERS = 'ABCDEF'

export const emptyQuestion = (point = ''): QuestionForm => ({ kind: 'single', stem: '', options: ['', '', '', ''], answer: [], explanation: '', point, source: '', active: true })

export const fromView = (q: QuestionView): QuestionForm => ({
  kind: q.kind,
  stem: q.stem,
  options: [...q.options],
  answer: [...q.answer],
  explanation: q.explanation,
  point: q.point,
  source: q.source ?? '',
  active: q.active
})

/**
 * Changing the kind keeps what still fits: choice options survive between single and multiple (a single
 * answer keeps only the first right option); a judge question always offers 正确 / 错误.
 */
export function withKind(f: QuestionForm, kind: QuestionKind): QuestionForm {
  if (kind === f.kind) return f
  if (kind === 'judge') return { ...f, kind, options: [...JUDGE_OPTIONS], answer: f.answer.filter((i) => i < 2).slice(0, 1) }
  if (f.kind === 'judge') return { ...f, kind, options: ['', '', '', ''], answer: [] }
  return { ...f, kind, answer: kind === 'single' ? f.answer.slice(0, 1) : f.answer }
}

export const addOption = (f: QuestionForm): QuestionForm => (f.options.length >= MAX_OPTIONS ? f : { ...f, options: [...f.options, ''] })

/** Removing an option moves the right answers after it up by one, so they still point at the same text. */
export function removeOption(f: QuestionForm, index: number): QuestionForm {
  if (f.options.length <= MIN_OPTIONS) return f
  return {
    ...f,
    options: f.options.filter((_, i) => i !== index),
    answer: f.answer.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))
  }
}

/** Ticks an option right: the only one for single and judge questions, one more (or one fewer) for multiple. */
export function toggleAnswer(f: QuestionForm, index: number): QuestionForm {
  if (f.kind !== 'multiple') return { ...f, answer: [index] }
  const answer = f.answer.includes(index) ? f.answer.filter((i) => i !== index) : [...f.answer, index].sort((a, b) => a - b)
  return { ...f, answer }
}

/** What the phone can tell before asking the server. */
export function validateQuestion(f: QuestionForm): QuestionErrors {
  const e: QuestionErrors = {}
  if (!f.stem.trim()) e.stem = '请填写题干'
  if (f.kind !== 'judge') {
    const texts = f.options.map((o) => o.trim())
    const blank = texts.findIndex((o) => !o)
    if (blank >= 0) e.options = `选项 ${OPTION_LETTERS[blank]} 还没有填写`
    else if (new Set(texts).size !== texts.length) e.options = '有两个选项内容相同'
    else if (f.kind === 'multiple' && texts.length < 3) e.options = '多选题至少 3 个选项'
  }
  if (f.kind === 'multiple') {
    if (f.answer.length < 2) e.answer = '多选题请勾选至少两个正确选项'
  } else if (f.answer.length !== 1) e.answer = '请选择正确答案'
  if (!f.explanation.trim()) e.explanation = '请填写解析，答题后给答题人看'
  if (!f.point.trim()) e.point = '请选择知识点'
  return e
}

export function toQuestionInput(f: QuestionForm): QuestionInput & { active: boolean } {
  return {
    kind: f.kind,
    stem: f.stem.trim(),
    options: f.kind === 'judge' ? [...JUDGE_OPTIONS] : f.options.map((o) => o.trim()),
    answer: [...f.answer].sort((a, b) => a - b),
    explanation: f.explanation.trim(),
    point: f.point.trim(),
    source: f.source.trim() || null,
    active: f.active
  }
}

const FIELDS: QuestionField[] = ['kind', 'stem', 'options', 'answer', 'explanation', 'point', 'source', 'active']

/** The server names an option by its place (`options.2`): the message lands on the options. */
export const questionFieldOf = (path: string): QuestionField | null => FIELDS.find((f) => f === path.split('.')[0]) ?? null

/** The right answer as the bank lists it: A、C for choices, 正确 / 错误 for a judge question. */
export const answerText = (q: Pick<QuestionInput, 'kind' | 'options' | 'answer'>) =>
  q.kind === 'judge' ? q.answer.map((i) => q.options[i] ?? '').join('') : q.answer.map((i) => OPTION_LETTERS[i] ?? '?').join('、')
