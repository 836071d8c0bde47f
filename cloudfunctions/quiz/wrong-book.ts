import type { Page } from '../../types/api'
import { MASTERED_AFTER, type WrongItem } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { wrongBook } from '../core/collections'
import { DuplicateKeyError, type Store } from '../core/ports'
import { quizRepository } from './repository'

const entryId = (userId: string, questionId: string) => `${userId}:${questionId}`

/** A miss puts the question (back) in the book and starts its streak again. */
export async function missed(store: Store, userId: string, questionId: string, at: string) {
  const _id = entryId(userId, questionId)
  const again = { $inc: { misses: 1 }, $set: { streak: 0, mastered: false, lastMissedAt: at } }
  if (await wrongBook(store).update({ _id }, again)) return
  try {
    await wrongBook(store).insert({ _id, userId, questionId, misses: 1, streak: 0, lastMissedAt: at, mastered: false })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    await wrongBook(store).update({ _id }, again)
  }
}

/** A right answer in practice moves a question in the book one step towards leaving it. */
export async function answeredRight(store: Store, userId: string, questionId: string) {
  const entry = await wrongBook(store).findOne({ _id: entryId(userId, questionId), mastered: false })
  if (!entry) return
  const streak = entry.streak + 1
  await wrongBook(store).update({ _id: entry._id, streak: entry.streak }, { $set: { streak, mastered: streak >= MASTERED_AFTER } })
}

export async function list(input: { page: number; pageSize: number }, { caller, deps }: ActionContext): Promise<Page<WrongItem>> {
  const q = { userId: caller._id, mastered: false }
  const [entries, total] = await Promise.all([
    wrongBook(deps.store).find(q, { sort: { lastMissedAt: -1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    wrongBook(deps.store).count(q)
  ])
  const questions = await quizRepository(deps.store).questions(entries.map((e) => e.questionId))
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId)
    if (!q) return []
    return [{ questionId: q._id, kind: q.kind, stem: q.stem, point: q.point, options: q.options, answer: q.answer, explanation: q.explanation, source: q.source, misses: e.misses, streak: e.streak, lastMissedAt: e.lastMissedAt }]
  })
  return { items, total, page: input.page, pageSize: input.pageSize }
}
