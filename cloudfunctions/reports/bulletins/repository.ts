import { weightsOf, type AssessmentWeights, type AssessmentWeightsSetting, type Bulletin, type BulletinKind, type BulletinStatus, type Ranking } from '../../../types/bulletins'
import type { Report } from '../../../types/domain'
import { activities, bulletins, bulletinYears, dayTallies, quizTallies, quizzes, rankings, reports, settings, signups, stars } from '../../core/collections'
import { notFound } from '../../core/errors'
import { findAll, pagesBy, pagesOf } from '../../core/pages'
import type { Figure, Query, Store, Update } from '../../core/ports'
import { WITH_DEPARTMENT } from '../state'

/*
 * Every query of 通报 and 考核. A bulletin reports on volunteers and quizzes too, and the reports function reads
 * their collections here, read-only: a function cannot call another in-process in CloudBase (a call between
 * functions is a network round trip, billed and slower, for a handful of counts), and the figures it needs are
 * the running tallies and indexed ranges those functions keep for their own dashboards. Nothing here writes to
 * another function's collection.
 */

/** The day-tally measures the fix rate is made of. */
const RATE_MEASURES = ['n', 'onSpot', 'byDeadline', 'fixed'] as const
type RateMeasures = Record<(typeof RATE_MEASURES)[number], number>

/** One figure per unit (named by position, as figure names become field names), answered back by unit. */
async function perUnit<M extends string>(ids: string[], measures: readonly M[], figure: (id: string, measure: M) => Figure, tally: (figures: Record<string, Figure>) => Promise<Record<string, number>>) {
  const sums = await tally(Object.fromEntries(ids.flatMap((id, i) => measures.map((m) => [`${m}${i}`, figure(id, m)]))))
  return new Map(ids.map((id, i) => [id, Object.fromEntries(measures.map((m) => [m, sums[`${m}${i}`] ?? 0])) as Record<M, number>]))
}

export type StoredBulletin = Bulletin & { period: string }

export interface BulletinFilter {
  kind?: BulletinKind
  status?: BulletinStatus
}

const listQuery = ({ kind, status }: BulletinFilter): Query => ({ ...(status ? { status } : {}), ...(kind ? { kind } : {}) })

/** What the figures read of a case filed in the period. */
const FILED_FIELDS = { createdAt: 1, departmentId: 1, source: 1, onSpot: 1, assignedAt: 1, fixedAt: 1, deadline: 1 } as const
/** What the figures read of a case that ran late: the overdue list shows it. */
const LATE_FIELDS = { no: 1, categoryName: 1, 'location.address': 1, departmentId: 1, deadline: 1, fixedAt: 1, photos: 1 } as const

export type FiledCase = Pick<Report, '_id' | keyof typeof FILED_FIELDS>
export type LateCase = Pick<Report, '_id' | 'no' | 'categoryName' | 'departmentId' | 'deadline' | 'fixedAt' | 'photos'> & { location: { address: string } }
export type Confirmed = Pick<Report, '_id' | 'departmentId' | 'confirmation'>

