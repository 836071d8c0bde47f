import { EXTRA_TIME_REASON_LABELS, type ExtraTimeReason, type QuizPerson } from '../../types/quiz'
import type { User } from '../../types/domain'
import type { ActionContext } from '../core/action'
import type { Deps } from '../core/ports'
import { isPhoneWord, takePhoneSearch } from '../core/phone-search'
import { quizRepository } from './repository'
import { deadlineOf } from './rules'
import { toPerson } from './views'

/** How many people one search or the list of grants shows: the office narrows the word rather than pages. */
const SHOWN = 20

/** Without a word, the people granted extra time for the quiz, latest first; with one, people by nickname or phone. */
export async function people(input: { quizId: string; keyword?: string }, { caller, deps }: ActionContext): Promise<QuizPerson[]> {
  const repo = quizRepository(deps.store)
  const quiz = await repo.quiz(input.quizId)
  const word = input.keyword
  if (!word) {
    const grants = await repo.grantsOf(quiz._id, SHOWN)
    const found = new Map((await repo.people(grants.map((g) => g.userId))).map((u) => [u._id, u]))
    return present(deps, quiz._id, grants.flatMap((g) => found.get(g.userId) ?? []))
  }
  if (isPhoneWord(word)) await takePhoneSearch(deps, caller._id)
  return present(deps, quiz._id, isPhoneWord(word) ? await repo.byPhone(word, SHOWN) : await repo.named(word, SHOWN))
}

/**
 * The office gives a person more time for a quiz, as a 长辈 or on their request. The deadline of the paper they are
 * answering moves at once, and every later paper of the quiz starts with it; a paper never loses time it was given.
 */
export async function grantTime(input: { quizId: string; userId: string; minutes: number; reason: ExtraTimeReason }, { caller, deps }: ActionContext): Promise<QuizPerson> {
  const repo = quizRepository(deps.store)
  const quiz = await repo.quiz(input.quizId)
  const person = await repo.user(input.userId)
  const at = deps.clock.now().toISOString()
  await repo.setGrant({ quizId: quiz._id, userId: person._id, minutes: input.minutes, reason: input.reason, by: caller._id, at })
  const [open] = await repo.openAt(quiz._id, [person._id])
  if (open) {
    const deadline = deadlineOf(quiz, new Date(open.startedAt), input.minutes).toISOString()
    await repo.extend(open._id, deadline, input.minutes, at, `创文办延长 ${input.minutes} 分钟（${EXTRA_TIME_REASON_LABELS[input.reason]}）`)
  }
  return (await present(deps, quiz._id, [person]))[0]
}

/** Each person with where they are bound, their grant and the deadline of the paper they are answering. */
async function present(deps: Deps, quizId: string, found: User[]): Promise<QuizPerson[]> {
  const repo = quizRepository(deps.store)
  const ids = found.map((u) => u._id)
  const [grants, open, profiles] = await Promise.all([repo.grantsFor(quizId, ids), repo.openAt(quizId, ids), repo.profiles(ids)])
  const named = await repo.units(profiles.flatMap((p) => [p.schoolId, p.communityId]))
  return found.map((u) =>
    toPerson(
      u,
      profiles.find((p) => p._id === u._id) ?? null,
      named,
      grants.find((g) => g.userId === u._id) ?? null,
      open.find((a) => a.userId === u._id) ?? null
    )
  )
}
