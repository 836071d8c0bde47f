import type { Paper } from '../../types/quiz'
import { shownAnswers } from '../../runtime/demo'
import { cutStore } from '../../test/support/cut-store'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { attempts, quizBest, quizTallies, wrongBook } from '../core/collections'
import { userIdOf } from '../core/identity'
import { STALE_MS } from '../core/moves'
import { sweepQuiz } from './daily'
import type { StoredAttempt } from './records'

let rt: TestRuntime
let cut: ReturnType<typeof cutStore>
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
  cut = cutStore(rt)
})
afterEach(() => rt.app.close())

const NOW = Date.parse('2026-11-23T09:00:00+08:00')
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()

async function ok<T = any>(action: string, payload: object, openid: string, requestId?: string): Promise<T> {
  const res = await rt.call('quiz', action as 'home', payload as Record<string, never>, openid, requestId)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

let seq = 0
async function quiz(quotas: { point: string; count: number }[]) {
  const input = { title: '创文应知应会', description: '', opensAt: inMinutes(-60), closesAt: inMinutes(7 * 24 * 60), quotas, timeLimitMinutes: 20, attemptsAllowed: 2, passMark: 60, audience: 'everyone', schoolIds: [] }
  return (await ok('saveQuiz', input, 'demo-admin', `grading-${++seq}-${Date.now()}`)).id as string
}

/** Starts a paper as `openid` and answers the first `right` questions right and the rest wrong. */
async function answered(quizId: string, openid: string, right: number): Promise<Paper> {
  const paper: Paper = await ok('start', { quizId }, openid)
  for (const index of paper.questions.keys()) {
    const shown = await shownAnswers(cut.truth, paper.attemptId, index)
    await ok('answer', { attemptId: paper.attemptId, index, choice: index < right ? shown.right : shown.wrong }, openid)
  }
  return paper
}

const submit = (paper: Paper, openid: string) => rt.call('quiz', 'submit', { attemptId: paper.attemptId }, openid)

/** The store calls one submit makes, after another person's first grading has made the quiz's tallies. */
async function callsOfSubmit(quotas: { point: string; count: number }[], openid: string) {
  const id = await quiz(quotas)
  const size = quotas.reduce((n, q) => n + q.count, 0)
  expect((await submit(await answered(id, `${openid}-first`, size), `${openid}-first`)).status).toBe(200)
  const paper = await answered(id, openid, size)
  cut.cut(Infinity)
  expect((await submit(paper, openid)).status).toBe(200)
  return cut.calls
}

describe('grading a paper', () => {
  it('when a paper of 20 questions is handed in, then grading makes as many store calls as for a paper of 5', async () => {
    const five = await callsOfSubmit([{ point: '交通文明', count: 3 }, { point: '文明养犬', count: 2 }], 'five')
    const twenty = await callsOfSubmit([{ point: '交通文明', count: 10 }, { point: '文明养犬', count: 10 }], 'twenty')
    expect(twenty).toBe(five)
  }, 60_000)

  const QUOTAS = [{ point: '交通文明', count: 3 }, { point: '文明养犬', count: 2 }]
  // three right, two wrong: 60, a pass
  const RIGHT = 3

  /** Hands in a paper per cut, each by its own person, killed before write n; answers the people. */
  async function killedSubmits(id: string) {
    // the second grading's writes: the first makes the quiz's tallies
    for (const openid of ['first', 'whole']) {
      const warm = await answered(id, openid, RIGHT)
      cut.cut(Infinity)
      expect((await submit(warm, openid)).status).toBe(200)
    }
    const writes = cut.writes
    const people: { openid: string; paper: Paper }[] = []
    for (let n = 1; n <= writes; n++) {
      const openid = `cut-${n}`
      const paper = await answered(id, openid, RIGHT)
      cut.cut(n)
      expect(await submit(paper, openid)).toMatchObject({ status: 500 })
      cut.revive()
      people.push({ openid, paper })
    }
    return people
  }

  /** Each person graded once: their best, their misses, and the quiz's people and answers tallies, no note left. */
  async function expectCountedOnce(id: string, people: number) {
    rt.clock.advance(STALE_MS + 1000)
    await sweepQuiz(rt.deps)
    const store = cut.truth
    expect(await attempts(store).count({ quizId: id, status: 'graded' })).toBe(people)
    const left = (await attempts(store).find({ quizId: id }, { limit: 100 })) as StoredAttempt[]
    expect(left.filter((a) => a.pending)).toEqual([])
    const bests = await quizBest(store).find({ quizId: id }, { limit: 100 })
    expect(bests.map((b) => [b.attempts, b.score])).toEqual(Array(people).fill([1, 60]))
    for (const b of bests) expect({ userId: b.userId, misses: (await wrongBook(store).find({ userId: b.userId }, { limit: 10 })).map((e) => e.misses) }).toEqual({ userId: b.userId, misses: [1, 1] })
    expect(await quizTallies(store).findOne({ _id: `${id}:all:all` })).toMatchObject({ participants: people, passed: people, scoreSum: 60 * people })
    const { questions, points } = (await quizTallies(store).findOne({ _id: `${id}:answers:` }))!
    const sum = (counts: typeof questions) => Object.values(counts!).reduce((n, c) => ({ answered: n.answered + c.answered, right: n.right + c.right }), { answered: 0, right: 0 })
    expect(sum(questions)).toEqual({ answered: 5 * people, right: RIGHT * people })
    expect(sum(points)).toEqual({ answered: 5 * people, right: RIGHT * people })
  }

  it('when a submit is killed after any of its writes, then its retry grades it and the sweep settles every count exactly once', async () => {
    const id = await quiz(QUOTAS)
    const people = await killedSubmits(id)
    for (const { openid, paper } of people) expect(await submit(paper, openid)).toMatchObject({ status: 200, body: { data: { score: 60 } } })
    await expectCountedOnce(id, people.length + 2)
    expect(await wrongBook(cut.truth).count({ userId: userIdOf('cut-1') })).toBe(2)
  }, 120_000)

  it('when a submit is killed after any of its writes and nobody retries, then the sweep finishes each grading begun, exactly once', async () => {
    const id = await quiz(QUOTAS)
    const people = await killedSubmits(id)
    // killed before its first write, a submit never happened: that paper is handed in now
    expect(await submit(people[0].paper, people[0].openid)).toMatchObject({ status: 200 })
    await expectCountedOnce(id, people.length + 2)
  }, 120_000)
})
