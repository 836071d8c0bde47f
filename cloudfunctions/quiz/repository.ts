import type { AnswerCounts, Attempt, AttemptItem, Question, Quiz, QuizBest, QuizProfile, QuizTally, TimeGrant, Unit, WrongEntry } from '../../types/quiz'
import type { Pending } from '../core/moves'
import { attempts, counters, questions, quizBest, quizGrants, quizProfiles, quizTallies, quizzes, units, users, volunteers, wrongBook } from '../core/collections'
import { notFound } from '../core/errors'
import { findAll, textOrder } from '../core/pages'
import { phoneMatch } from '../core/phone-search'
import { containing } from '../core/search'
import type { Query, Store } from '../core/ports'

export const tallyId = (quizId: string, scope: QuizTally['scope'], key: string) => `${quizId}:${scope}:${key}`

const wrongId = (userId: string, questionId: string) => `${userId}:${questionId}`

/** The person's wrong-book entries still to practise whose answers may be shown by `now`. */
const shownBy = (userId: string, now: Date): Query => ({ userId, mastered: false, $or: [{ shownAt: { $lte: now.toISOString() } }, { shownAt: { $exists: false } }] })

const paged = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, limit: pageSize })

export function quizRepository(store: Store) {
  const gradings = () => store.collection<Attempt & { pending?: Pending | null }>('attempts')
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
    gradedOf: (q: { quizId: string; userId?: string }) => findAll(gradings(), { ...q, status: 'graded' }),
    /** Attempts with the steps of their grading still to take (core/moves.ts). */
    gradings,
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
    },

    // ------------------------------------------------------------ attempts

    /** The person's attempts at a quiz, without their papers. */
    triesAt: (userId: string, quizId: string, limit: number) => attempts(store).find({ userId, quizId }, { limit, projection: { items: 0 } }),
    /** The person's attempts at any of the quizzes, oldest first, without their papers. */
    triesAtAny: (userId: string, quizIds: string[]) =>
      quizIds.length ? attempts(store).find({ userId, quizId: { $in: quizIds } }, { sort: { startedAt: 1 }, limit: 200, projection: { items: 0 } }) : Promise.resolve([]),
    used: (userId: string, quizId: string) => attempts(store).count({ userId, quizId }),
    gradedCount: (userId: string, quizId: string) => attempts(store).count({ userId, quizId, status: 'graded' }),
    practised: (userId: string) => attempts(store).count({ userId, kind: { $in: ['practice', 'wrong'] }, status: 'graded' }),
    /** Open attempts whose time ran out by `now`. */
    due: (now: string, limit: number) => attempts(store).find({ status: 'open', deadline: { $lt: now } }, { limit }),
    /** A campaign attempt under its try's id, counted once; answers false when that try was made already. */
    async startTry(attempt: Attempt) {
      if (!(await attempts(store).insertIfAbsent(attempt))) return false
      await counters(store).update({ _id: 'quizAttempts' }, { $inc: { value: 1 } })
      return true
    },
    startPractice: (attempt: Attempt) => attempts(store).insert(attempt),
    /** A campaign answer, saved only while the attempt is open and in time. */
    saveChoice: (attemptId: string, index: number, choice: number[] | null, at: string) =>
      attempts(store).update({ _id: attemptId, status: 'open', deadline: { $gt: at } }, { $set: { [`items.${index}.choice`]: choice } }),
    /** A practice answer with its verdict, only if the question was not answered yet. */
    checkChoice: (attemptId: string, index: number, choice: number[], correct: boolean) =>
      attempts(store).update({ _id: attemptId, status: 'open', [`items.${index}.correct`]: null }, { $set: { [`items.${index}.choice`]: choice, [`items.${index}.correct`]: correct } }),
    /** The open → graded write; answers whether this grading won it. */
    grade: (attemptId: string, changes: Partial<Attempt> & { pending?: Pending }, note: string, at: string) =>
      attempts(store).update({ _id: attemptId, status: 'open' }, { $set: changes, $push: { history: { at, from: 'open', to: 'graded', note } } }),
    /** The open papers of a quiz among these people's. */
    openAt: (quizId: string, userIds: string[]) =>
      userIds.length ? attempts(store).find({ quizId, userId: { $in: userIds }, status: 'open' }, { limit: userIds.length, projection: { items: 0 } }) : Promise.resolve([]),
    /** A quiz's open papers due after `closesAt` made due then (the sweep grades them when it comes). */
    closeOpenBy: (quizId: string, closesAt: string) => attempts(store).update({ quizId, status: 'open', deadline: { $gt: closesAt } }, { $set: { deadline: closesAt } }, { multi: true }),
    /** Moves an open paper's deadline later, only while it is still in time: one whose time ran out is graded as it stood. */
    extend: (attemptId: string, deadline: string, extraMinutes: number, at: string, note: string) =>
      attempts(store).update(
        { _id: attemptId, status: 'open', deadline: { $gt: at, $lt: deadline } },
        { $set: { deadline, extraMinutes }, $push: { history: { at, from: 'open', to: 'open', note } } }
      ),

    // ------------------------------------------------------------ extra time

    grant: (quizId: string, userId: string) => quizGrants(store).findOne({ _id: `${quizId}:${userId}` }),
    grantsFor: async (quizId: string, userIds: string[]) =>
      userIds.length ? quizGrants(store).find({ _id: { $in: userIds.map((u) => `${quizId}:${u}`) } }, { limit: userIds.length }) : [],
    /** The latest people granted extra time for a quiz. */
    grantsOf: (quizId: string, limit: number) => quizGrants(store).find({ quizId }, { sort: { at: -1 }, limit }),
    /** Sets the person's grant, creating it on first use; safe when two grants race to create it. */
    async setGrant(grant: Omit<TimeGrant, '_id' | 'history'>) {
      const _id = `${grant.quizId}:${grant.userId}`
      const { minutes, reason, by, at } = grant
      const change = { $set: { minutes, reason, by, at }, $push: { history: { at, by, minutes, reason } } }
      if (!(await quizGrants(store).update({ _id }, change)) && !(await quizGrants(store).insertIfAbsent({ _id, ...grant, history: [{ at, by, minutes, reason }] }))) {
        await quizGrants(store).update({ _id }, change)
      }
    },
    /** People whose nickname holds the word, newest first. */
    named: (word: string, limit: number) => users(store).find({ nickname: containing(word) }, { sort: { createdAt: -1 }, limit }),
    /** People whose volunteer phone matches (its last four digits or the whole number). */
    async byPhone(word: string, limit: number) {
      const ids = (await volunteers(store).find({ phone: phoneMatch(word) }, { projection: { _id: 1 }, limit })).map((v) => v._id)
      return ids.length ? users(store).find({ _id: { $in: ids } }, { limit: ids.length }) : []
    },
    people: async (ids: string[]) => (ids.length ? users(store).find({ _id: { $in: ids } }, { limit: ids.length }) : []),
    async user(id: string) {
      const found = await users(store).findOne({ _id: id })
      if (!found) throw notFound('该用户')
      return found
    },
    profiles: async (ids: string[]) => (ids.length ? quizProfiles(store).find({ _id: { $in: ids } }, { limit: ids.length }) : []),

    // ------------------------------------------------------------ wrong-answer book

    async wrongPage(userId: string, now: Date, page: number, pageSize: number) {
      const q = shownBy(userId, now)
      const [entries, total] = await Promise.all([wrongBook(store).find(q, { sort: { lastMissedAt: -1 }, ...paged(page, pageSize) }), wrongBook(store).count(q)])
      return { entries, total }
    },
    wrongCount: (userId: string, now: Date) => wrongBook(store).count(shownBy(userId, now)),
    /** The latest misses to practise again. */
    toPractise: (userId: string, now: Date) => wrongBook(store).find(shownBy(userId, now), { sort: { lastMissedAt: -1 }, limit: 100 }),
    /**
     * A miss puts the question (back) in the book and starts its streak again; a campaign quiz that withholds its
     * answers keeps it out of sight until `withheld.until`. A graded attempt names itself (`missedIn`), so its
     * grading's step taken again does not count the miss twice.
     */
    async miss(userId: string, item: Pick<AttemptItem, 'questionId' | 'order'>, at: string, withheld?: { until: string; quizId: string }, missedIn?: string) {
      const { questionId, order } = item
      const _id = wrongId(userId, questionId)
      const seen = { shownAt: withheld?.until ?? at, quizId: withheld?.quizId ?? null, order, ...(missedIn ? { missedIn } : {}) }
      const again = { $inc: { misses: 1 }, $set: { streak: 0, mastered: false, lastMissedAt: at, ...seen } }
      const unseen = { _id, ...(missedIn ? { missedIn: { $ne: missedIn } } : {}) }
      if (await wrongBook(store).update(unseen, again)) return
      if (!(await wrongBook(store).insertIfAbsent({ _id, userId, questionId, misses: 1, streak: 0, lastMissedAt: at, mastered: false, ...seen }))) await wrongBook(store).update(unseen, again)
    },
    /** The misses a quiz kept out of the person's sight come in at `at`. */
    reveal: (userId: string, quizId: string, at: string) => wrongBook(store).update({ userId, quizId, shownAt: { $gt: at } }, { $set: { shownAt: at } }, { multi: true }),
    unmastered: (userId: string, questionId: string) => wrongBook(store).findOne({ _id: wrongId(userId, questionId), mastered: false }),
    /** Compare-and-set on the streak read, so two right answers at once count one step. */
    setStreak: (entry: WrongEntry, streak: number, mastered: boolean) => wrongBook(store).update({ _id: entry._id, streak: entry.streak }, { $set: { streak, mastered } }),

    // ------------------------------------------------------------ people, bests and the board

    person: async (userId: string) => (await users(store).findOne({ _id: userId }))!,
    /** Quizzes closing after `since`, newest first: the home page's. */
    shown: (since: string) => quizzes(store).find({ closesAt: { $gte: since } }, { sort: { opensAt: -1 }, limit: 20 }),
    bestsAt: (userId: string, quizIds: string[]) =>
      quizIds.length ? quizBest(store).find({ _id: { $in: quizIds.map((id) => `${id}:${userId}`) } }, { limit: quizIds.length }) : Promise.resolve([]),
    best: (quizId: string, userId: string) => quizBest(store).findOne({ _id: `${quizId}:${userId}` }),
    /** A person's first best; answers false when one is there already. */
    firstBest: (best: QuizBest) => quizBest(store).insertIfAbsent(best),
    insertBest: (best: QuizBest) => quizBest(store).insert(best),
    setBest: (id: string, result: Partial<QuizBest>) => quizBest(store).update({ _id: id }, { $set: result }),
    countTry: (id: string) => quizBest(store).update({ _id: id }, { $inc: { attempts: 1 } }),
    /** Replaces the best only if it is still the one compared against. */
    replaceBest: (best: QuizBest, result: Partial<QuizBest>) => quizBest(store).update({ _id: best._id, score: best.score, seconds: best.seconds }, { $set: result, $inc: { attempts: 1 } }),
    async board(quizId: string, skip: number, limit: number) {
      const q = { quizId }
      const [found, total] = await Promise.all([quizBest(store).find(q, { sort: { score: -1, seconds: 1, at: 1 }, skip, limit }), quizBest(store).count(q)])
      return { found, total }
    },
    /** Creates the profile, or sets its fields; safe when two binds race to create it. */
    async saveProfile(profile: QuizProfile) {
      const { _id, ...fields } = profile
      if (!(await quizProfiles(store).update({ _id }, { $set: fields })) && !(await quizProfiles(store).insertIfAbsent(profile))) {
        await quizProfiles(store).update({ _id }, { $set: fields })
      }
    },

    // ------------------------------------------------------------ units

    // a city's schools or communities can pass 1,000: read in pages, put in order here
    unitsOf: async (kind: Unit['kind']) => (await findAll(units(store), { kind })).sort(textOrder((u) => u.name)),
    unit: (id: string) => units(store).findOne({ _id: id }),
    unitNamed: (kind: Unit['kind'], name: string) => units(store).findOne({ kind, name }),
    school: (id: string) => units(store).findOne({ _id: id, kind: 'school' }),
    setUnit: (id: string, fields: Partial<Unit>) => units(store).update({ _id: id }, { $set: fields }),
    insertUnit: (unit: Unit) => units(store).insert(unit),

    // ------------------------------------------------------------ the bank and quizzes

    async questionPage(q: Query, page: number, pageSize: number) {
      const [found, total] = await Promise.all([questions(store).find(q, { sort: { point: 1, createdAt: 1 }, ...paged(page, pageSize) }), questions(store).count(q)])
      return { found, total }
    },
    /** How many active questions each knowledge point has. */
    activeByPoint: () => questions(store).countBy({ active: true }, 'point'),
    question: (id: string) => questions(store).findOne({ _id: id }),
    questionByKey: (key: string) => questions(store).findOne({ key }),
    /** Which of the stem keys the bank holds. */
    knownKeys: async (keys: string[]) => new Set(keys.length ? (await questions(store).find({ key: { $in: keys } }, { projection: { key: 1 }, limit: keys.length })).map((q) => q.key) : []),
    /** A new question; answers false when the bank has its stem already. */
    addQuestion: (question: Question) => questions(store).insertIfAbsent(question),
    setQuestion: (id: string, fields: Partial<Question>) => questions(store).update({ _id: id }, { $set: fields }),
    async quizPage(page: number, pageSize: number) {
      const [found, total] = await Promise.all([quizzes(store).find({}, { sort: { opensAt: -1 }, ...paged(page, pageSize) }), quizzes(store).count({})])
      return { found, total }
    },
    /** A new quiz under its request's id, counted once; answers false when it was made already. */
    async addQuiz(quiz: Quiz) {
      if (!(await quizzes(store).insertIfAbsent(quiz))) return false
      await counters(store).update({ _id: 'quizzes' }, { $inc: { value: 1 } })
      return true
    },
    setQuiz: (id: string, fields: Partial<Quiz>) => quizzes(store).update({ _id: id }, { $set: fields }),
    /** Whether anyone's paper was graded: the overall tally is made by the first. */
    anyGraded: async (quizId: string) => !!(await quizTallies(store).count({ _id: tallyId(quizId, 'all', 'all') })),
    /** Each quiz's overall tally (participants, passed), by quiz id. */
    async totals(quizIds: string[]) {
      const found = quizIds.length ? await quizTallies(store).find({ _id: { $in: quizIds.map((id) => tallyId(id, 'all', 'all')) } }, { limit: quizIds.length }) : []
      return new Map(found.map((t) => [t.quizId, t]))
    },
    tallies: (quizId: string) => findAll(quizTallies(store), { quizId })
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
