import type { Page } from '../../types/api'
import { MASTERED_AFTER, type AttemptItem, type WrongItem } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { wrongBook } from '../core/collections'
import type { Query, Store } from '../core/ports'
import { quizRepository } from './repository'
import { toShown } from './rules'

const entryId = (userId: string, questionId: string) => `${userId}:${questionId}`

/** The person's entries still to practise whose answers may be shown by `now`. */
export const shownBy = (userId: string, now: Date): Query => ({ userId, mastered: false, $or: [{ shownAt: { $lte: now.toISOString() } }, { shownAt: { $exists: false } }] })

/**
 * A miss puts the question (back) in the book and starts its streak again; a campaign quiz that withholds its
 * answers keeps it out of sight until `withheld.until`. A graded attempt names itself (`missedIn`), so its
 * grading's step taken again does not count the miss twice.
 */
export async function missed(store: Store, userId: string, item: Pick<AttemptItem, 'questionId' | 'order'>, at: string, withheld?: { until: string; quizId: string }, missedIn?: string) {
  const { questionId, order } = item
  const _id = entryId(userId, questionId)
  const seen = { shownAt: withheld?.until ?? at, quizId: withheld?.quizId ?? null, order, ...(missedIn ? { missedIn } : {}) }
  const again = { $inc: { misses: 1 }, $set: { streak: 0, mastered: false, lastMissedAt: at, ...seen } }
  const unseen = { _id, ...(missedIn ? { missedIn: { $ne: missedIn } } : {}) }
  if (await wrongBook(store).update(unseen, again)) return
  if (!(await wrongBook(store).insertIfAbsent({ _id, userId, questionId, misses: 1, streak: 0, lastMissedAt: at, mastered: false, ...seen }))) await wrongBook(store).update(unseen, again)
}

/** Once a quiz shows its answers to the person (their last attempt, under afterLast), the misses it kept out of sight come in. */
export const revealMisses = (store: Store, userId: string, quizId: string, at: string) =>
  wrongBook(store).update({ userId, quizId, shownAt: { $gt: at } }, { $set: { shownAt: at } }, { multi: true })

/** A right answer in practice moves a question in the book one step towards leaving it. */
export async function answeredRight(store: Store, userId: string, questionId: string) {
  const entry = await wrongBook(store).findOne({ _id: entryId(userId, questionId), mastered: false })
  if (!entry) return
  const streak = entry.streak + 1
  await wrongBook(store).update({ _id: entry._id, streak: entry.streak }, { $set: { streak, mastered: streak >= MASTERED_AFTER } })
}

export async function list(input: { page: number; pageSize: number }, { caller, deps }: ActionContext): Promise<Page<WrongItem>> {
  const q = shownBy(caller._id, deps.clock.now())
  const [entries, total] = await Promise.all([
    wrongBook(deps.store).find(q, { sort: { lastMissedAt: -1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    wrongBook(deps.store).count(q)
  ])
  const questions = await quizRepository(deps.store).questions(entries.map((e) => e.questionId))
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId)
    if (!q) return []
    const order = e.order ?? q.options.map((_, i) => i)
    return [{ questionId: q._id, kind: q.kind, stem: q.stem, point: q.point, options: order.map((i) => q.options[i]), answer: toShown(order, q.answer), explanation: q.explanation, source: q.source, misses: e.misses, streak: e.streak, lastMissedAt: e.lastMissedAt }]
  })
  return { items, total, page: input.page, pageSize: input.pageSize }
}