export function bulletinRepository(store: Store) {
  return {
    async get(id: string) {
      const bulletin = await bulletins(store).findOne({ _id: id })
      if (!bulletin) throw notFound('该通报')
      return bulletin
    },
    find: (id: string) => bulletins(store).findOne({ _id: id }),
    ofPeriod: (period: string) => bulletins(store).findOne({ period }),
    /** Answers false when the period already has its bulletin (the unique index on `period`) or the id is taken. */
    insert: (bulletin: StoredBulletin) => bulletins(store).insertIfAbsent(bulletin),
    /** Changes a draft only while it is one: a publish that came first wins. */
    updateDraft: (id: string, update: Update) => bulletins(store).update({ _id: id, status: 'draft' }, update),
    page: (filter: BulletinFilter, skip: number, limit: number) => bulletins(store).find(listQuery(filter), { sort: { createdAt: -1 }, skip, limit, projection: { figures: 0 } }),
    count: (filter: BulletinFilter) => bulletins(store).count(listQuery(filter)),
    /** The year's next number from its counter; a refused create rolls its take back with its transaction, so numbers have no gaps. */
    async nextNumber(year: number) {
      const key = String(year)
      const taken = await bulletinYears(store).take({ _id: key }, 'value')
      if (taken !== null) return taken
      await bulletinYears(store).insertIfAbsent({ _id: key, value: 0 })
      return (await bulletinYears(store).take({ _id: key }, 'value'))!
    },

    async weights(): Promise<AssessmentWeights> {
      return weightsOf((await settings(store).findOne({ _id: 'assessmentWeights' })) as AssessmentWeightsSetting | null)
    },
    frozen: (month: string) => rankings(store).findOne({ _id: month }),
    frozenMonths: (months: string[]) => rankings(store).find({ _id: { $in: months } }, { limit: months.length }),
    /** A month's ranking is frozen once: a second publish of the month (there is none) would change nothing. */
    freeze: (ranking: Ranking) => rankings(store).insertIfAbsent({ _id: ranking.month, ...ranking }),

    /** The cases filed in [from, until), oldest first, a page at a time. */
    filedPages: (from: string, until: string) => pagesBy(reports(store), { createdAt: { $gte: from, $lt: until } }, 'createdAt', 1, FILED_FIELDS),
    /**
     * The cases due before `until` that were not fixed by `since`: those with a unit still, and those fixed since.
     * A case a unit fixed before `since` is not read, so the read grows with the late cases, not with history.
     */
    async lateSince(since: string, until: string): Promise<LateCase[]> {
      const open = pagesOf(reports(store), { status: { $in: WITH_DEPARTMENT }, deadline: { $lt: until } }, LATE_FIELDS)
      const fixedSince = pagesOf(reports(store), { fixedAt: { $gte: since }, deadline: { $lt: until } }, LATE_FIELDS)
      const late = new Map<string, LateCase>()
      for (const pages of [open, fixedSince]) for await (const page of pages) for (const c of page as LateCase[]) late.set(c._id, c)
      return [...late.values()]
    },
    /** Per unit, what the fix rate is made of for the cases filed on Beijing days [from, to]: from their day tallies. */
    filedByUnit: (ids: string[], from: string, to: string): Promise<Map<string, RateMeasures>> =>
      perUnit(ids, RATE_MEASURES, (id, m) => ({ where: { value: id }, sum: m }), (figures) => dayTallies(store).tally({ family: 'departmentId', day: { $gte: from, $lte: to } }, figures)),
    /** Per unit, the cases the sweep marked overdue that are still with it, and those it fixed since `since` after their deadline. */
    async overdueByUnit(ids: string[], since: string): Promise<Map<string, number>> {
      const [open, fixedLate] = await Promise.all([
        perUnit(ids, ['n'], (id) => ({ where: { value: id }, sum: 'n' }), (figures) => dayTallies(store).tally({ family: 'departmentId', status: { $in: WITH_DEPARTMENT }, overdue: true }, figures)),
        perUnit(ids, ['n'], (id) => ({ where: { departmentId: id } }), (figures) => reports(store).tally({ fixedAt: { $gte: since }, overdue: true }, figures))
      ])
      return new Map(ids.map((id) => [id, open.get(id)!.n + fixedLate.get(id)!.n]))
    },
    /** The cases residents said in [from, until) were not resolved, with their unit. */
    unresolvedIn: (from: string, until: string) =>
      findAll(reports(store), { 'confirmation.at': { $gte: from, $lt: until }, 'confirmation.state': 'unresolved' }, { departmentId: 1 }) as Promise<Pick<Report, '_id' | 'departmentId'>[]>,
    /** Residents' confirmations given in [from, until). */
    confirmations: (from: string, until: string) => findAll(reports(store), { 'confirmation.at': { $gte: from, $lt: until } }, { departmentId: 1, confirmation: 1 }) as Promise<Confirmed[]>,

    // read-only: 志愿服务 (volunteer) and 知识答题 (quiz)
    async volunteering(from: string, until: string) {
      const held = await findAll(activities(store), { startAt: { $gte: from, $lt: until }, status: 'published' }, { _id: 1 })
      if (!held.length) return { activities: 0, attendances: 0, hours: 0 }
      const served = await signups(store).tally({ activityId: { $in: held.map((a) => a._id) }, hours: { $gt: 0 } }, { attendances: {}, hours: { sum: 'hours' } })
      return { activities: held.length, ...served }
    },
    publishedStars: (month: string) => stars(store).findOne({ _id: month, status: 'published' }),
    /** The campaign quiz opened last before `until`: the one running at the period's end, or the last one run. */
    async quizBefore(until: string) {
      const [quiz] = await quizzes(store).find({ opensAt: { $lt: until } }, { sort: { opensAt: -1 }, limit: 1, projection: { title: 1 } })
      return quiz ?? null
    },
    /** A quiz's people and passes, from the running tally its gradings keep. */
    quizPeople: (quizId: string) => quizTallies(store).findOne({ _id: `${quizId}:all:all` })
  }
}

export type BulletinRepository = ReturnType<typeof bulletinRepository>
