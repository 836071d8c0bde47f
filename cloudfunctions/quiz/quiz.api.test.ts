import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { Paper, QuizTally, Unit } from '../../types/quiz'
import { shownAnswers } from '../../runtime/demo'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { attempts, questions, quizBest, quizProfiles, quizTallies, quizzes, units, wrongBook } from '../core/collections'
import { userIdOf } from '../core/identity'
import { findAll } from '../core/pages'
import { BANK } from './seed-bank'
import { sweepQuiz } from './daily'
import { newQuestion } from './questions'
import { toShown } from './rules'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const MINUTE = 60_000
const NOW = Date.parse('2026-11-23T09:00:00+08:00')
const at = (minutes: number) => new Date(NOW + minutes * MINUTE).toISOString()

async function ok<T = any>(action: string, payload: object, openid: string, requestId?: string): Promise<T> {
  const res = await rt.call('quiz', action as 'home', payload as Record<string, never>, openid, requestId)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

let seq = 0
const rid = () => `quiz-test-${++seq}-${Date.now().toString(36)}`

async function school(name = '麒麟区第一中学', classes = ['初一(1)班', '初一(2)班'], members: number | null = null) {
  return (await ok('saveUnit', { kind: 'school', name, classes, members }, 'demo-admin')).id as string
}

const community = async (name: string) => (await ok('saveUnit', { kind: 'community', name, classes: [], members: null }, 'demo-admin')).id as string

async function quiz(overrides: Record<string, unknown> = {}) {
  const input = {
    title: '2026 创文应知应会知识竞答',
    description: '看看你对文明城市知识了解多少',
    opensAt: at(-24 * 60),
    closesAt: at(7 * 24 * 60),
    quotas: [
      { point: '交通文明', count: 3 },
      { point: '文明养犬', count: 2 }
    ],
    timeLimitMinutes: 20,
    attemptsAllowed: 2,
    passMark: 60,
    audience: 'everyone',
    schoolIds: [],
    ...overrides
  }
  return (await ok('saveQuiz', input, 'demo-admin', rid())).id as string
}

/** Answers an attempt's questions through the API: right for the indexes in `right`, wrong for the rest listed. */
async function answerAs(openid: string, paper: Paper, right: number[], wrong: number[] = []) {
  for (const index of [...right, ...wrong]) {
    const shown = await shownAnswers(rt.deps.store, paper.attemptId, index)
    await ok('answer', { attemptId: paper.attemptId, index, choice: right.includes(index) ? shown.right : shown.wrong }, openid)
  }
}

const range = (n: number) => [...Array(n).keys()]

describe('changing a quiz people are taking', () => {
  const edit = async (id: string, changes: Record<string, unknown>) => {
    const q = (await quizzes(rt.deps.store).findOne({ _id: id }))!
    const input = { title: q.title, description: q.description, opensAt: q.opensAt, closesAt: q.closesAt, quotas: q.quotas, timeLimitMinutes: q.timeLimitMinutes, attemptsAllowed: q.attemptsAllowed, passMark: q.passMark, audience: q.audience, schoolIds: q.schoolIds }
    return rt.call('quiz', 'saveQuiz', { id, ...input, ...changes }, 'demo-admin', rid())
  }

  it('when someone has handed in, then the pass mark stays as their verdict was given, and the field says why', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, range(5))
    await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    expect(await edit(id, { passMark: 80 })).toMatchObject({ status: 400, body: { issues: [{ field: 'passMark', message: '已有人交卷，及格分不能再改（现为 60 分）' }] } })
    expect(await edit(id, { title: '改个标题', passMark: 60 })).toMatchObject({ status: 200, body: { data: { title: '改个标题' } } })
  })

  it('when the close is brought forward, then papers still being answered are due at the new close', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    expect((await edit(id, { closesAt: at(5) })).status).toBe(200)
    expect((await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))?.deadline).toBe(at(5))
  })
})

