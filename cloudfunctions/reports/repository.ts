import type { LedgerFilter } from '../../types/api'
import { DEFAULT_REJECT_REASONS, OPEN_REPORT_STATUSES, type Holidays, type PointsEntry, type RejectReasons, type Report, type ReportStatus, type TallyFamily, type TallyMeasures } from '../../types/domain'
import { categories, counters, dayTallies, departments, grids, points, reports, settings, sweeps, users } from '../core/collections'
import { notFound } from '../core/errors'
import { settle, type Pending } from '../core/moves'
import { findAll, pagesBy, pagesOf } from '../core/pages'
import type { Figure, Query, Store, Update } from '../core/ports'
import { endOfBeijingDay, startOfBeijingDay, type WorkCalendar } from '../../types/calendar'
import type { Week } from '../../types/cockpit'
import { CASE_FIGURES, familyFor, repairDue, TALLY_FAMILIES, TALLY_FIGURES, tallyChanges, tallyQuery, type Facts, type StatsFigures, type TallyChange } from './tallies'
import { FOLLOWABLE, HIDDEN, PUBLIC, SETTLED, WITH_DEPARTMENT } from './state'

type Box = { minLat: number; maxLat: number; minLng: number; maxLng: number }
const inBox = (box: Box) => ({ 'location.lat': { $gte: box.minLat, $lte: box.maxLat }, 'location.lng': { $gte: box.minLng, $lte: box.maxLng } })

/** What a feed item shows of a case. */
const FEED_FIELDS = { categoryName: 1, status: 1, description: 1, location: 1, photos: 1, createdAt: 1 } as const

/** Who else a move tells, besides the reporter: the case's department or the office (their staff), or its followers. */
export interface News {
  to: 'department' | 'office' | 'followers'
  title: string
  body: string
}

/** A move's steps left to take (core/moves.ts), with what they need: the case as it was, the notices. */
export interface CasePending extends Pending {
  from: Facts
  tell: { title: string; body: string } | null
  /** Left out by notes made before others were told as a step. */
  news?: News[]
}

export type StoredReport = Report & { hoursToFix?: number; pending?: CasePending | null }

const OPEN: readonly ReportStatus[] = OPEN_REPORT_STATUSES

/** A ledger filter as a store query; `open` means still waiting on someone. */
export function ledgerQuery(filter: LedgerFilter): Query {
  const q: Query = {}
  if (filter.status === 'open') q.status = { $in: [...OPEN_REPORT_STATUSES] }
  else if (filter.status) q.status = filter.status
  if (filter.categoryId) q.categoryId = filter.categoryId
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.gridId) q.gridId = filter.gridId
  // cases filed before sources were kept have none: they are residents'
  if (filter.source) q.source = filter.source === '随手拍' ? { $in: ['随手拍', null] } : filter.source
  if (filter.overdue !== undefined) q.overdue = filter.overdue
  const days = (from?: string, to?: string) => ({ ...(from ? { $gte: startOfBeijingDay(from) } : {}), ...(to ? { $lte: endOfBeijingDay(to) } : {}) })
  if (filter.from || filter.to) q.createdAt = days(filter.from, filter.to)
  // closed within the days and closed still, as the `closed` day tallies count them
  if (filter.closedFrom || filter.closedTo) Object.assign(q, { status: 'closed', closedAt: days(filter.closedFrom, filter.closedTo) })
  if (filter.dueFrom || filter.dueTo) q.deadline = days(filter.dueFrom, filter.dueTo)
  return q
}

const LEDGER_ROW_FIELDS = Object.fromEntries(
  ['no', 'source', 'createdAt', 'categoryName', 'description', 'location.address', 'gridId', 'departmentId', 'status', 'assignedAt', 'deadline', 'fixedAt', 'closedAt', 'overdue', 'onSpot', 'confirmation.rating'].map((f) => [f, 1 as const])
)

