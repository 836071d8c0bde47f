import type { QuizSummary } from '@contract'
import { emptyForm, fieldOf, fromSummary, hasContent, quotaKey, quotaRows, restoreForm, setQuota, toInput, totalQuestions, validate, type QuizForm } from './quiz-form'

const now = new Date(2026, 10, 23, 15, 0)
const available = [
  { point: '交通文明', count: 12 },
  { point: '公共场所文明', count: 15 },
  { point: '社区公约', count: 4 },
  { point: '文明养犬', count: 0 }
]

/** A form that passes every check: 5 traffic and 5 public-place questions. */
const good = (): QuizForm => ({ ...emptyForm(now), title: '2026 年文明城市知识竞答', quotas: [{ point: '交通文明', count: 5 }, { point: '公共场所文明', count: 5 }] })

describe('emptyForm', () => {
  it('when a new quiz is started, then it opens tomorrow at 08:00 for two weeks with 20 minutes, 3 tries and 60 to pass', () => {
    const f = emptyForm(now)
    expect(new Date(f.opensAt)).toEqual(new Date(2026, 10, 24, 8, 0))
    expect(new Date(f.closesAt)).toEqual(new Date(2026, 11, 8, 22, 0))
    expect(f).toMatchObject({ timeLimitMinutes: 20, attemptsAllowed: 3, passMark: 60, audience: 'everyone', quotas: [] })
    expect(hasContent(f)).toBe(false)
  })
})

describe('validate', () => {
  it('when everything is filled in sensibly, then there is nothing to say', () => {
    expect(validate(good(), available)).toEqual({})
  })

  it('when the title is blank or the window ends before it starts, then those fields say so', () => {
    const f = { ...good(), title: '  ', closesAt: new Date(2026, 10, 24, 7, 0).toISOString() }
    expect(validate(f, available)).toEqual({ title: '请填写答题名称', closesAt: '结束时间应晚于开始时间' })
  })

  it('when no point draws a question, then the quota table says to set one', () => {
    expect(validate({ ...good(), quotas: [] }, available)).toEqual({ quotas: '请至少为一个知识点设置抽题数量' })
  })

  it('when a quota asks for more than the point has, then that point says how many it has', () => {
    const f = setQuota(setQuota(good(), '社区公约', 5), '文明养犬', 1)
    expect(validate(f, available)).toEqual({ [quotaKey('社区公约')]: '「社区公约」只有 4 道可用的题', [quotaKey('文明养犬')]: '「文明养犬」没有可用的题' })
  })

  it('when a point is asked for more than 50 or the paper for more than 100, then the server caps are said up front', () => {
    const many = [{ point: '甲', count: 60 }, { point: '乙', count: 45 }, { point: '丙', count: 45 }]
    const f = { ...good(), quotas: many }
    expect(validate(f, many.map((q) => ({ point: q.point, count: 80 })))).toEqual({ [quotaKey('甲')]: '每个知识点最多抽 50 题', quotas: '一次答题最多 100 题，现在是 150 题' })
  })

  it('when time, tries or pass mark are out of range, then each says its range', () => {
    const f = { ...good(), timeLimitMinutes: 0, attemptsAllowed: 11, passMark: 101 }
    expect(validate(f, available)).toEqual({
      timeLimitMinutes: '答题时长应在 1 到 180 分钟之间',
      attemptsAllowed: '可答次数应在 1 到 10 次之间',
      passMark: '及格分应在 1 到 100 分之间'
    })
  })

  it('when only students of listed schools may take it but no school is picked, then the school list says so', () => {
    expect(validate({ ...good(), audience: 'students' }, available)).toEqual({ schoolIds: '请选择可以参加的学校' })
    expect(validate({ ...good(), audience: 'students', schoolIds: ['s1'] }, available)).toEqual({})
  })
})