describe('the paper', () => {
  it('when a paper is drawn, then it holds each knowledge point’s quota, no question twice, and its stored attempt keeps the deadline', async () => {
    const id = await quiz({ quotas: [{ point: '交通文明', count: 4 }, { point: '志愿服务', count: 3 }, { point: '文明养犬', count: 1 }] })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    expect(paper.questions).toHaveLength(8)
    const points = paper.questions.map((q) => q.point)
    expect(points.filter((p) => p === '交通文明')).toHaveLength(4)
    expect(points.filter((p) => p === '志愿服务')).toHaveLength(3)
    expect(points.filter((p) => p === '文明养犬')).toHaveLength(1)
    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    expect(new Set(stored.items.map((i) => i.questionId)).size).toBe(8)
    expect(stored).toMatchObject({ kind: 'campaign', status: 'open', startedAt: at(0), deadline: at(20), userId: userIdOf('demo-resident') })
    expect(paper).toMatchObject({ deadline: at(20), now: at(0) })
  })

  it('when the office asks for more questions of a point than the bank holds, then the quota field says how many there are', async () => {
    const res = await rt.call('quiz', 'saveQuiz', { title: '超量', description: '', opensAt: at(0), closesAt: at(60), quotas: [{ point: '文明养犬', count: 50 }], timeLimitMinutes: 10, attemptsAllowed: 1, passMark: 60, audience: 'everyone', schoolIds: [] }, 'demo-admin', rid())
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'quotas.0.count', message: expect.stringContaining('只有 12 道') }] } })
  })

  it('when every response a person gets before submitting is searched, then no answer and no explanation is in any of them', async () => {
    const id = await quiz({ reveal: 'atOnce' })
    const sent: unknown[] = []
    const call = async (action: string, payload: object) => {
      const res = await rt.call('quiz', action as 'home', payload as Record<string, never>, 'demo-student')
      expect(res.status).toBe(200)
      sent.push(res.body)
      return res.body.data
    }
    await call('home', {})
    const paper: Paper = await call('start', { quizId: id })
    await call('paper', { attemptId: paper.attemptId })
    for (const q of paper.questions) await call('answer', { attemptId: paper.attemptId, index: q.index, choice: [0] })
    await call('start', { quizId: id })
    await call('home', {})

    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    const bank = await questions(rt.deps.store).find({ _id: { $in: stored.items.map((i) => i.questionId) } })
    const text = JSON.stringify(sent)
    expect(text).not.toMatch(/"(answer|explanation|source|correct|order)"/)
    for (const q of bank) {
      expect(text).not.toContain(q.explanation)
      if (q.source) expect(text).not.toContain(q.source)
    }
    // And once submitted, the result carries them.
    const result = await ok('submit', { attemptId: paper.attemptId }, 'demo-student')
    expect(JSON.stringify(result)).toContain(bank[0].explanation)
  })

  it('when options are shuffled per attempt, then a saved choice is kept in terms of the question, and the paper shows it where this attempt put it', async () => {
    // 7 of the point's 12 (6 single-choice): at least one single-choice question whatever the draw
    const id = await quiz({ quotas: [{ point: '交通文明', count: 7 }] })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    const single = paper.questions.find((q) => q.kind === 'single')!
    await ok('answer', { attemptId: paper.attemptId, index: single.index, choice: [2] }, 'demo-resident')
    const item = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!.items[single.index]
    expect(item.choice).toEqual([item.order[2]])
    const again: Paper = await ok('paper', { attemptId: paper.attemptId }, 'demo-resident')
    expect(again.questions[single.index]).toMatchObject({ choice: [2], options: single.options })
  })

  it('when someone else asks for a person’s attempt, or names an option that is not there, then it is refused', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    expect((await rt.call('quiz', 'paper', { attemptId: paper.attemptId }, 'demo-student')).status).toBe(404)
    const judge = paper.questions.find((q) => q.kind !== 'multiple')!
    expect(await rt.call('quiz', 'answer', { attemptId: paper.attemptId, index: judge.index, choice: [0, 1] }, 'demo-resident')).toMatchObject({ status: 400, body: { issues: [{ field: 'choice' }] } })
    expect(await rt.call('quiz', 'answer', { attemptId: paper.attemptId, index: 0, choice: [7] }, 'demo-resident')).toMatchObject({ status: 400, body: { message: '所选选项不存在' } })
  })
})

