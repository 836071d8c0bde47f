import type { Attempt, AttemptItem, AttemptResult, Feedback, Paper, Quiz, QuizProfile } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { conflict, forbidden, invalid } from '../core/errors'
import type { Deps } from '../core/ports'
import { beijingDateTime } from '../../types/calendar'
import { finishGrading, GRADING_STEPS, type StoredAttempt } from './records'
import { quizRepository } from './repository'
import { answersShown, choiceProblem, deadlineOf, grade, isRight, optionOrder, sample, shuffle, toOriginal } from './rules'
import { withheldFromPractice } from './pool'
import { feedbackOf, quizState, toPaper, toResult } from './views'
import { answeredRight } from './wrong-book'

export const PRACTICE_SIZE = 10

/** Why this person may not take the quiz, or null when they may. */
export function ineligibility(quiz: Quiz, profile: QuizProfile): string | null {
  if (quiz.audience === 'students') {
    if (!profile.schoolId) return '本次答题面向学生，请先绑定学校和班级'
    if (!quiz.schoolIds.includes(profile.schoolId)) return '本次答题仅限指定学校的学生参加'
  }
  if (quiz.audience === 'residents' && !profile.communityId) return '本次答题面向社区居民，请先绑定所在社区'
  return null
}

const expired = (a: Attempt, now: Date) => a.status === 'open' && a.deadline !== null && now >= new Date(a.deadline)

/** A campaign attempt: the people taking it, its window, their attempts left; then a paper drawn by quota. */
export async function start(input: { quizId: string }, { caller, deps }: ActionContext): Promise<Paper> {
  const repo = quizRepository(deps.store)
  const quiz = await repo.quiz(input.quizId)
  const now = deps.clock.now()
  const state = quizState(quiz, now)
  if (state === 'upcoming') throw conflict(`答题将于 ${beijingDateTime(quiz.opensAt)} 开始`)
  if (state === 'closed') throw conflict(`答题已于 ${beijingDateTime(quiz.closesAt)} 结束`)
  const reason = ineligibility(quiz, await repo.profile(caller._id))
  if (reason) throw forbidden(reason)

  const mine = await repo.triesAt(caller._id, quiz._id, quiz.attemptsAllowed + 1)
  const open = mine.find((a) => a.status === 'open')
  if (open) {
    const running = await settle(deps, await repo.attempt(open._id, caller._id))
    if (running.status === 'open') return paper(deps, running)
  }
  if (mine.length >= quiz.attemptsAllowed) throw conflict(`每人限答 ${quiz.attemptsAllowed} 次，您的答题次数已用完`)

  const [items, grant] = await Promise.all([draw(deps, quiz), repo.grant(quiz._id, caller._id)])
  const extra = grant?.minutes ?? 0
  // One id per try number: two taps on 开始 race for the same id and only one attempt is made.
  const attempt = newAttempt(`${quiz._id}:${caller._id}:${mine.length + 1}`, 'campaign', quiz._id, caller._id, items, now, deadlineOf(quiz, now, extra), extra)
  if (!(await repo.startTry(attempt))) return paper(deps, await repo.attempt(attempt._id, caller._id))
  return paper(deps, attempt)
}

/**
 * Ten questions to practise: at random from the bank, leaving out what a quiz not yet closed may draw, or from the
 * caller's wrong-answer book (whose answers they were already shown). No clock, no rank.
 */
export async function practice(input: { from: 'daily' | 'wrong' }, { caller, deps }: ActionContext): Promise<Paper> {
  const repo = quizRepository(deps.store)
  let ids: string[]
  if (input.from === 'wrong') {
    const entries = await repo.toPractise(caller._id, deps.clock.now())
    if (!entries.length) throw conflict('错题本里没有待练习的题目')
    ids = sample(entries.map((e) => e.questionId), PRACTICE_SIZE)
  } else {
    const pool = await repo.practisable(await withheldFromPractice(deps.store, deps.clock.now()))
    if (!pool.length) throw conflict('知识答题正在进行，题目暂停练习，请先参加答题')
    ids = sample(pool, PRACTICE_SIZE)
  }
  const found = await repo.questions(ids)
  const items = ids.filter((id) => found.has(id)).map((id) => item(id, optionOrder(found.get(id)!)))
  const attempt = newAttempt(deps.ids.next(), input.from === 'wrong' ? 'wrong' : 'practice', null, caller._id, items, deps.clock.now(), null)
  await repo.startPractice(attempt)
  return toPaper(attempt, found, null, deps.clock.now())
}

