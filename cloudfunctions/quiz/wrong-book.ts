import type { Page } from '../../types/api'
import { MASTERED_AFTER, type WrongItem } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import type { Store } from '../core/ports'
import { quizRepository } from './repository'
import { toShown } from './rules'

/** A right answer in practice moves a question in the book one step towards leaving it. */
export async function answeredRight(store: Store, userId: string, questionId: string) {
  const repo = quizRepository(store)
  const entry = await repo.unmastered(userId, questionId)
  if (!entry) return
  const streak = entry.streak + 1
  await repo.setStreak(entry, streak, streak >= MASTERED_AFTER)
}

export async function list(input: { page: number; pageSize: number }, { caller, deps }: ActionContext): Promise<Page<WrongItem>> {
  const repo = quizRepository(deps.store)
  const { entries, total } = await repo.wrongPage(caller._id, deps.clock.now(), input.page, input.pageSize)
  const questions = await repo.questions(entries.map((e) => e.questionId))
  const items = entries.flatMap((e) => {
    const q = questions.get(e.questionId)
    if (!q) return []
    const order = e.order ?? q.options.map((_, i) => i)
    return [{ questionId: q._id, kind: q.kind, stem: q.stem, point: q.point, options: order.map((i) => q.options[i]), answer: toShown(order, q.answer), explanation: q.explanation, source: q.source, misses: e.misses, streak: e.streak, lastMissedAt: e.lastMissedAt }]
  })
  return { items, total, page: input.page, pageSize: input.pageSize }
}