describe('submitting', () => {
  it('when a person reloads, then the same attempt comes back with their answers and less time left', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-student')
    await ok('answer', { attemptId: paper.attemptId, index: 0, choice: [1] }, 'demo-student')
    rt.clock.advance(5 * MINUTE)
    const again: Paper = await ok('start', { quizId: id }, 'demo-student')
    expect(again.attemptId).toBe(paper.attemptId)
    expect(again.questions[0].choice).toEqual([1])
    expect(Date.parse(again.deadline!) - Date.parse(again.now)).toBe(15 * MINUTE)
  })

  it('when a submit arrives after the deadline, then the attempt is graded on what was saved by the deadline and a late answer is refused', async () => {
    const id = await quiz({ timeLimitMinutes: 10 })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, [0, 1, 2])
    rt.clock.advance(10 * MINUTE + 1000)
    const late = await rt.call('quiz', 'answer', { attemptId: paper.attemptId, index: 3, choice: [0] }, 'demo-resident')
    expect(late).toMatchObject({ status: 409, body: { message: '答题时间已到，已按保存的答案交卷' } })
    const result = await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    expect(result).toMatchObject({ score: 60, correct: 3, total: 5, passed: true, endedBy: 'deadline', seconds: 600 })
    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    expect(stored).toMatchObject({ status: 'graded', endedBy: 'deadline', score: 60 })
    expect(stored.items[3].choice).toBeNull()
    expect(stored.history.map((h) => h.to)).toEqual(['open', 'graded'])
  })

  it('when a paper is submitted twice, even at once, then it is graded once and counted once', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, [0, 1, 2, 3])
    const answers = await Promise.all(range(5).map(() => rt.call('quiz', 'submit', { attemptId: paper.attemptId }, 'demo-resident')))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
    expect(answers.find((a) => a.status === 409)!.body.message).toBe('已交卷，不能重复提交')
    expect(await rt.call('quiz', 'submit', { attemptId: paper.attemptId }, 'demo-resident')).toMatchObject({ status: 409 })
    expect(await quizTallies(rt.deps.store).findOne({ _id: `${id}:all:all` })).toMatchObject({ participants: 1, passed: 1, scoreSum: 80 })
    const { questions } = (await quizTallies(rt.deps.store).findOne({ _id: `${id}:answers:` }))!
    expect(Object.values(questions!).reduce((n, c) => n + c.answered, 0)).toBe(5)
  })

  it('when thirty people submit at the same moment, then every one of them is counted once in the tallies', async () => {
    const id = await quiz()
    const people = range(30).map((i) => `racer-${i}`)
    const papers: Paper[] = await Promise.all(people.map((p) => ok('start', { quizId: id }, p)))
    for (const [i, p] of people.entries()) await answerAs(p, papers[i], range(i % 6))
    const answers = await Promise.all(people.map((p, i) => rt.call('quiz', 'submit', { attemptId: papers[i].attemptId }, p)))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    // Right answers 0..5 repeat five times: scores 0, 20, 40, 60, 80, 100 → 15 pass, sum 1500.
    expect(await quizTallies(rt.deps.store).findOne({ _id: `${id}:all:all` })).toMatchObject({ participants: 30, passed: 15, scoreSum: 1500 })
    const points = Object.values((await quizTallies(rt.deps.store).findOne({ _id: `${id}:answers:` }))!.points!)
    expect(points.reduce((n, c) => n + c.answered, 0)).toBe(150)
    expect(points.reduce((n, c) => n + c.right, 0)).toBe(75)
  }, 30_000)

  it('when the attempts allowed are used up, then another start is refused, and racing starts make one attempt', async () => {
    const id = await quiz({ attemptsAllowed: 2 })
    const raced = await Promise.all(range(8).map(() => rt.call('quiz', 'start', { quizId: id }, 'demo-resident')))
    expect(new Set(raced.map((r) => r.body.data.attemptId)).size).toBe(1)
    await ok('submit', { attemptId: raced[0].body.data.attemptId }, 'demo-resident')
    const second: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await ok('submit', { attemptId: second.attemptId }, 'demo-resident')
    expect(await rt.call('quiz', 'start', { quizId: id }, 'demo-resident')).toMatchObject({ status: 409, body: { message: '每人限答 2 次，您的答题次数已用完' } })
    expect(await attempts(rt.deps.store).count({ quizId: id })).toBe(2)
  })

  it('when nobody submits by the deadline, then the sweep grades the attempt on what was saved', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, [0])
    rt.clock.advance(21 * MINUTE)
    expect(await sweepQuiz(rt.deps)).toEqual({ finished: 0, graded: 1 })
    expect(await attempts(rt.deps.store).findOne({ _id: paper.attemptId })).toMatchObject({ status: 'graded', endedBy: 'deadline', score: 20, seconds: 1200 })
    expect(await sweepQuiz(rt.deps)).toEqual({ finished: 0, graded: 0 })
  })

  it('when a quiz is for listed schools, then a resident without one is told to bind a school, and the window is kept', async () => {
    const s = await school()
    const id = await quiz({ audience: 'students', schoolIds: [s] })
    expect(await rt.call('quiz', 'start', { quizId: id }, 'demo-resident')).toMatchObject({ status: 403, body: { message: '本次答题面向学生，请先绑定学校和班级' } })
    await ok('bind', { schoolId: s, className: '初一(2)班' }, 'demo-resident')
    expect((await rt.call('quiz', 'start', { quizId: id }, 'demo-resident')).status).toBe(200)
    const later = await quiz({ opensAt: at(60), closesAt: at(120) })
    expect(await rt.call('quiz', 'start', { quizId: later }, 'demo-resident')).toMatchObject({ status: 409, body: { message: expect.stringContaining('开始') } })
  })

  it('when a class is not one of the school’s, then binding is refused naming the class and nothing changes', async () => {
    const s = await school()
    expect(await rt.call('quiz', 'bind', { schoolId: s, className: '高三(9)班' }, 'demo-student')).toMatchObject({ status: 400, body: { issues: [{ field: 'className' }] } })
    expect(await ok('profile', {}, 'demo-student')).toEqual({ school: null, className: null, community: null, confirmed: false })
    await ok('bind', { schoolId: s, className: '初一(1)班' }, 'demo-student')
    expect(await ok('profile', {}, 'demo-student')).toEqual({ school: { id: s, name: '麒麟区第一中学' }, className: '初一(1)班', community: null, confirmed: false })
  })

  it('when the office opens one quiz, then it gets its settings and figures; others may not', async () => {
    const id = await quiz()
    expect(await ok('quiz', { quizId: id }, 'demo-admin')).toMatchObject({ id, title: '2026 创文应知应会知识竞答', questionCount: 5, participants: 0, passRate: null, state: 'open' })
    expect((await rt.call('quiz', 'quiz', { quizId: id }, 'demo-student')).status).toBe(403)
    expect((await rt.call('quiz', 'quiz', { quizId: 'nope' }, 'demo-admin')).status).toBe(404)
  })
})

