import type { Attempt, AttemptItem, AttemptResult, Feedback, Paper, Question, QuestionView, Quiz, QuizPerson, QuizProfile, QuizSummary, QuizTally, TimeGrant, Unit } from '../../types/quiz'
import type { User } from '../../types/domain'
import { beijingDateTime } from '../../types/calendar'
import { toShown } from './rules'

export const quizState = (quiz: Pick<Quiz, 'opensAt' | 'closesAt'>, now: Date): QuizSummary['state'] =>
  now < new Date(quiz.opensAt) ? 'upcoming' : now >= new Date(quiz.closesAt) ? 'closed' : 'open'

export const questionCount = (quiz: Pick<Quiz, 'quotas'>) => quiz.quotas.reduce((n, q) => n + q.count, 0)

export const titleOf = (attempt: Attempt, quiz: Quiz | null) => quiz?.title ?? (attempt.kind === 'wrong' ? '错题练习' : '每日练习')

export function toQuestionView(q: Question): QuestionView {
  return { id: q._id, kind: q.kind, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, point: q.point, source: q.source, active: q.active, updatedAt: q.updatedAt }
}

export function toSummary(quiz: Quiz, all: QuizTally | null, now: Date): QuizSummary {
  const { _id, requestId: _r, createdBy: _c, createdAt: _a, updatedAt: _u, ...input } = quiz
  const participants = all?.participants ?? 0
  return { ...input, id: _id, questionCount: questionCount(quiz), participants, passRate: participants ? all!.passed / participants : null, state: quizState(quiz, now) }
}

export function feedbackOf(q: Question, order: number[], correct: boolean): Feedback {
  return { correct, answer: toShown(order, q.answer), explanation: q.explanation, source: q.source }
}

/** A question as this attempt shows it: options in the attempt's order, the saved choice in those terms. */
function shown(item: AttemptItem, q: Question, index: number) {
  return { index, kind: q.kind, stem: q.stem, point: q.point, options: item.order.map((i) => q.options[i]), choice: item.choice ? toShown(item.order, item.choice) : null }
}

/**
 * The paper as a client may see it while the attempt runs: stems and options in this attempt's order, the
 * saved choices, and nothing that gives the answer away. Practice questions already checked carry their feedback.
 */
export function toPaper(attempt: Attempt, questions: Map<string, Question>, quiz: Quiz | null, now: Date): Paper {
  return {
    attemptId: attempt._id,
    kind: attempt.kind,
    title: titleOf(attempt, quiz),
    questions: attempt.items.map((item, index) => {
      const q = questions.get(item.questionId)!
      return {
        ...shown(item, q, index),
        feedback: attempt.kind !== 'campaign' && item.correct !== null && item.choice ? feedbackOf(q, item.order, item.correct) : null
      }
    }),
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    now: now.toISOString(),
    status: attempt.status,
    passMark: quiz?.passMark ?? null,
    extraMinutes: attempt.extraMinutes ?? 0
  }
}

/** What a result says while its quiz withholds the answers. */
const withheldNote = (quiz: Quiz) =>
  quiz.reveal === 'afterLast'
    ? `用完 ${quiz.attemptsAllowed} 次答题机会或答题结束（${beijingDateTime(quiz.closesAt)}）后公布答案和解析`
    : `答案和解析将在答题结束（${beijingDateTime(quiz.closesAt)}）后公布`

/** `revealed`: the quiz's answers may be shown to this person now; else the questions are left out, with why. */
export function toResult(attempt: Attempt, questions: Map<string, Question>, quiz: Quiz | null, attemptsLeft: number | null, revealed: boolean): AttemptResult {
  return {
    attemptId: attempt._id,
    kind: attempt.kind,
    quizId: attempt.quizId,
    title: titleOf(attempt, quiz),
    score: attempt.score ?? 0,
    correct: attempt.correct ?? 0,
    total: attempt.items.length,
    passed: attempt.passed,
    passMark: quiz?.passMark ?? null,
    seconds: attempt.seconds ?? 0,
    endedBy: attempt.endedBy ?? 'submit',
    submittedAt: attempt.submittedAt ?? attempt.startedAt,
    attemptsLeft,
    withheld: revealed || !quiz ? null : withheldNote(quiz),
    questions: !revealed ? [] : attempt.items.map((item, index) => {
      const q = questions.get(item.questionId)!
      return {
        ...shown(item, q, index),
        answer: toShown(item.order, q.answer),
        correct: !!item.correct,
        explanation: q.explanation,
        source: q.source
      }
    })
  }
}

/** Where a person is bound, as the office reads it: school and class, or community. */
function unitOf(profile: QuizProfile | null, named: Map<string, Unit>): string | null {
  const school = profile?.schoolId ? named.get(profile.schoolId) : undefined
  if (school) return profile?.className ? `${school.name} ${profile.className}` : school.name
  return (profile?.communityId && named.get(profile.communityId)?.name) || null
}

export function toPerson(user: User, profile: QuizProfile | null, named: Map<string, Unit>, grant: TimeGrant | null, open: Attempt | null): QuizPerson {
  return {
    userId: user._id,
    nickname: user.nickname,
    unit: unitOf(profile, named),
    grant: grant ? { minutes: grant.minutes, reason: grant.reason, at: grant.at } : null,
    openDeadline: open?.deadline ?? null
  }
}
