import type { Question, QuizProfile, QuizTally, Unit } from '../../types/quiz'
import { attempts, questions, quizProfiles, quizTallies, quizzes, units } from '../core/collections'
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
      const _id = tallyId(quizId, scope, key)
      const $inc = Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0)) as Record<string, number>
      if (!Object.keys($inc).length) return
      if (await quizTallies(store).update({ _id }, { $inc })) return
      if (!(await quizTallies(store).insertIfAbsent({ _id, quizId, scope, key, participants: 0, passed: 0, scoreSum: 0, answered: 0, right: 0, ...$inc }))) await quizTallies(store).update({ _id }, { $inc })
    }
  }
}