describe('when answers show', () => {
  const closes = at(7 * 24 * 60)

  it('when a quiz shows answers once it closes (the default), then neither the result nor the wrong-answer book gives them away before', async () => {
    const id = await quiz()
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, [0, 1, 2], [3, 4])
    const result = await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    expect(result).toMatchObject({ score: 60, correct: 3, total: 5, questions: [], withheld: '答案和解析将在答题结束（2026-11-30 09:00）后公布' })
    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    const asked = await findAll(questions(rt.deps.store), { _id: { $in: stored.items.map((i) => i.questionId) } })
    for (const text of [JSON.stringify(result), JSON.stringify(await ok('result', { attemptId: paper.attemptId }, 'demo-resident'))]) {
      for (const q of asked) expect(text).not.toContain(q.explanation)
    }
    expect(await ok('wrongBook', {}, 'demo-resident')).toMatchObject({ items: [], total: 0 })
    expect((await ok('home', {}, 'demo-resident')).wrongCount).toBe(0)
    expect(await rt.call('quiz', 'practice', { from: 'wrong' }, 'demo-resident')).toMatchObject({ status: 409 })
    expect(await wrongBook(rt.deps.store).find({ userId: userIdOf('demo-resident') })).toEqual([
      expect.objectContaining({ shownAt: closes, quizId: id }),
      expect.objectContaining({ shownAt: closes, quizId: id })
    ])

    rt.clock.set(new Date(closes))
    const after = await ok('result', { attemptId: paper.attemptId }, 'demo-resident')
    expect(after).toMatchObject({ withheld: null, questions: expect.arrayContaining([expect.objectContaining({ explanation: asked[0].explanation })]) })
    expect(after.questions).toHaveLength(5)
    expect((await ok('wrongBook', {}, 'demo-resident')).total).toBe(2)
  })

  it('when a quiz shows answers after the last attempt, then they come once every attempt is handed in, not while the last is open; set to at once, they come with the first', async () => {
    const id = await quiz({ reveal: 'afterLast', attemptsAllowed: 2 })
    const first: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', first, [0, 1, 2], [3, 4])
    expect(await ok('submit', { attemptId: first.attemptId }, 'demo-resident')).toMatchObject({ questions: [], withheld: '用完 2 次答题机会或答题结束（2026-11-30 09:00）后公布答案和解析' })
    const second: Paper = await ok('start', { quizId: id }, 'demo-resident')
    expect(await ok('result', { attemptId: first.attemptId }, 'demo-resident')).toMatchObject({ questions: [] })
    expect((await ok('wrongBook', {}, 'demo-resident')).total).toBe(0)

    await answerAs('demo-resident', second, [0, 1, 2, 3, 4])
    expect((await ok('submit', { attemptId: second.attemptId }, 'demo-resident')).questions).toHaveLength(5)
    expect(await ok('result', { attemptId: first.attemptId }, 'demo-resident')).toMatchObject({ withheld: null })
    expect((await ok('wrongBook', {}, 'demo-resident')).total).toBe(2)
    expect(await wrongBook(rt.deps.store).count({ userId: userIdOf('demo-resident'), shownAt: { $gt: rt.clock.now().toISOString() } })).toBe(0)

    const open = await quiz({ title: '交卷即公布答案的练习赛', reveal: 'atOnce' })
    const paper: Paper = await ok('start', { quizId: open }, 'demo-volunteer')
    expect(await ok('submit', { attemptId: paper.attemptId }, 'demo-volunteer')).toMatchObject({ withheld: null, questions: expect.arrayContaining([expect.objectContaining({ correct: false })]) })
    expect((await ok('wrongBook', {}, 'demo-volunteer')).total).toBe(5)
  })

  it('when the office sets an unknown reveal rule, then it is refused naming the field', async () => {
    const res = await rt.call('quiz', 'saveQuiz', { title: '答题', description: '', opensAt: at(0), closesAt: at(60), quotas: [{ point: '交通文明', count: 1 }], timeLimitMinutes: 10, attemptsAllowed: 1, passMark: 60, audience: 'everyone', schoolIds: [], reveal: 'never' }, 'demo-admin', rid())
    expect(res).toMatchObject({ status: 400, body: { issues: [{ field: 'reveal', message: '请选择何时公布答案' }] } })
  })
})

describe('the wrong-answer book', () => {
  it('when a person misses questions, then they are in the book until answered right twice in a row in practice', async () => {
    const id = await quiz({ reveal: 'atOnce' })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    await answerAs('demo-resident', paper, [0, 1, 2], [3, 4])
    await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    const book = await ok('wrongBook', {}, 'demo-resident')
    expect(book.total).toBe(2)
    expect(book.items[0]).toMatchObject({ misses: 1, streak: 0, explanation: expect.any(String), answer: expect.any(Array) })

    for (let round = 1; round <= 2; round++) {
      const drill: Paper = await ok('practice', { from: 'wrong' }, 'demo-resident')
      expect(drill.questions).toHaveLength(2)
      const fb = await ok('answer', { attemptId: drill.attemptId, index: 0, choice: [] }, 'demo-resident').catch((e: Error) => e.message)
      expect(fb).toContain('请选择答案')
      await answerAs('demo-resident', drill, [0, 1])
      await ok('submit', { attemptId: drill.attemptId }, 'demo-resident')
    }
    expect(await ok('wrongBook', {}, 'demo-resident')).toMatchObject({ total: 0 })
    expect(await wrongBook(rt.deps.store).count({ userId: userIdOf('demo-resident'), mastered: true })).toBe(2)
    expect(await rt.call('quiz', 'practice', { from: 'wrong' }, 'demo-resident')).toMatchObject({ status: 409, body: { message: '错题本里没有待练习的题目' } })
  })

  it('when a person reads a missed question in the result and then in the wrong-answer book, then its options and letters are the ones they saw', async () => {
    const id = await quiz({ reveal: 'atOnce', quotas: [{ point: '交通文明', count: 8 }] })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    // at least one shown out of the question's own order, so the two views can disagree
    expect(stored.items.some((i) => i.order.some((o, k) => o !== k))).toBe(true)
    const result = await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    const book = (await ok('wrongBook', { pageSize: 20 }, 'demo-resident')).items
    expect(book).toHaveLength(8)
    for (const q of result.questions) {
      expect(book.find((b: { stem: string }) => b.stem === q.stem)).toMatchObject({ options: q.options, answer: q.answer })
    }
  })

  it('when a practice question is answered, then the feedback comes at once and the question cannot be answered again', async () => {
    const paper: Paper = await ok('practice', { from: 'daily' }, 'demo-resident')
    expect(paper).toMatchObject({ kind: 'practice', deadline: null })
    expect(paper.questions).toHaveLength(10)
    const stored = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!
    const q = (await questions(rt.deps.store).findOne({ _id: stored.items[0].questionId }))!
    const right = toShown(stored.items[0].order, q.answer)
    const res = await ok('answer', { attemptId: paper.attemptId, index: 0, choice: right }, 'demo-resident')
    expect(res.feedback).toEqual({ correct: true, answer: right, explanation: q.explanation, source: q.source })
    expect(await rt.call('quiz', 'answer', { attemptId: paper.attemptId, index: 0, choice: right }, 'demo-resident')).toMatchObject({ status: 409, body: { message: '这道题已经作答过了' } })
    expect((await ok('paper', { attemptId: paper.attemptId }, 'demo-resident')).questions[0].feedback).toMatchObject({ correct: true })
  })
})