/** The attempt as it stands: a reload resumes it with the time that is really left. */
export async function resume(input: { attemptId: string }, { caller, deps }: ActionContext): Promise<Paper> {
  return paper(deps, await settle(deps, await quizRepository(deps.store).attempt(input.attemptId, caller._id)))
}

/** Saves one answer as the person goes. Practice answers are checked at once and come back with the explanation. */
export async function answer(input: { attemptId: string; index: number; choice: number[] }, { caller, deps }: ActionContext): Promise<{ savedAt: string; feedback: Feedback | null }> {
  const repo = quizRepository(deps.store)
  const attempt = await settle(deps, await repo.attempt(input.attemptId, caller._id))
  if (attempt.status === 'graded') throw conflict(attempt.endedBy === 'deadline' ? '答题时间已到，已按保存的答案交卷' : '已交卷，不能再修改答案')
  const item = attempt.items[input.index]
  if (!item) throw invalid('index', '题号不正确')
  const question = (await repo.questions([item.questionId])).get(item.questionId)!
  const problem = choiceProblem(question.kind, input.choice, item.order.length)
  if (problem) throw invalid('choice', problem)
  const choice = toOriginal(item.order, input.choice)
  const now = deps.clock.now()
  const at = now.toISOString()

  if (attempt.kind === 'campaign') {
    if (!(await repo.saveChoice(attempt._id, input.index, choice.length ? choice : null, at))) throw conflict('答题时间已到，已按保存的答案交卷')
    return { savedAt: at, feedback: null }
  }

  if (!choice.length) throw invalid('choice', '请选择答案')
  const correct = isRight(choice, question.answer)
  if (!(await repo.checkChoice(attempt._id, input.index, choice, correct))) throw conflict('这道题已经作答过了')
  if (correct) await answeredRight(deps.store, caller._id, question._id)
  else await repo.miss(caller._id, item, at)
  return { savedAt: at, feedback: feedbackOf(question, item.order, correct) }
}

/**
 * Hands the paper in, once. Past the deadline it is graded on what was saved by then, as the deadline would have.
 * A submit whose grading a crash cut short finishes it, and that is its answer.
 */
export async function submit(input: { attemptId: string }, { caller, deps }: ActionContext): Promise<AttemptResult> {
  const attempt: StoredAttempt = await quizRepository(deps.store).attempt(input.attemptId, caller._id)
  if (attempt.pending) return result(deps, await finishGrading(deps, attempt))
  if (attempt.status === 'graded' && attempt.endedBy === 'submit') throw conflict('已交卷，不能重复提交')
  const graded = attempt.status === 'graded' ? attempt : await finish(deps, attempt, expired(attempt, deps.clock.now()) ? 'deadline' : 'submit')
  if (!graded) throw conflict('已交卷，不能重复提交')
  return result(deps, graded)
}

export async function showResult(input: { attemptId: string }, { caller, deps }: ActionContext): Promise<AttemptResult> {
  const attempt = await settle(deps, await quizRepository(deps.store).attempt(input.attemptId, caller._id))
  if (attempt.status === 'open') throw conflict('尚未交卷，交卷后才能查看答案和解析')
  return result(deps, attempt)
}

/** An open attempt whose time ran out is graded now, whoever notices first: the person, or the hourly sweep. */
export async function settle(deps: Deps, attempt: Attempt): Promise<Attempt> {
  if (!expired(attempt, deps.clock.now())) return attempt
  const graded = await finish(deps, attempt, 'deadline')
  return graded ?? (await quizRepository(deps.store).attempt(attempt._id, attempt.userId))
}

/**
 * Grades the attempt if it is still open and answers it graded; null when someone else graded it first.
 * Only the winner of the open → graded write notes what the grading changes besides (quiz/records.ts) and takes
 * those steps, so it counts once.
 */
