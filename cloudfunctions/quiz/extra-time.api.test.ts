import type { Paper, QuizPerson } from '../../types/quiz'
import { shownAnswers } from '../../runtime/demo'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'
import { attempts, quizGrants } from '../core/collections'
import { userIdOf } from '../core/identity'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime({ at: '2026-11-23T09:00:00+08:00' })
})
afterEach(() => rt.app.close())

const MINUTE = 60_000
const NOW = Date.parse('2026-11-23T09:00:00+08:00')
const at = (minutes: number) => new Date(NOW + minutes * MINUTE).toISOString()
const elder = userIdOf('demo-resident')

async function ok<T = any>(action: string, payload: object, openid: string, requestId?: string): Promise<T> {
  const res = await rt.call('quiz', action as 'home', payload as Record<string, never>, openid, requestId)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

async function quiz(overrides: Record<string, unknown> = {}) {
  const input = {
    title: '文明交通知识小测',
    description: '',
    opensAt: at(-60),
    closesAt: at(7 * 24 * 60),
    quotas: [{ point: '交通文明', count: 3 }],
    timeLimitMinutes: 20,
    attemptsAllowed: 2,
    passMark: 60,
    audience: 'everyone',
    schoolIds: [],
    ...overrides
  }
  return (await ok('saveQuiz', input, 'demo-admin', `extra-time-${Math.random().toString(36).slice(2)}`)).id as string
}

const grant = (quizId: string, minutes: unknown, reason: unknown = 'elder', openid = 'demo-admin') => rt.call('quiz', 'grantTime', { quizId, userId: elder, minutes, reason } as never, openid)
const stored = async (attemptId: string) => (await attempts(rt.deps.store).findOne({ _id: attemptId }))!

describe('extra time the office grants', () => {
  it('when the office grants a 长辈 10 more minutes while her paper is open, then its deadline moves 10 minutes on the server, her paper says so, and her next paper starts with them', async () => {
    const quizId = await quiz()
    const paper: Paper = await ok('start', { quizId }, 'demo-resident')
    expect(paper).toMatchObject({ deadline: at(20), extraMinutes: 0 })

    rt.clock.advance(5 * MINUTE)
    const res = await grant(quizId, 10)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject<Partial<QuizPerson>>({ userId: elder, nickname: '王阿姨', grant: { minutes: 10, reason: 'elder', at: at(5) }, openDeadline: at(30) })
    expect(await stored(paper.attemptId)).toMatchObject({ status: 'open', deadline: at(30), extraMinutes: 10 })
    expect((await stored(paper.attemptId)).history.at(-1)).toEqual({ at: at(5), from: 'open', to: 'open', note: '创文办延长 10 分钟（长辈）' })
    expect(await quizGrants(rt.deps.store).findOne({ _id: `${quizId}:${elder}` })).toMatchObject({ minutes: 10, reason: 'elder', by: userIdOf('demo-admin'), history: [{ at: at(5), minutes: 10, reason: 'elder' }] })
    // what the paper answers her, on a reload
    expect(await ok('paper', { attemptId: paper.attemptId }, 'demo-resident')).toMatchObject({ deadline: at(30), extraMinutes: 10, status: 'open' })

    // a smaller grant later takes nothing from the paper being answered; her next paper starts with it
    expect((await grant(quizId, 5, 'request')).body.data).toMatchObject({ grant: { minutes: 5, reason: 'request' }, openDeadline: at(30) })
    await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    const next: Paper = await ok('start', { quizId }, 'demo-resident')
    expect(next).toMatchObject({ deadline: at(5 + 25), extraMinutes: 5 })
    expect((await quizGrants(rt.deps.store).findOne({ _id: `${quizId}:${elder}` }))!.history.map((h) => h.minutes)).toEqual([10, 5])
  })

  it('when she hands in after the original deadline but before the extended one, then her answers saved then count and the paper is hers to hand in, not the deadline’s', async () => {
    const quizId = await quiz()
    const paper: Paper = await ok('start', { quizId }, 'demo-resident')
    expect((await grant(quizId, 15)).status).toBe(200)

    rt.clock.advance(25 * MINUTE)
    for (const index of [0, 1, 2]) await ok('answer', { attemptId: paper.attemptId, index, choice: (await shownAnswers(rt.deps.store, paper.attemptId, index)).right }, 'demo-resident')
    const result = await ok('submit', { attemptId: paper.attemptId }, 'demo-resident')
    expect(result).toMatchObject({ endedBy: 'submit', score: 100, seconds: 25 * 60 })
    expect(await stored(paper.attemptId)).toMatchObject({ status: 'graded', endedBy: 'submit', correct: 3, submittedAt: at(25) })
  })

  it('when her time ran out before the office granted more, then the paper is graded as it stood at its deadline and the grant waits for her next paper', async () => {
    const quizId = await quiz()
    const paper: Paper = await ok('start', { quizId }, 'demo-resident')
    rt.clock.advance(21 * MINUTE)
    expect((await grant(quizId, 10)).body.data).toMatchObject({ grant: { minutes: 10 } })
    expect(await stored(paper.attemptId)).toMatchObject({ deadline: at(20) })
    expect(await ok('paper', { attemptId: paper.attemptId }, 'demo-resident')).toMatchObject({ status: 'graded' })
    expect(await stored(paper.attemptId)).toMatchObject({ status: 'graded', endedBy: 'deadline', seconds: 20 * 60 })
    expect(await ok('start', { quizId }, 'demo-resident')).toMatchObject({ deadline: at(21 + 30), extraMinutes: 10 })
  })

  it('when someone not in the office grants time, even to herself, then it is refused and nothing changes', async () => {
    const quizId = await quiz()
    const paper: Paper = await ok('start', { quizId }, 'demo-resident')
    for (const openid of ['demo-resident', 'demo-handler', 'demo-organizer']) expect((await grant(quizId, 30, 'request', openid)).status).toBe(403)
    expect((await rt.call('quiz', 'people', { quizId, keyword: '王' }, 'demo-resident')).status).toBe(403)
    expect(await stored(paper.attemptId)).toMatchObject({ deadline: at(20) })
    expect(await quizGrants(rt.deps.store).count({})).toBe(0)
  })

  it('when the minutes are out of bounds or not whole, or the reason unknown, then it is refused in Chinese naming the field, and nothing changes', async () => {
    const quizId = await quiz()
    const paper: Paper = await ok('start', { quizId }, 'demo-resident')
    const cases: [unknown, unknown, string, string][] = [
      [0, 'elder', 'minutes', '延长时间（分钟）至少为 1'],
      [61, 'elder', 'minutes', '延长时间（分钟）最多为 60'],
      [2.5, 'elder', 'minutes', '延长时间（分钟）应为整数'],
      ['10', 'elder', 'minutes', '请填写延长时间（分钟）'],
      [10, 'vip', 'reason', '请选择延长的原因：长辈或本人申请']
    ]
    for (const [minutes, reason, field, message] of cases) {
      expect(await grant(quizId, minutes, reason)).toMatchObject({ status: 400, body: { issues: [{ field, message }] } })
    }
    expect(await rt.call('quiz', 'grantTime', { quizId, userId: 'nobody', minutes: 10, reason: 'elder' }, 'demo-admin')).toMatchObject({ status: 404, body: { message: '该用户不存在' } })
    expect(await stored(paper.attemptId)).toMatchObject({ deadline: at(20), history: [{ from: 'new', to: 'open' }] })
    expect((await stored(paper.attemptId)).extraMinutes).toBeUndefined()
    expect(await quizGrants(rt.deps.store).count({})).toBe(0)
  })

  it('when the office looks for a person by nickname, then it finds her with where she is bound; with no word it lists the people granted time for the quiz', async () => {
    const quizId = await quiz()
    const community = (await ok('saveUnit', { kind: 'community', name: '文昌社区', classes: [], members: null }, 'demo-admin')).id
    await ok('bind', { communityId: community }, 'demo-resident')
    expect(await ok('people', { quizId }, 'demo-admin')).toEqual([])
    const found: QuizPerson[] = await ok('people', { quizId, keyword: '王阿' }, 'demo-admin')
    expect(found).toEqual([{ userId: elder, nickname: '王阿姨', unit: '文昌社区', grant: null, openDeadline: null }])
    await grant(quizId, 20)
    expect(await ok('people', { quizId }, 'demo-admin')).toEqual([{ userId: elder, nickname: '王阿姨', unit: '文昌社区', grant: { minutes: 20, reason: 'elder', at: at(0) }, openDeadline: null }])
  })
})