describe('the office', () => {
  it('when a person who is not the office asks for figures or edits the bank, then it is refused', async () => {
    const id = await quiz()
    expect((await rt.call('quiz', 'awareness', { quizId: id }, 'demo-student')).status).toBe(403)
    expect((await rt.call('quiz', 'saveQuestion', { ...BANK[0], stem: '新题' }, 'demo-organizer')).status).toBe(403)
    expect((await rt.call('quiz', 'questions', {}, 'demo-admin')).status).toBe(200)
  })

  it('when students bind a class with its invitation code, without one, or with a wrong one, then only confirmed students count in the school and class, the rest are counted apart, and a wrong code changes nothing', async () => {
    const s = await school('第二中学', ['初二(1)班'])
    const id = await quiz({ audience: 'students', schoolIds: [s] })
    const codes = await ok('classCodes', { schoolId: s }, 'demo-admin')
    expect(codes).toEqual({ '初二(1)班': expect.stringMatching(/^[A-Z0-9]{6}$/) })
    expect(await ok('classCodes', { schoolId: s }, 'demo-admin')).toEqual(codes)
    expect((await rt.call('quiz', 'classCodes', { schoolId: s }, 'demo-student')).status).toBe(403)
    expect(JSON.stringify(await ok('units', { kind: 'school' }, 'demo-student'))).not.toContain(codes['初二(1)班'])

    const wrong = await rt.call('quiz', 'bind', { schoolId: s, className: '初二(1)班', code: 'ZZZZZZ' }, 'u-wrong')
    expect(wrong).toMatchObject({ status: 400, body: { issues: [{ field: 'code' }] } })
    expect(await quizProfiles(rt.deps.store).findOne({ _id: userIdOf('u-wrong') })).toBeNull()

    expect(await ok('bind', { schoolId: s, className: '初二(1)班', code: codes['初二(1)班'].toLowerCase() }, 'u-sure')).toMatchObject({ confirmed: true })
    expect(await ok('bind', { schoolId: s, className: '初二(1)班' }, 'u-self')).toMatchObject({ confirmed: false })
    for (const who of ['u-sure', 'u-self']) {
      const paper: Paper = await ok('start', { quizId: id }, who)
      await answerAs(who, paper, range(5))
      await ok('submit', { attemptId: paper.attemptId }, who)
    }

    const a = await ok('awareness', { quizId: id }, 'demo-admin')
    expect(a.participants).toBe(2)
    expect(a.schools).toEqual([expect.objectContaining({ name: '第二中学', participants: 1 })])
    expect(a.classes).toEqual([expect.objectContaining({ name: '初二(1)班', participants: 1 })])
    expect(a.unconfirmed).toEqual([expect.objectContaining({ name: '第二中学', participants: 1 })])
  })

  it('when five people of two schools and a community take the quiz, then the awareness figures and rankings match the hand-computed ones', async () => {
    const one = await school('第一中学', ['初一(1)班', '初一(2)班'], 10)
    const two = await school('实验小学', ['五(1)班'], 2)
    const home = await community('南宁社区')
    const id = await quiz({ quotas: [{ point: '交通文明', count: 3 }, { point: '文明养犬', count: 2 }], attemptsAllowed: 2 })
    // who, where, questions right, minutes used
    const plan = [
      { who: 'p-a', bind: { schoolId: one, className: '初一(1)班' }, right: 5, minutes: 8 },
      { who: 'p-b', bind: { schoolId: one, className: '初一(1)班' }, right: 2, minutes: 5 },
      { who: 'p-c', bind: { schoolId: one, className: '初一(2)班' }, right: 4, minutes: 6 },
      { who: 'p-d', bind: { schoolId: two, className: '五(1)班' }, right: 4, minutes: 4 },
      { who: 'p-e', bind: { communityId: home }, right: 1, minutes: 3 }
    ]
    const codes = { ...(await ok('classCodes', { schoolId: one }, 'demo-admin')), ...(await ok('classCodes', { schoolId: two }, 'demo-admin')) }
    for (const p of plan) {
      // each student gives the invitation code their teacher handed out, so their school counts them
      await ok('bind', 'className' in p.bind ? { ...p.bind, code: codes[p.bind.className!] } : p.bind, p.who)
      const paper: Paper = await ok('start', { quizId: id }, p.who)
      await answerAs(p.who, paper, range(p.right), range(5).slice(p.right))
      rt.clock.advance(p.minutes * MINUTE)
      await ok('submit', { attemptId: paper.attemptId }, p.who)
      rt.clock.set(at(0))
    }
    // p-b tries again and passes: their best replaces the first, and the school's sums follow.
    const retry: Paper = await ok('start', { quizId: id }, 'p-b')
    await answerAs('p-b', retry, range(3), [3, 4])
    rt.clock.advance(7 * MINUTE)
    await ok('submit', { attemptId: retry.attemptId }, 'p-b')

    // Scores: a 100, b 60 (after retry), c 80, d 80, e 20. Pass mark 60: a, b, c, d pass.
    const a = await ok('awareness', { quizId: id }, 'demo-admin')
    expect(a).toMatchObject({ participants: 5, passed: 4, rate: 0.8, average: 68 })
    const byName = (rows: { name: string }[], name: string) => rows.find((r) => r.name === name)
    expect(a.schools.map((s: { name: string }) => s.name)).toEqual(['实验小学', '第一中学'])
    expect(byName(a.schools, '第一中学')).toMatchObject({ participants: 3, passed: 3, rate: 1, average: 80, participation: 0.3 })
    expect(byName(a.schools, '实验小学')).toMatchObject({ participants: 1, passed: 1, average: 80, participation: 0.5 })
    // Every class averages 80; the tie goes to the class with more participants.
    expect(a.classes[0]).toMatchObject({ schoolName: '第一中学', name: '初一(1)班', participants: 2, passed: 2, average: 80 })
    expect(a.classes.slice(1).map((c: { name: string }) => c.name).sort()).toEqual(['五(1)班', '初一(2)班'])
    expect(a.communities).toEqual([expect.objectContaining({ name: '南宁社区', participants: 1, passed: 0, rate: 0, average: 20 })])
    // Answers over all six graded attempts: 5 + 2 + 4 + 4 + 1 + 3 = 19 right of 30.
    const answered = a.points.reduce((n: number, p: { answered: number }) => n + p.answered, 0)
    const right = a.points.reduce((n: number, p: { right: number }) => n + p.right, 0)
    expect([answered, right]).toEqual([30, 19])
    expect(a.questions.reduce((n: number, q: { right: number }) => n + q.right, 0)).toBe(19)
    expect(a.mostMissed.length).toBeGreaterThan(0)
    expect(a.mostMissed.length).toBeLessThanOrEqual(10)
    expect(a.mostMissed[0].rate).toBeLessThanOrEqual(a.mostMissed.at(-1).rate)

    const board = await ok('board', { quizId: id }, 'demo-admin')
    // c and d both have 80: d took 4 minutes, c 6.
    expect(board.items.map((r: { nickname: string; score: number; rank: number }) => [r.rank, r.score])).toEqual([[1, 100], [2, 80], [3, 80], [4, 60], [5, 20]])
    expect(board.items[1].seconds).toBe(240)
    expect(board.items[1].unit).toBe('实验小学 五(1)班')
    expect(JSON.stringify(board)).not.toMatch(/p-[a-e]|openid/)
    expect(await quizBest(rt.deps.store).findOne({ _id: `${id}:${userIdOf('p-b')}` })).toMatchObject({ score: 60, passed: true, attempts: 2 })

    const exported = await ok('exportAwareness', { quizId: id }, 'demo-admin')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await rt.deps.files.get(exported.fileId))!.content as unknown as ArrayBuffer)
    expect(book.getWorksheet('总体')!.getRow(2).values).toEqual([undefined, '2026 创文应知应会知识竞答', 5, 4, '80%', 68])
    expect(book.getWorksheet('学校')!.rowCount).toBe(3)
  })
})