export function reportRepository(store: Store) {
  return {
    async get(id: string) {
      const report = await reports(store).findOne({ _id: id })
      if (!report) throw notFound('该问题')
      return report
    },
    find: (query: Query, options: Parameters<ReturnType<typeof reports>['find']>[1]) => reports(store).find(query, options),
    count: (query: Query) => reports(store).count(query),
    tally: <K extends string>(query: Query, figures: Record<K, Figure>) => reports(store).tally(query, figures),
    async insert(report: StoredReport) {
      await reports(store).insert(report)
      await addTallies(store, tallyChanges(null, report))
      return report
    },
    /**
     * Applies a change only if the case is still as it was read: two people acting at once cannot both win.
     * The day tallies follow in the same transaction; every field they count is changed by `$set`.
     */
    async update(report: StoredReport, update: Update) {
      const matched = await reports(store).update({ _id: report._id, status: report.status, updatedAt: report.updatedAt }, update)
      if (matched) await addTallies(store, tallyChanges(report, { ...report, ...(update.$set as Partial<StoredReport>) }))
      return matched
    },
    /** A move's own write, if the case is still as it was read; its tallies and counters follow as a step (`count`). */
    write: (report: StoredReport, update: Update) => reports(store).update({ _id: report._id, status: report.status, updatedAt: report.updatedAt }, update),
    /** What a move from `from` to `to` changes in the day tallies and the open and closed counters. */
    async countMove(from: Facts, to: Facts) {
      await addTallies(store, tallyChanges(from, to))
      const open = Number(OPEN.includes(to.status)) - Number(OPEN.includes(from.status))
      const closed = Number(to.status === 'closed') - Number(from.status === 'closed')
      await bump(store, { reportsOpen: open, reportsClosed: closed })
    },
    /** A points entry under its own id: written once however often it is tried. */
    award: (entry: PointsEntry) => points(store).insertIfAbsent(entry),
    /** Sets a user's balance to the sum of their points entries (core/moves.ts `settle`): taken again, it changes nothing. */
    settleBalance: (userId: string) => settle(users(store), userId, async () => ({ points: await points(store).sum({ userId }, 'points') })),
    /** How many cases a filter matches (of `statuses` when given): from the day tallies when one family answers. */
    total(filter: LedgerFilter, statuses?: readonly ReportStatus[]) {
      const family = familyFor(filter)
      const only = (q: Query) => (statuses ? { ...q, status: { $in: [...statuses] } } : q)
      if (family) return dayTallies(store).sum(only(tallyQuery(filter, family)), 'n')
      return reports(store).count(only(ledgerQuery(filter)))
    },
    /** How many cases the public may see: the open and the closed, as counted. */
    async publicTotal() {
      const held = await counters(store).find({ _id: { $in: ['reportsOpen', 'reportsClosed'] } }, { limit: 2 })
      return held.reduce((sum, c) => sum + c.value, 0)
    },
    /** The ledger's figures: from the day tallies when the filter names at most one of kind, department and grid. */
    stats(filter: LedgerFilter): Promise<StatsFigures> {
      const family = familyFor(filter)
      if (family) return dayTallies(store).tally(tallyQuery(filter, family), TALLY_FIGURES)
      return reports(store).tally(ledgerQuery(filter), CASE_FIGURES)
    },
    /**
     * Measures summed per week from one family's day tallies (`value` ''), in one tally whatever the number of
     * cases: what the cockpit's weeks and trend read.
     */
    async weekly<M extends keyof TallyMeasures>(family: TallyFamily, weeks: Week[], measures: M[], where: Query = {}): Promise<Record<M, number>[]> {
      const figures: Record<string, Figure> = {}
      weeks.forEach((w, i) => measures.forEach((m) => (figures[`${m}${i}`] = { where: { day: { $gte: w.from, $lte: w.to } }, sum: m })))
      const span = { $gte: weeks[0].from, $lte: weeks[weeks.length - 1].to }
      const sums = await dayTallies(store).tally({ family, value: '', ...where, day: span }, figures)
      return weeks.map((_, i) => Object.fromEntries(measures.map((m) => [m, sums[`${m}${i}`]])) as Record<M, number>)
    },
    /** A department's cases still with it that fall due in [from, to]: bounded by its open cases, not the ledger. */
    dueWithin: (departmentId: string, from: string, to: string) => reports(store).count({ departmentId, status: { $in: [...WITH_DEPARTMENT] }, deadline: { $gte: from, $lte: to } }),
    /** For fields the day tallies do not count (reminders, followers). */
    updateWhere: (query: Query, update: Update) => reports(store).update(query, update),

    // ------------------------------------------------------------ residents' reads and writes

    /** The case filed under this id, if any: a retried submit answers it. */
    filed: async (id: string) => (await reports(store).find({ _id: id }, { limit: 1 }))[0] as StoredReport | undefined,
    /** Up to 50 cases of a kind filed since `since` inside the box: the public ones, and the caller's own not yet accepted. */
    nearby: (q: { categoryId: string; userId: string; since: string; box: Box }) =>
      reports(store).find(
        {
          categoryId: q.categoryId,
          $or: [{ status: { $in: FOLLOWABLE } }, { status: 'submitted', reporterId: q.userId }],
          createdAt: { $gte: q.since },
          ...inBox(q.box)
        },
        { limit: 50 }
      ),
    /** A resident follows a case they did not file, once however often asked. */
    follow: (id: string, userId: string) => reports(store).update({ _id: id, reporterId: { $ne: userId }, followers: { $ne: userId } }, { $push: { followers: userId } }),
    /** The caller's own cases and those they follow (no more of them than the public sees), newest first. */
    async minePage(userId: string, scope: 'open' | 'closed' | 'all', page: number, pageSize: number) {
      const q = {
        $or: [{ reporterId: userId }, { followers: userId, status: { $in: PUBLIC } }],
        ...(scope === 'open' ? { status: { $nin: SETTLED } } : scope === 'closed' ? { status: { $in: SETTLED } } : {})
      }
      const [list, total] = await Promise.all([reports(store).find(q, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }), reports(store).count(q)])
      return { list, total }
    },
    /** A page of the public feed, newest first, with only what a feed item shows. */
    feedPage: (skip: number, limit: number) => reports(store).find({ status: { $nin: HIDDEN } }, { sort: { createdAt: -1 }, skip, limit, projection: FEED_FIELDS }),
    /** Where the newest 300 public cases inside the box are: the feed ranks on these. */
    feedAround: (box: Box) =>
      reports(store).find({ status: { $nin: HIDDEN }, ...inBox(box) }, { sort: { createdAt: -1 }, limit: 300, projection: { location: 1 } }) as Promise<Pick<Report, '_id' | 'location'>[]>,
    /** The feed items of the cases named. */
    feedItems: (ids: string[]) => reports(store).find({ _id: { $in: ids } }, { limit: ids.length, projection: FEED_FIELDS }),
    async category(id: string) {
      return categories(store).findOne({ _id: id, parentId: { $ne: null } })
    },
    async department(id: string) {
      return departments(store).findOne({ _id: id })
    },
    async grid(id: string) {
      return grids(store).findOne({ _id: id })
    },
    allGrids: () => findAll(grids(store), {}),
    allDepartments: () => findAll(departments(store), {}),
    /** The filtered ledger newest first, a page at a time, with only what the export shows. */
    ledgerPages: (filter: LedgerFilter) => pagesBy(reports(store), ledgerQuery(filter), 'createdAt', -1, LEDGER_ROW_FIELDS),
    async calendar(): Promise<WorkCalendar> {
      const doc = (await settings(store).findOne({ _id: 'holidays' })) as Holidays | null
      return { off: doc?.off ?? [], workdays: doc?.workdays ?? [] }
    },
    async rejectReasons(): Promise<string[]> {
      const doc = (await settings(store).findOne({ _id: 'rejectReasons' })) as RejectReasons | null
      return doc?.reasons ?? DEFAULT_REJECT_REASONS
    },
    async usersById(ids: string[]) {
      const wanted = [...new Set(ids)]
      const found = wanted.length ? await findAll(users(store), { _id: { $in: wanted } }) : []
      return new Map(found.map((u) => [u._id, u]))
    },
    handlersOf: (departmentId: string, limit: number) => users(store).find({ roles: 'handler', departmentId }, { limit }),
    admins: (limit: number) => users(store).find({ roles: 'admin' }, { limit }),
    async departmentsById(ids: (string | null | undefined)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => !!id))]
      const found = wanted.length ? await findAll(departments(store), { _id: { $in: wanted } }) : []
      return new Map(found.map((d) => [d._id, d]))
    },
    bump: (changes: Counted) => bump(store, changes),
    /** Sets the case counters to the ledger's own counts; answers how many were off. */
    repairCounters: () =>
      store.transaction(async () => {
        const keys = ['reports', 'reportsOpen', 'reportsClosed']
        // Locked before counting: a move that commits meanwhile bumps the counter after this sets it, not before
        await counters(store).update({ _id: { $in: keys } }, { $inc: { value: 0 } }, { multi: true })
        const truth = {
          reports: await reports(store).count({}),
          reportsOpen: await reports(store).count({ status: { $in: [...OPEN_REPORT_STATUSES] } }),
          reportsClosed: await reports(store).count({ status: 'closed' })
        }
        let repaired = 0
        for (const [key, value] of Object.entries(truth)) repaired += await counters(store).update({ _id: key, value: { $ne: value } }, { $set: { value } })
        return repaired
      }),
    /**
     * Sets the day tallies to what the cases say, once a night (or at once when there are none yet, as after
     * an upgrade, or when asked: a move was cut while counting): in CloudBase a move's steps are separate
     * writes, and a crash between them leaves a tally off. Answers how many tallies were off.
     */
    async repairTallies(now: Date, { now: atOnce = false } = {}) {
      const mark = await sweeps(store).findOne({ _id: 'tallies' })
      // tallies kept before the closing and due families were: rebuilt at once, not the next night
      const current = mark?.families === TALLY_FAMILIES
      const seeded = (current && !!(await dayTallies(store).find({}, { limit: 1 })).length) || !(await reports(store).find({}, { limit: 1 })).length
      if (!atOnce && seeded && !repairDue(mark?.at ?? null, now)) return 0
      return store.transaction(async () => {
        const truth = new Map<string, TallyChange>()
        for await (const page of pagesOf(reports(store), {}, FACT_FIELDS)) {
          for (const report of page) for (const change of tallyChanges(null, report)) merge(truth, change)
        }
        let repaired = 0
        for await (const page of pagesOf(dayTallies(store), {})) {
          for (const held of page) {
            const want = truth.get(held._id)?.by ?? { n: 0, onSpot: 0, byDeadline: 0, fixed: 0, hours: 0 }
            truth.delete(held._id)
            if (sameMeasures(held, want)) continue
            await dayTallies(store).update({ _id: held._id }, { $set: { ...want } })
            repaired++
          }
        }
        for (const change of truth.values()) await dayTallies(store).insert({ ...change.key, ...change.by })
        repaired += truth.size
        const at = now.toISOString()
        const done = { at, families: TALLY_FAMILIES }
        if (!(await sweeps(store).update({ _id: 'tallies' }, { $set: done }))) await sweeps(store).insert({ _id: 'tallies', ...done })
        return repaired
      })
    }
  }
}