export async function finish(deps: Deps, attempt: Attempt, endedBy: 'submit' | 'deadline'): Promise<Attempt | null> {
  const repo = quizRepository(deps.store)
  const now = deps.clock.now()
  const end = endedBy === 'deadline' && attempt.deadline ? new Date(attempt.deadline) : now
  const found = await repo.questions(attempt.items.map((i) => i.questionId))
  const quiz = attempt.quizId ? await repo.quiz(attempt.quizId) : null
  // Practice questions were checked one by one; a campaign paper is graded here, on the server, only.
  const graded = grade(attempt.items, new Map([...found].map(([id, q]) => [id, q.answer])))
  const score = graded.score
  const passed = quiz ? score >= quiz.passMark : null
  const at = now.toISOString()
  const changes = {
    status: 'graded' as const,
    items: graded.items,
    score,
    correct: graded.correct,
    passed,
    seconds: Math.max(0, Math.floor((end.getTime() - new Date(attempt.startedAt).getTime()) / 1000)),
    submittedAt: at,
    endedBy
  }
  const pending = quiz ? { move: 'grade', key: deps.ids.next(), at, steps: GRADING_STEPS } : null
  const note = endedBy === 'deadline' ? '时间到，按已保存的答案评分' : '交卷'
  if (!(await repo.grade(attempt._id, { ...changes, ...(pending ? { pending } : {}) }, note, at))) return null
  return finishGrading(deps, { ...attempt, ...changes, pending })
}

async function paper(deps: Deps, attempt: Attempt): Promise<Paper> {
  const repo = quizRepository(deps.store)
  const [found, quiz] = await Promise.all([repo.questions(attempt.items.map((i) => i.questionId)), attempt.quizId ? repo.quiz(attempt.quizId) : null])
  return toPaper(attempt, found, quiz, deps.clock.now())
}

async function result(deps: Deps, attempt: Attempt): Promise<AttemptResult> {
  const repo = quizRepository(deps.store)
  const [found, quiz] = await Promise.all([repo.questions(attempt.items.map((i) => i.questionId)), attempt.quizId ? repo.quiz(attempt.quizId) : null])
  if (!quiz) return toResult(attempt, found, null, null, true)
  const [used, graded] = await Promise.all([repo.used(attempt.userId, quiz._id), repo.gradedCount(attempt.userId, quiz._id)])
  return toResult(attempt, found, quiz, Math.max(0, quiz.attemptsAllowed - used), answersShown(quiz, graded, deps.clock.now()))
}

/**
 * Each knowledge point's quota, drawn at random from the quiz's pool (from the whole point when the pool lost
 * questions the office took out of the bank, or the quiz has none); a point short of questions is named.
 */
async function draw(deps: Deps, quiz: Quiz): Promise<AttemptItem[]> {
  const repo = quizRepository(deps.store)
  const chosen: string[] = []
  for (const quota of quiz.quotas) {
    const pooled = quiz.pool ? await repo.activeIds(quota.point, quiz.pool) : []
    const pool = pooled.length >= quota.count ? pooled : await repo.activeIds(quota.point)
    if (pool.length < quota.count) throw conflict(`题库中「${quota.point}」的题目不足 ${quota.count} 道，请联系创文办调整`)
    chosen.push(...sample(pool, quota.count))
  }
  const found = await quizRepository(deps.store).questions(chosen)
  return shuffle(chosen).map((id) => item(id, optionOrder(found.get(id)!)))
}

const item = (questionId: string, order: number[]): AttemptItem => ({ questionId, order, choice: null, correct: null })

function newAttempt(_id: string, kind: Attempt['kind'], quizId: string | null, userId: string, items: AttemptItem[], now: Date, deadline: Date | null, extraMinutes = 0): Attempt {
  const at = now.toISOString()
  return {
    _id,
    kind,
    quizId,
    userId,
    items,
    startedAt: at,
    deadline: deadline?.toISOString() ?? null,
    status: 'open',
    submittedAt: null,
    endedBy: null,
    score: null,
    correct: null,
    passed: null,
    seconds: null,
    ...(extraMinutes ? { extraMinutes } : {}),
    history: [{ at, from: 'new', to: 'open' }]
  }
}