describe('the bank', () => {
  it('when the office searches, adds, edits and retires questions, then the list and the drawable counts follow, and a twin stem is refused', async () => {
    const found = await ok('questions', { keyword: '人行横道', pageSize: 50 }, 'demo-admin')
    expect(found.total).toBeGreaterThan(0)
    expect(found.items.every((q: { stem: string }) => q.stem.includes('人行横道'))).toBe(true)
    expect(found.points).toContainEqual({ point: '文明养犬', count: 12 })

    const input = { kind: 'single', stem: '在图书馆里接打电话，应当怎么做？', options: ['大声通话', '到馆外或走廊轻声接听', '开免提', '边走边喊'], answer: [1], explanation: '公共场所应当轻声细语，不影响他人。', point: '公共场所文明', source: null }
    const saved = await ok('saveQuestion', input, 'demo-admin')
    expect(await rt.call('quiz', 'saveQuestion', { ...input, stem: '在图书馆里接打电话, 应当怎么做?' }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'stem', message: '题库中已有相同题干的题目' }] } })
    expect(await rt.call('quiz', 'saveQuestion', { ...input, kind: 'multiple' }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'answer', message: '多选题至少 2 个正确答案' }] } })
    await ok('saveQuestion', { ...input, id: saved.id, active: false }, 'demo-admin')
    expect(await questions(rt.deps.store).findOne({ _id: saved.id })).toMatchObject({ active: false })
    expect((await ok('questions', {}, 'demo-admin')).points).toContainEqual({ point: '公共场所文明', count: 12 })
  })
})