const FACT_FIELDS = { source: 1, createdAt: 1, status: 1, overdue: 1, onSpot: 1, assignedAt: 1, fixedAt: 1, closedAt: 1, deadline: 1, hoursToFix: 1, categoryId: 1, departmentId: 1, gridId: 1 } as const

function merge(into: Map<string, TallyChange>, change: TallyChange) {
  const held = into.get(change.key._id)
  if (!held) return into.set(change.key._id, { key: change.key, by: { ...change.by } })
  for (const name of Object.keys(held.by) as (keyof TallyMeasures)[]) held.by[name] += change.by[name]
}

function sameMeasures(a: TallyMeasures, b: TallyMeasures) {
  return (Object.keys(b) as (keyof TallyMeasures)[]).every((name) => Math.abs(a[name] - b[name]) < 1e-6)
}

type Counted = Partial<Record<'reports' | 'reportsOpen' | 'reportsClosed', number>>

async function bump(store: Store, changes: Counted) {
  for (const [key, by] of Object.entries(changes)) if (by) await counters(store).update({ _id: key }, { $inc: { value: by } })
}

/** Adds to each tally, making it on first use; an insert racing another answers duplicate and adds instead. */
async function addTallies(store: Store, changes: TallyChange[]) {
  for (const { key, by } of changes) {
    if (await dayTallies(store).update({ _id: key._id }, { $inc: { ...by } })) continue
    if (!(await dayTallies(store).insertIfAbsent({ ...key, ...by }))) await dayTallies(store).update({ _id: key._id }, { $inc: { ...by } })
  }
}

export type ReportRepository = ReturnType<typeof reportRepository>
