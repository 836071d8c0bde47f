import type { UnitView } from '../../types/api'
import type { ProfileView, QuizCard, QuizHome, QuizProfile, Unit } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { invalid } from '../core/errors'
import type { Store } from '../core/ports'
import { ineligibility, settle } from './attempts'
import { quizRepository } from './repository'
import { questionCount, quizState } from './views'

/** Closed quizzes stay on the home page this long, so people can still look at their results. */
const SHOW_CLOSED_DAYS = 30

export const toUnitView = (u: Unit): UnitView => ({ id: u._id, kind: u.kind, name: u.name, classes: u.classes, members: u.members })

async function profileView(store: Store, profile: QuizProfile): Promise<ProfileView> {
  const named = await quizRepository(store).units([profile.schoolId, profile.communityId])
  const ref = (id: string | null) => (id && named.has(id) ? { id, name: named.get(id)!.name } : null)
  return { school: ref(profile.schoolId), className: profile.schoolId ? profile.className : null, community: ref(profile.communityId), confirmed: !!profile.schoolId && !!profile.confirmed }
}

/** The quiz home: who I am for the rankings, the campaign quizzes I can see with my standing, my practice. */
export async function home({ caller, deps }: ActionContext): Promise<QuizHome> {
  const repo = quizRepository(deps.store)
  const now = deps.clock.now()
  const profile = await repo.profile(caller._id)
  const shown = await repo.shown(new Date(now.getTime() - SHOW_CLOSED_DAYS * 86400_000).toISOString())
  const ids = shown.map((q) => q._id)
  const [mine, bests, wrongCount, practiced] = await Promise.all([repo.triesAtAny(caller._id, ids), repo.bestsAt(caller._id, ids), repo.wrongCount(caller._id, now), repo.practised(caller._id)])
  const cards: QuizCard[] = []
  for (const quiz of shown) {
    const tries = mine.filter((a) => a.quizId === quiz._id)
    let open = tries.find((a) => a.status === 'open') ?? null
    if (open && (await settle(deps, await repo.attempt(open._id, caller._id))).status !== 'open') open = null
    const best = bests.find((b) => b.quizId === quiz._id)
    const reason = ineligibility(quiz, profile)
    const state = quizState(quiz, now)
    cards.push({
      id: quiz._id,
      title: quiz.title,
      description: quiz.description,
      opensAt: quiz.opensAt,
      closesAt: quiz.closesAt,
      questionCount: questionCount(quiz),
      timeLimitMinutes: quiz.timeLimitMinutes,
      passMark: quiz.passMark,
      attemptsAllowed: quiz.attemptsAllowed,
      attemptsUsed: tries.length,
      audience: quiz.audience,
      state: state === 'open' && reason ? 'not-eligible' : state,
      reason: state === 'open' ? reason : null,
      best: best ? { score: best.score, passed: best.passed } : null,
      openAttemptId: open?._id ?? null,
      lastAttemptId: tries.filter((a) => a._id !== open?._id).at(-1)?._id ?? null
    })
  }
  return { profile: await profileView(deps.store, profile), quizzes: cards, wrongCount, practiced }
}

/** What the caller has bound, for the binding page: nothing else is read or graded. */
export async function profile({ caller, deps }: ActionContext): Promise<ProfileView> {
  return profileView(deps.store, await quizRepository(deps.store).profile(caller._id))
}

export async function listUnits(input: { kind: Unit['kind'] }, { deps }: ActionContext): Promise<UnitView[]> {
  return (await quizRepository(deps.store).unitsOf(input.kind)).map(toUnitView)
}

/**
 * A student binds school and class, a resident a community; the rankings and rates count them there from now on.
 * A student who gives the class's invitation code is confirmed; one who does not is counted apart from the school.
 */
export async function bind(input: { schoolId?: string | null; className?: string | null; communityId?: string | null; code?: string }, { caller, deps }: ActionContext): Promise<ProfileView> {
  const repo = quizRepository(deps.store)
  const current = await repo.profile(caller._id)
  const next: QuizProfile = {
    _id: caller._id,
    schoolId: input.schoolId === undefined ? current.schoolId : input.schoolId,
    className: input.className === undefined ? current.className : input.className,
    communityId: input.communityId === undefined ? current.communityId : input.communityId,
    confirmed: false,
    updatedAt: deps.clock.now().toISOString()
  }
  const named = await repo.units([next.schoolId, next.communityId])
  if (next.schoolId) {
    const school = named.get(next.schoolId)
    if (school?.kind !== 'school') throw invalid('schoolId', '没有这所学校，请重新选择')
    if (!next.className) throw invalid('className', '请选择班级')
    if (!school.classes.includes(next.className)) throw invalid('className', `${school.name}没有“${next.className}”，请重新选择班级`)
    if (input.code && school.codes?.[next.className] !== input.code) throw invalid('code', '邀请码不对，请向班主任核对')
    const sameClass = current.schoolId === next.schoolId && current.className === next.className
    next.confirmed = !!input.code || (sameClass && !!current.confirmed)
  } else {
    next.className = null
  }
  if (next.communityId && named.get(next.communityId)?.kind !== 'community') throw invalid('communityId', '没有这个社区，请重新选择')
  await repo.saveProfile(next)
  return profileView(deps.store, next)
}
