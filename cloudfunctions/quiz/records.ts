import type { User } from '../../types/domain'
import type { Attempt, Question, Quiz, QuizBest } from '../../types/quiz'
import { attempts, quizBest } from '../core/collections'
import { DuplicateKeyError, type Deps } from '../core/ports'
import { quizRepository } from './repository'
import { answersShown, beats } from './rules'
import { missed, revealMisses } from './wrong-book'

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
  ].filter((s): s is ['all' | 'school' | 'class' | 'unconfirmed' | 'community', string] => !!s[1])

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * What a graded attempt changes besides itself, done once because only the grading that wins the attempt's
 * open → graded transition calls it: missed questions go into the wrong-answer book, and a campaign attempt
 * adds to the per-question and per-point tallies and may become the person's best.
 */
export async function recordGraded(deps: Deps, attempt: Attempt, quiz: Quiz | null, questions: Map<string, Question>, person: User) {
  const at = attempt.submittedAt!
  if (!quiz) return
  const repo = quizRepository(deps.store)
  const graded = await attempts(deps.store).count({ userId: attempt.userId, quizId: quiz._id, status: 'graded' })
  const shown = answersShown(quiz, graded, new Date(at))
  for (const item of attempt.items.filter((i) => !i.correct)) {
    await missed(deps.store, attempt.userId, item, at, shown ? undefined : { until: quiz.closesAt, quizId: quiz._id })
  }
  if (shown) await revealMisses(deps.store, attempt.userId, quiz._id, at)
  const points = new Map<string, { answered: number; right: number }>()
  // Tallies are locked in one order by every grading (questions by id, then points by name, then the scopes), so
  // gradings racing on a PostgreSQL server wait for each other instead of deadlocking; papers list questions shuffled.
  for (const item of [...attempt.items].sort((a, b) => byText(a.questionId, b.questionId))) {
    const right = item.correct ? 1 : 0
    await repo.bump(quiz._id, 'question', item.questionId, { answered: 1, right })
    const point = questions.get(item.questionId)!.point
    const sum = points.get(point) ?? { answered: 0, right: 0 }
    points.set(point, { answered: sum.answered + 1, right: sum.right + right })
  }
  for (const [point, sum] of [...points].sort(([a], [b]) => byText(a, b))) await repo.bump(quiz._id, 'point', point, sum)
  await recordBest(deps, attempt, quiz, person)
}

async function recordBest(deps: Deps, attempt: Attempt, quiz: Quiz, person: User) {
  const repo = quizRepository(deps.store)
  const result = { score: attempt.score!, seconds: attempt.seconds!, passed: !!attempt.passed }
  const _id = `${quiz._id}:${attempt.userId}`
  const profile = await repo.profile(attempt.userId)
  const first: QuizBest = { _id, quizId: quiz._id, userId: attempt.userId, nickname: person.nickname, schoolId: profile.schoolId, className: profile.className, communityId: profile.communityId, confirmed: !!profile.confirmed, ...result, attempts: 1, at: attempt.submittedAt! }
  try {
    await quizBest(deps.store).insert(first)
    for (const [scope, key] of scopesOf(first)) await repo.bump(quiz._id, scope, key, { participants: 1, passed: result.passed ? 1 : 0, scoreSum: result.score })
    return
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  // Retried on a lost race: the best is replaced only if it is still the one this grading compared against.
  for (let tries = 0; tries < 5; tries++) {
    const best = (await quizBest(deps.store).findOne({ _id }))!
    if (!beats(result, best)) {
      await quizBest(deps.store).update({ _id }, { $inc: { attempts: 1 } })
      return
    }
    const replaced = await quizBest(deps.store).update(
      { _id, score: best.score, seconds: best.seconds },
      { $set: { score: result.score, seconds: result.seconds, passed: best.passed || result.passed, nickname: person.nickname, at: attempt.submittedAt! }, $inc: { attempts: 1 } }
    )
    if (!replaced) continue
    const newlyPassed = !best.passed && result.passed ? 1 : 0
    for (const [scope, key] of scopesOf(best)) await repo.bump(quiz._id, scope, key, { passed: newlyPassed, scoreSum: result.score - best.score })
    return
  }
}
