import type { AnswerCounts, Attempt, Question, QuizBest } from '../../types/quiz'
import { finish, finishStale, type Pending, type Steps } from '../core/moves'
import type { Deps } from '../core/ports'
import { quizRepository } from './repository'
import { answersShown, beats } from './rules'

type Scopes = Pick<QuizBest, 'schoolId' | 'className' | 'communityId' | 'confirmed'>

/**
 * The tallies a person's best result counts towards: the whole quiz, their school and class when the class's
 * invitation code confirmed them (else their school's unconfirmed students), and their community.
 */
const scopesOf = (u: Scopes) =>
  [
    ['all', 'all'],
    ['school', u.confirmed ? u.schoolId : null],
    ['class', u.confirmed && u.schoolId && u.className ? `${u.schoolId}/${u.className}` : null],
    ['unconfirmed', u.confirmed ? null : u.schoolId],
    ['community', u.communityId]
  ].filter((s): s is [Scope, string] => !!s[1])

type Scope = 'all' | 'school' | 'class' | 'unconfirmed' | 'community'

/** A campaign attempt as stored: its grading's steps left to take, until taken (core/moves.ts). */
export type StoredAttempt = Attempt & { pending?: Pending | null }

/**
 * What a graded campaign attempt changes besides itself, taken once each after the open → graded write that
 * notes them: missed questions go into the wrong-answer book, the answers add to the quiz's answers tally, and
 * the result may become the person's best. A miss is counted once per attempt; the tallies are shared counts,
 * so their steps run once and, cut inside, are recounted from the graded attempts.
 */
const STEPS: Steps<StoredAttempt> = {
  misses: { run: (deps, attempt) => recordMisses(deps, attempt) },
  answers: { once: true, run: (deps, attempt) => recordAnswers(deps, attempt), repair: (deps, attempt) => recountAnswers(deps, attempt.quizId!) },
  best: { once: true, run: (deps, attempt) => recordBest(deps, attempt), repair: (deps, attempt) => recountBest(deps, attempt) }
}

/** A graded attempt whose step `name` was begun counts in the truth; one whose step is still to come does not yet. */
const countedIn = (name: string) => (a: StoredAttempt) => !a.pending || !!a.pending.claimed?.[name]

export const GRADING_STEPS = Object.keys(STEPS)

export const finishGrading = (deps: Deps, attempt: StoredAttempt) => finish(deps, quizRepository(deps.store).gradings(), attempt, STEPS)

/** The sweep's part: gradings a crash cut short. */
export const finishStaleGradings = (deps: Deps) => finishStale(deps, quizRepository(deps.store).gradings(), STEPS)

async function recordMisses(deps: Deps, attempt: Attempt) {
  const at = attempt.submittedAt!
  const repo = quizRepository(deps.store)
  const quiz = await repo.quiz(attempt.quizId!)
  const shown = answersShown(quiz, await repo.gradedCount(attempt.userId, quiz._id), new Date(at))
  for (const item of attempt.items.filter((i) => !i.correct)) {
    await repo.miss(attempt.userId, item, at, shown ? undefined : { until: quiz.closesAt, quizId: quiz._id }, attempt._id)
  }
  if (shown) await repo.reveal(attempt.userId, quiz._id, at)
}

/** The paper's answers per question and per knowledge point, in one write whatever the number of questions. */
async function recordAnswers(deps: Deps, attempt: Attempt) {
  const repo = quizRepository(deps.store)
  await repo.addAnswers(attempt.quizId!, answersOf([attempt], await repo.questions(attempt.items.map((i) => i.questionId))))
}

async function recountAnswers(deps: Deps, quizId: string) {
  const repo = quizRepository(deps.store)
  const graded = (await repo.gradedOf({ quizId })).filter(countedIn('answers'))
  const found = await repo.questions(graded.flatMap((a) => a.items.map((i) => i.questionId)))
  await repo.setAnswers(quizId, answersOf(graded, found))
}

