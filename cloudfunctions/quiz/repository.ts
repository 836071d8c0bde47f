import type { AnswerCounts, Attempt, Question, QuizProfile, QuizTally, Unit } from '../../types/quiz'
import type { Pending } from '../core/moves'
import { attempts, questions, quizBest, quizProfiles, quizTallies, quizzes, units } from '../core/collections'
import { notFound } from '../core/errors'
import { findAll } from '../core/pages'
import type { Store } from '../core/ports'

export const tallyId = (quizId: string, scope: QuizTally['scope'], key: string) => `${quizId}:${scope}:${key}`

export function quizRepository(store: Store) {
  return {
    async quiz(id: string) {
      const found = await quizzes(store).findOne({ _id: id })
      if (!found) throw notFound('该答题活动')
      return found
    },
    async attempt(id: string, userId: string) {
      const found = await attempts(store).findOne({ _id: id, userId })
      if (!found) throw notFound('该答卷')
      return found
    },
    async questions(ids: string[]): Promise<Map<string, Question>> {
      const wanted = [...new Set(ids)]
      const found = wanted.length ? await findAll(questions(store), { _id: { $in: wanted } }) : []
      return new Map(found.map((q) => [q._id, q]))
    },
    /** Ids of the active questions of a knowledge point, only those in `within` when given. */
    async activeIds(point: string, within?: string[]) {
      const found = await findAll(questions(store), { point, active: true, ...(within ? { _id: { $in: within } } : {}) }, { _id: 1 })
      return found.map((q) => q._id)
    },
    /** Active questions to practise, leaving out the ids and knowledge points withheld. */
    async practisable(withheld: { ids: string[]; points: string[] }) {
      const found = await findAll(questions(store), { active: true, ...(withheld.ids.length ? { _id: { $nin: withheld.ids } } : {}), ...(withheld.points.length ? { point: { $nin: withheld.points } } : {}) }, { _id: 1 })
      return found.map((q) => q._id)
    },
    /** Quizzes not yet closed (open or upcoming): what their papers may hold. */
    unclosed: (now: string) => quizzes(store).find({ closesAt: { $gt: now } }, { projection: { pool: 1, quotas: 1 }, limit: 200 }),
    async profile(userId: string): Promise<QuizProfile> {
      return (await quizProfiles(store).findOne({ _id: userId })) ?? { _id: userId, schoolId: null, className: null, communityId: null, updatedAt: '' }
    },
    async units(ids: (string | null)[]): Promise<Map<string, Unit>> {
      const wanted = [...new Set(ids.filter((x): x is string => !!x))]
      const found = wanted.length ? await findAll(units(store), { _id: { $in: wanted } }) : []
      return new Map(found.map((u) => [u._id, u]))
    },
    /** Adds to a running tally, creating it on first use; safe when two gradings race to create it. */
    async bump(quizId: string, scope: QuizTally['scope'], key: string, inc: Partial<Record<'participants' | 'passed' | 'scoreSum' | 'answered' | 'right', number>>) {
      const $inc = Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0)) as Record<string, number>
      if (Object.keys($inc).length) await add(store, { _id: tallyId(quizId, scope, key), quizId, scope, key, participants: 0, passed: 0, scoreSum: 0, answered: 0, right: 0, ...$inc }, $inc)
    },
    /** Graded attempts of a quiz (of one person when named): the truth the tallies are recounted from. */
    gradedOf: (q: { quizId: string; userId?: string }) => findAll(store.collection<Attempt & { pending?: Pending | null }>('attempts'), { ...q, status: 'graded' }),
    bestsOf: (quizId: string) => findAll(quizBest(store), { quizId }),
    /** Sets a people tally (participants, passed, score sum) to what was recounted. */
    async setPeople(quizId: string, scope: QuizTally['scope'], key: string, people: Pick<QuizTally, 'participants' | 'passed' | 'scoreSum'>) {
      await put(store, { _id: tallyId(quizId, scope, key), quizId, scope, key, answered: 0, right: 0, ...people }, people)
    },
    /** Sets the quiz's answers tally to what was recounted. */
    async setAnswers(quizId: string, answers: { questions: Map<string, AnswerCounts>; points: Map<string, AnswerCounts> }) {
      const keyed = (counts: Map<string, AnswerCounts>) => Object.fromEntries([...counts].map(([name, c]) => [fieldKey(name), c]))
      const set = { questions: keyed(answers.questions), points: keyed(answers.points) }
      await put(store, { _id: tallyId(quizId, 'answers', ''), quizId, scope: 'answers', key: '', participants: 0, passed: 0, scoreSum: 0, answered: 0, right: 0, ...set }, set)
    },
    /** A graded paper's answers, per question and knowledge point, added to the quiz's one answers tally in one write. */
    async addAnswers(quizId: string, answers: { questions: Map<string, AnswerCounts>; points: Map<string, AnswerCounts> }) {
      const $inc: Record<string, number> = {}
      const nested = (field: 'questions' | 'points', counts: Map<string, AnswerCounts>) => {
        for (const [name, { answered, right }] of counts) {
          $inc[`${field}.${fieldKey(name)}.answered`] = answered
          // even 0: a question first met here gets both fields
          $inc[`${field}.${fieldKey(name)}.right`] = right
        }
        return Object.fromEntries([...counts].map(([name, c]) => [fieldKey(name), { ...c }]))
      }
      const fresh = { questions: nested('questions', answers.questions), points: nested('points', answers.points) }
      await add(store, { _id: tallyId(quizId, 'answers', ''), quizId, scope: 'answers', key: '', participants: 0, passed: 0, scoreSum: 0, answered: 0, right: 0, ...fresh }, $inc)
    }
  }
}

/** Adds `$inc` to a tally, or makes it as `fresh` on first use; an insert racing another answers duplicate and adds instead. */
async function add(store: Store, fresh: QuizTally, $inc: Record<string, number>) {
  if (await quizTallies(store).update({ _id: fresh._id }, { $inc })) return
  if (!(await quizTallies(store).insertIfAbsent(fresh))) await quizTallies(store).update({ _id: fresh._id }, { $inc })
}

/** Sets fields of a tally, or makes it as `fresh`. */
async function put(store: Store, fresh: QuizTally, $set: Partial<QuizTally>) {
  if (await quizTallies(store).update({ _id: fresh._id }, { $set })) return
  if (!(await quizTallies(store).insertIfAbsent(fresh))) await quizTallies(store).update({ _id: fresh._id }, { $set })
}

/** A name as a field key: a dot would make a path of it, a leading $ an operator. */
export const fieldKey = (name: string) => name.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
export const fromFieldKey = (key: string) => key.replace(/%(25|2e|24)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