describe('quotaRows and setQuota', () => {
  it('when points come from the bank and the form, then the seeded points come first in their usual order and imported ones after', () => {
    const f = setQuota(emptyForm(now), '已删除的知识点', 2)
    expect(quotaRows(f, available).map((r) => r.point)).toEqual(['公共场所文明', '交通文明', '文明养犬', '社区公约', '已删除的知识点'])
    expect(quotaRows(f, available).find((r) => r.point === '已删除的知识点')).toEqual({ point: '已删除的知识点', count: 2, available: 0 })
  })

  it('when a quota is set to zero, then the point leaves the quotas and the total drops', () => {
    const f = setQuota(good(), '交通文明', 0)
    expect(f.quotas).toEqual([{ point: '公共场所文明', count: 5 }])
    expect(totalQuestions(f)).toBe(5)
  })
})

describe('toInput and fieldOf', () => {
  it('when sent, then quotas follow the table order, text is trimmed and schools go only with the students audience', () => {
    const f = { ...good(), title: ' 竞答 ', schoolIds: ['s1'], quotas: [{ point: '交通文明', count: 5 }, { point: '公共场所文明', count: 3 }] }
    const input = toInput(f, available)
    expect(input.title).toBe('竞答')
    expect(input.quotas).toEqual([{ point: '公共场所文明', count: 3 }, { point: '交通文明', count: 5 }])
    expect(input.schoolIds).toEqual([])
    expect(toInput({ ...f, audience: 'students' }, available).schoolIds).toEqual(['s1'])
  })

  it('when the server names a quota by its place in the payload, then the message lands on that point', () => {
    const sent = toInput(good(), available)
    expect(fieldOf('quotas.1.count', sent)).toBe(quotaKey('交通文明'))
    expect(fieldOf('quotas.0', sent)).toBe(quotaKey('公共场所文明'))
    expect(fieldOf('quotas.9.count', sent)).toBe('quotas')
    expect(fieldOf('quotas', sent)).toBe('quotas')
    expect(fieldOf('schoolIds.2', sent)).toBe('schoolIds')
    expect(fieldOf('closesAt', sent)).toBe('closesAt')
    expect(fieldOf('somethingElse', sent)).toBeNull()
  })
})

describe('fromSummary and restoreForm', () => {
  it('when an existing quiz is edited, then the form holds its settings with a fresh request id', () => {
    const summary: QuizSummary = {
      ...toInput(good(), available),
      id: 'q1',
      questionCount: 10,
      participants: 3,
      passRate: 0.5,
      state: 'open'
    }
    const f = fromSummary(summary)
    expect(f).toMatchObject({ title: '2026 年文明城市知识竞答', quotas: summary.quotas, passMark: 60 })
    expect(f.requestId).toBeTruthy()
  })

  it('when a stored draft is broken or from an older version, then good fields are kept and the rest fall back to defaults', () => {
    const draft = { title: '竞答', quotas: [{ point: '交通文明', count: 3 }, { point: 7, count: 1 }, { point: '文明养犬', count: -1 }], passMark: '60', audience: 'aliens', opensAt: 'not a date', schoolIds: ['s1', 3] }
    const f = restoreForm(draft, now)
    expect(f).toMatchObject({ title: '竞答', quotas: [{ point: '交通文明', count: 3 }], passMark: 60, audience: 'everyone', schoolIds: ['s1'] })
    expect(f.opensAt).toBe(emptyForm(now).opensAt)
    expect(restoreForm('', now).title).toBe('')
  })

  it('when a quiz says when its answers show, then the form keeps it both ways, and a quiz or draft from before the setting shows them after it closes', () => {
    const summary: QuizSummary = { ...toInput({ ...good(), reveal: 'afterLast' }, available), id: 'q1', questionCount: 10, participants: 0, passRate: null, state: 'open' }
    expect(fromSummary(summary).reveal).toBe('afterLast')
    expect(toInput(fromSummary(summary), available).reveal).toBe('afterLast')
    expect(fromSummary({ ...summary, reveal: undefined }).reveal).toBe('afterClose')
    expect(restoreForm({ title: '竞答', reveal: 'atOnce' }, now).reveal).toBe('atOnce')
    expect(restoreForm({ title: '竞答', reveal: 'never' }, now).reveal).toBe('afterClose')
  })
})