describe('past the 1,000 documents a read answers', () => {
  /** 1,500 questions of one point, written in the order of their ids: whichever way a cut-off read goes, it never reaches the last 500. */
  async function bigBank() {
    const made = Array.from({ length: 1500 }, (_, i) => newQuestion({ ...BANK[0], stem: `大题库第${i + 1}题：文明出行从我做起，对吗？`, point: '大题库' }, at(0))).sort((a, b) => (a._id < b._id ? -1 : 1))
    await insertAll(rt.deps.store, questions(rt.deps.store), made)
    return new Set(made.slice(1000).map((q) => q._id))
  }

  it('when the bank holds 1,500 questions of a point, then a paper draws from all of them, past the first 1,000', async () => {
    const beyond = await bigBank()
    const id = await quiz({ quotas: [{ point: '大题库', count: 50 }] })
    const paper: Paper = await ok('start', { quizId: id }, 'demo-resident')
    expect(paper.questions).toHaveLength(50)
    expect(paper.questions.every((q) => q.point === '大题库')).toBe(true)
    const drawn = (await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!.items.map((i) => i.questionId)
    expect(new Set(drawn).size).toBe(50)
    // 50 drawn from 1,500 all missing the last 500: (2/3)^50, about one in 600 million
    expect(drawn.some((q) => beyond.has(q))).toBe(true)
  })

  it('when the bank holds 1,584 active questions, then daily practice draws from all of them, past the first 1,000', async () => {
    const beyond = await bigBank()
    expect(await questions(rt.deps.store).count({ active: true })).toBe(BANK.length + 1500)
    const drawn: string[] = []
    for (let i = 0; i < 8; i++) {
      const paper: Paper = await ok('practice', { from: 'daily' }, 'demo-resident')
      drawn.push(...(await attempts(rt.deps.store).findOne({ _id: paper.attemptId }))!.items.map((q) => q.questionId))
    }
    expect(drawn).toHaveLength(80)
    // 80 drawn from 1,584 all missing 500 of them: below one in ten million
    expect(drawn.some((q) => beyond.has(q))).toBe(true)
  })

  it('when a city has 1,100 communities, then a resident binding one can pick from all of them, in name order', async () => {
    const made = at(0)
    const names = Array.from({ length: 1100 }, (_, i) => `第${String(i + 1).padStart(4, '0')}社区`)
    await insertAll(rt.deps.store, units(rt.deps.store), names.map((name, i) => ({ _id: `community-${i}`, kind: 'community' as const, name, classes: [], members: null, createdAt: made })))
    const listed: { name: string }[] = await ok('units', { kind: 'community' }, 'demo-resident')
    expect(listed.map((u) => u.name)).toEqual(names)
    expect(await units(rt.deps.store).count({ kind: 'community' })).toBe(1100)
  })

  it('when a quiz has 1,600 running tallies (1,500 classes), then awareness counts every class, school, community and question', async () => {
    const { store } = rt.deps
    const id = await quiz()
    const made = at(0)
    const schools: Unit[] = ['第一中学', '第二中学', '实验小学'].map((name, s) => ({ _id: `school-${s}`, kind: 'school', name, classes: Array.from({ length: 500 }, (_, c) => `${c + 1}班`), members: null, createdAt: made }))
    const communities: Unit[] = Array.from({ length: 10 }, (_, c) => ({ _id: `community-${c}`, kind: 'community', name: `第${c + 1}社区`, classes: [], members: null, createdAt: made }))
    await insertAll(store, units(store), [...schools, ...communities])
    const bank = await findAll(questions(store), { active: true }, { _id: 1 })
    const tally = (scope: QuizTally['scope'], key: string, participants: number, passed: number): QuizTally => ({ _id: `${id}:${scope}:${key}`, quizId: id, scope, key, participants, passed, scoreSum: participants * 70, answered: participants * 5, right: passed * 5 })
    // every class has 2 people, one of whom passed: 3 schools of 500 classes, 1,000 people and 500 passes each
    const tallies = [
      tally('all', 'all', 3000 + 10 * 4, 1500 + 10 * 2),
      ...schools.map((u) => tally('school', u._id, 1000, 500)),
      ...schools.flatMap((u) => u.classes.map((c) => tally('class', `${u._id}/${c}`, 2, 1))),
      ...communities.map((u) => tally('community', u._id, 4, 2)),
      tally('point', '交通文明', 100, 60),
      tally('point', '文明养犬', 100, 40),
      ...bank.map((q) => tally('question', q._id, 10, 5))
    ]
    expect(tallies).toHaveLength(1600)
    await insertAll(store, quizTallies(store), tallies)

    const a = await ok('awareness', { quizId: id }, 'demo-admin')
    expect(a).toMatchObject({ participants: 3040, passed: 1520 })
    expect(a.classes).toHaveLength(1500)
    expect(a.classes.reduce((n: number, c: { participants: number }) => n + c.participants, 0)).toBe(3000)
    expect(a.classes.filter((c: { schoolName: string }) => c.schoolName === '实验小学')).toHaveLength(500)
    expect(a.schools.map((s: { name: string; participants: number }) => [s.name, s.participants]).sort()).toEqual([['实验小学', 1000], ['第一中学', 1000], ['第二中学', 1000]])
    expect(a.communities).toHaveLength(10)
    expect(a.points).toHaveLength(2)
    expect(a.questions).toHaveLength(BANK.length)
    expect(await quizTallies(store).count({ quizId: id })).toBe(1600)
  }, 120000)
})

describe('importing questions', () => {
  const header = '题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析,知识点,出处'
  const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8')
  const upload = async (content: Buffer, contentType: string) => (await rt.deps.files.put(content, { contentType, owner: userIdOf('demo-admin'), purpose: 'import' })).fileId

  it('when a file has bad rows, then each is reported by row and field, nothing is imported, and with valid-only the valid rows are', async () => {
    const before = await questions(rt.deps.store).count({})
    const file = await upload(
      csv([
        '单选题,公交车上遇到老人上车，应该怎么做？,假装睡觉,主动让座,抢先占座,视而不见,,,B,尊老爱幼是中华民族的传统美德。,公共场所文明,',
        '问答题,什么是文明？,,,,,,,,解析,公共场所文明,',
        '多选题,下列哪些是可回收物？,废纸,塑料瓶,剩饭,,,,AB,废纸、塑料瓶属于可回收物。,环境与垃圾分类,',
        '判断题,过马路要走人行横道。,,,,,,,也许,解析,交通文明,',
        `${BANK[0].kind === 'judge' ? '判断题' : BANK[0].kind === 'single' ? '单选题' : '多选题'},${BANK[0].stem},${BANK[0].kind === 'judge' ? ',' : BANK[0].options.slice(0, 2).join(',')},,,,,A,解析,交通文明,`,
        '单选题,公交车上遇到老人上车，应该怎么做?,让座,不让,,,,,A,解析,公共场所文明,',
        '单选题,,A,B,,,,,A,,公共场所文明,'
      ]),
      'text/csv'
    )
    const preview = await ok('previewImport', { fileId: file }, 'demo-admin')
    expect(preview).toMatchObject({ valid: 2, invalid: 3, duplicate: 2 })
    expect(preview.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'valid'],
      [3, 'invalid'],
      [4, 'valid'],
      [5, 'invalid'],
      [6, 'duplicate'],
      [7, 'duplicate'],
      [8, 'invalid']
    ])
    expect(preview.rows[1].errors).toEqual([{ field: '题型', message: expect.stringContaining('“问答题”不是可用的题型') }])
    expect(preview.rows[3].errors).toEqual([{ field: '答案', message: expect.stringContaining('应填“正确”或“错误”') }])
    expect(preview.rows[5].errors).toEqual([{ field: '题干', message: '与第 2 行题干相同' }])
    expect(preview.rows[6].errors.map((e: { field: string }) => e.field)).toEqual(['题干', '解析'])

    const refused = await rt.call('quiz', 'importQuestions', { fileId: file, validOnly: false }, 'demo-admin')
    expect(refused).toMatchObject({ status: 409, body: { message: expect.stringContaining('有 3 行有误（如第 3 行题型') } })
    expect(await questions(rt.deps.store).count({})).toBe(before)

    expect(await ok('importQuestions', { fileId: file, validOnly: true }, 'demo-admin')).toEqual({ imported: 2, skipped: 5 })
    expect(await questions(rt.deps.store).count({})).toBe(before + 2)
    expect(await questions(rt.deps.store).findOne({ stem: '下列哪些是可回收物？' })).toMatchObject({ kind: 'multiple', options: ['废纸', '塑料瓶', '剩饭'], answer: [0, 1], active: true })
    // The same file again: everything is now a duplicate, nothing new.
    expect(await ok('importQuestions', { fileId: file, validOnly: true }, 'demo-admin')).toEqual({ imported: 0, skipped: 7 })
  })

  it('when the template is filled in Excel, then its rows are read, and a CSV saved in GBK reads the same', async () => {
    const { fileId } = await ok('template', {}, 'demo-admin')
    const content = (await rt.deps.files.get(fileId))!.content
    const untouched = await upload(content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(await rt.call('quiz', 'previewImport', { fileId: untouched }, 'demo-admin')).toMatchObject({ status: 400, body: { message: expect.stringContaining('文件中只有示例题') } })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(content as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    sheet.addRow(['判断题', '垃圾分类是每个人的责任。', '', '', '', '', '', '', '正确', '《中华人民共和国固体废物污染环境防治法》规定个人应当依法履行生活垃圾分类投放义务。', '环境与垃圾分类', ''])
    const xlsx = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const preview = await ok('previewImport', { fileId: xlsx }, 'demo-admin')
    // the template's three examples are never read
    expect(preview.rows).toEqual([expect.objectContaining({ row: 5, status: 'valid', question: expect.objectContaining({ kind: 'judge', options: ['正确', '错误'], answer: [0] }) })])

    const gbk = await upload(iconv.encode(`${header}\n判断题,垃圾分类是每个人的责任。,,,,,,,正确,依法履行分类投放义务。,环境与垃圾分类,\n`, 'gbk'), 'text/csv')
    expect((await ok('previewImport', { fileId: gbk }, 'demo-admin')).rows).toEqual([expect.objectContaining({ row: 2, status: 'valid', question: expect.objectContaining({ stem: '垃圾分类是每个人的责任。' }) })])

    const wrong = await upload(Buffer.from('名称,答案\n一,二\n'), 'text/csv')
    expect(await rt.call('quiz', 'previewImport', { fileId: wrong }, 'demo-admin')).toMatchObject({ status: 400, body: { message: expect.stringContaining('表头缺少') } })
  })
})

describe('practice while a campaign quiz is open', () => {
  const POINTS = ['公共场所文明', '交通文明', '环境与垃圾分类', '文明养犬', '志愿服务', '社会主义核心价值观', '文明城市创建']

  /** What a harvester learns from `rounds` of daily practice: every stem seen, with the answer practice gave away. */
  async function harvest(openid: string, rounds: number) {
    const learned = new Map<string, number[]>()
    for (let round = 0; round < rounds; round++) {
      const paper: Paper = await ok('practice', { from: 'daily' }, openid)
      for (const q of paper.questions) {
        const { feedback } = await ok('answer', { attemptId: paper.attemptId, index: q.index, choice: [0] }, openid)
        learned.set(q.stem, feedback.answer)
      }
    }
    return learned
  }

  it('when someone harvests practice rounds during an open quiz, then no question of any paper the quiz can draw is among those they learned, and the questions come back once it closes', async () => {
    const id = await quiz({ quotas: POINTS.map((point) => ({ point, count: 2 })), attemptsAllowed: 1 })
    const learned = await harvest('harvester', 15)
    expect(learned.size).toBeGreaterThan(40)

    const paper: Paper = await ok('start', { quizId: id }, 'harvester')
    expect(paper.questions).toHaveLength(14)
    expect(paper.questions.filter((q) => learned.has(q.stem))).toEqual([])
    // not this paper by luck: nothing any paper of the quiz may hold was practised
    const pool = new Set((await attempts(rt.deps.store).find({ kind: 'practice', userId: userIdOf('harvester') }, { limit: 100 })).flatMap((a) => a.items.map((i) => i.questionId)))
    const others = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map(async (who) => (await attempts(rt.deps.store).findOne({ _id: (await ok('start', { quizId: id }, who)).attemptId }))!))
    expect(others.flatMap((a) => a.items.map((i) => i.questionId)).filter((q) => pool.has(q))).toEqual([])

    rt.clock.set(at(7 * 24 * 60 + 1))
    const after = await harvest('harvester', 5)
    const drawn = new Set(others.flatMap((a) => a.items.map((i) => questions(rt.deps.store).findOne({ _id: i.questionId }))))
    const stems = new Set((await Promise.all(drawn)).map((q) => q!.stem))
    expect([...after.keys()].some((stem) => stems.has(stem))).toBe(true)
  })
})