function answersOf(papers: Attempt[], found: Map<string, Question>) {
  const questions = new Map<string, AnswerCounts>()
  const points = new Map<string, AnswerCounts>()
  const add = (into: Map<string, AnswerCounts>, key: string, right: number) => {
    const sum = into.get(key) ?? { answered: 0, right: 0 }
    into.set(key, { answered: sum.answered + 1, right: sum.right + right })
  }
  for (const item of papers.flatMap((a) => a.items)) {
    const right = item.correct ? 1 : 0
    add(questions, item.questionId, right)
    const point = found.get(item.questionId)?.point
    if (point) add(points, point, right)
  }
  return { questions, points }
}

/** The person's best as their graded attempts say, then the quiz's people tallies as the bests say. */
async function recountBest(deps: Deps, attempt: Attempt) {
  const repo = quizRepository(deps.store)
  const quizId = attempt.quizId!
  const mine = (await repo.gradedOf({ quizId, userId: attempt.userId })).filter(countedIn('best'))
  const top = mine.reduce((a, b) => (beats({ score: b.score!, seconds: b.seconds! }, { score: a.score!, seconds: a.seconds! }) ? b : a))
  const held = await repo.best(quizId, attempt.userId)
  const result = { score: top.score!, seconds: top.seconds!, passed: mine.some((a) => a.passed), attempts: mine.length, at: top.submittedAt! }
  if (held) await repo.setBest(held._id, result)
  else await repo.insertBest(await bestOf(deps, top, result))
  const truth = new Map<string, { scope: Scope; key: string; participants: number; passed: number; scoreSum: number }>()
  for (const best of await repo.bestsOf(quizId)) {
    for (const [scope, key] of scopesOf(best)) {
      const t = truth.get(`${scope}:${key}`) ?? { scope, key, participants: 0, passed: 0, scoreSum: 0 }
      truth.set(`${scope}:${key}`, { ...t, participants: t.participants + 1, passed: t.passed + (best.passed ? 1 : 0), scoreSum: t.scoreSum + best.score })
    }
  }
  for (const { scope, key, ...people } of truth.values()) await repo.setPeople(quizId, scope, key, people)
}

async function bestOf(deps: Deps, attempt: Attempt, result: Pick<QuizBest, 'score' | 'seconds' | 'passed' | 'attempts' | 'at'>): Promise<QuizBest> {
  const repo = quizRepository(deps.store)
  const person = await repo.person(attempt.userId)
  const profile = await repo.profile(attempt.userId)
  return { _id: `${attempt.quizId}:${attempt.userId}`, quizId: attempt.quizId!, userId: attempt.userId, nickname: person.nickname, schoolId: profile.schoolId, className: profile.className, communityId: profile.communityId, confirmed: !!profile.confirmed, ...result }
}

async function recordBest(deps: Deps, attempt: Attempt) {
  const repo = quizRepository(deps.store)
  const quizId = attempt.quizId!
  const result = { score: attempt.score!, seconds: attempt.seconds!, passed: !!attempt.passed }
  const person = await repo.person(attempt.userId)
  const first = await bestOf(deps, attempt, { ...result, attempts: 1, at: attempt.submittedAt! })
  if (await repo.firstBest(first)) {
    for (const [scope, key] of scopesOf(first)) await repo.bump(quizId, scope, key, { participants: 1, passed: result.passed ? 1 : 0, scoreSum: result.score })
    return
  }
  // Retried on a lost race: the best is replaced only if it is still the one this grading compared against.
  for (let tries = 0; tries < 5; tries++) {
    const best = (await repo.best(quizId, attempt.userId))!
    if (!beats(result, best)) {
      await repo.countTry(best._id)
      return
    }
    const replaced = await repo.replaceBest(best, { score: result.score, seconds: result.seconds, passed: best.passed || result.passed, nickname: person.nickname, at: attempt.submittedAt! })
    if (!replaced) continue
    const newlyPassed = !best.passed && result.passed ? 1 : 0
    for (const [scope, key] of scopesOf(best)) await repo.bump(quizId, scope, key, { passed: newlyPassed, scoreSum: result.score - best.score })
    return
  }
}
