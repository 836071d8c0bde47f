/**
 * `npm run bench:quiz`: a campaign quiz taken by many people (PEOPLE, default 2,000) in 20 schools and
 * 10 communities, through the real actions on the embedded store. Prints what one person's paper costs
 * (start, an answer, submit), what the office's figures cost at that scale, and the same figures at a tenth of
 * it: the awareness page reads running tallies, so its time should not grow with the number of attempts.
 */
import { performance } from 'node:perf_hooks'
import type { Paper } from '../types/quiz'
import { manualClock } from '../cloudfunctions/core/system-ports'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { functions } from '../cloudfunctions/registry'
import { shownAnswers } from '../runtime/demo'
import { seedLocal } from '../runtime/seed'

const PEOPLE = Number(process.env.PEOPLE ?? 2000)
const quiet = { info: () => undefined, error: (m: string, e?: object) => console.error(m, e) }

async function main() {
  const clock = manualClock('2026-11-23T09:00:00+08:00')
  const deps = createLocalDeps({ clock, logger: quiet })
  await seedLocal(deps)
  const call = async (openid: string, action: string, payload: object = {}, requestId?: string) => {
    const r = await functions.quiz({ action, payload, requestId }, { openid, deps })
    if (!r.ok) throw new Error(`${action}: ${r.message}`)
    return r.data as never
  }
  const schools: { id: string }[] = []
  for (let s = 0; s < 20; s++) schools.push(await call('demo-admin', 'saveUnit', { kind: 'school', name: `第${s + 1}中学`, classes: ['一班', '二班', '三班'], members: 400 }))
  const communities: { id: string }[] = []
  for (let c = 0; c < 10; c++) communities.push(await call('demo-admin', 'saveUnit', { kind: 'community', name: `第${c + 1}社区`, classes: [], members: 2000 }))
  const quota = ['公共场所文明', '交通文明', '环境与垃圾分类', '文明养犬', '志愿服务'].map((point) => ({ point, count: 4 }))
  const quiz: { id: string } = await call('demo-admin', 'saveQuiz', { title: '基准测试答题', description: '', opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-31T00:00:00+08:00', quotas: quota, timeLimitMinutes: 20, attemptsAllowed: 3, passMark: 60, audience: 'everyone', schoolIds: [] }, 'bench-quiz')

  const costs = { start: 0, answer: 0, submit: 0, answers: 0 }
  const take = async (i: number) => {
    const openid = `bench-${i}`
    await call(openid, 'bind', i % 3 === 2 ? { communityId: communities[i % 10].id } : { schoolId: schools[i % 20].id, className: ['一班', '二班', '三班'][i % 3] })
    let t = performance.now()
    const paper: Paper = await call(openid, 'start', { quizId: quiz.id })
    costs.start += performance.now() - t
    for (const index of paper.questions.keys()) {
      const { right, wrong } = await shownAnswers(deps.store, paper.attemptId, index)
      t = performance.now()
      await call(openid, 'answer', { attemptId: paper.attemptId, index, choice: (index * 7 + i) % 10 < 3 + (i % 8) ? right : wrong })
      costs.answer += performance.now() - t
      costs.answers++
    }
    t = performance.now()
    await call(openid, 'submit', { attemptId: paper.attemptId })
    costs.submit += performance.now() - t
  }

  const figures = async (label: string) => {
    const runs = 5
    const measure = async (name: string, run: () => Promise<unknown>) => {
      await run()
      const t = performance.now()
      for (let r = 0; r < runs; r++) await run()
      console.log(`  ${`${name} (${label})`.padEnd(40)} ${((performance.now() - t) / runs).toFixed(1).padStart(8)} ms`)
    }
    await measure('awareness page', () => call('demo-admin', 'awareness', { quizId: quiz.id }))
    await measure('people ranking, page 1', () => call('demo-admin', 'board', { quizId: quiz.id }))
    await measure('people ranking, page 50', () => call('demo-admin', 'board', { quizId: quiz.id, page: 50 }))
    await measure('quiz home for one person', () => call('bench-1', 'home'))
  }

  const tenth = Math.max(1, Math.floor(PEOPLE / 10))
  for (let i = 0; i < tenth; i++) await take(i)
  console.log(`quiz benchmark: 20-question papers, 20 schools, 10 communities, on the embedded store`)
  await figures(`${tenth} people`)
  for (let i = tenth; i < PEOPLE; i++) await take(i)
  await figures(`${PEOPLE} people`)
  const a: { participants: number; passed: number; schools: unknown[]; questions: unknown[] } = await call('demo-admin', 'awareness', { quizId: quiz.id })
  console.log(`  (the figures: ${a.participants} participants, ${a.passed} passed, ${a.schools.length} schools, ${a.questions.length} questions answered)`)
  console.log(`  per paper, averaged over ${PEOPLE}: start ${(costs.start / PEOPLE).toFixed(1)} ms, answer ${(costs.answer / costs.answers).toFixed(1)} ms, submit with tallies ${(costs.submit / PEOPLE).toFixed(1)} ms`)
  const t = performance.now()
  await call('demo-admin', 'exportAwareness', { quizId: quiz.id })
  console.log(`  Excel export of the figures: ${(performance.now() - t).toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB with ${PEOPLE} attempts in memory`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
