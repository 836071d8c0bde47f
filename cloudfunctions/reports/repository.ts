import type { LedgerFilter } from '../../types/api'
import { DEFAULT_REJECT_REASONS, OPEN_REPORT_STATUSES, type Holidays, type RejectReasons, type Report } from '../../types/domain'
import { categories, counters, departments, grids, reports, settings, users } from '../core/collections'
import { notFound } from '../core/errors'
import { findAll } from '../core/pages'
import type { Figure, Query, Store, Update } from '../core/ports'
import { endOfBeijingDay, startOfBeijingDay, type WorkCalendar } from './calendar'

export type StoredReport = Report & { hoursToFix?: number }

/** A ledger filter as a store query; `open` means still waiting on someone. */
export function ledgerQuery(filter: LedgerFilter): Query {
  const q: Query = {}
  if (filter.status === 'open') q.status = { $in: [...OPEN_REPORT_STATUSES] }
  else if (filter.status) q.status = filter.status
  if (filter.categoryId) q.categoryId = filter.categoryId
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.gridId) q.gridId = filter.gridId
  if (filter.overdue !== undefined) q.overdue = filter.overdue
  if (filter.from || filter.to) {
    q.createdAt = {
      ...(filter.from ? { $gte: startOfBeijingDay(filter.from) } : {}),
      ...(filter.to ? { $lte: endOfBeijingDay(filter.to) } : {})
    }
  }
  return q
}

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
    insert: (report: StoredReport) => reports(store).insert(report),
    /** Applies a change only if the case is still as it was read: two people acting at once cannot both win. */
    update: (report: Report, update: Update) => reports(store).update({ _id: report._id, status: report.status, updatedAt: report.updatedAt }, update),
    updateWhere: (query: Query, update: Update, multi = false) => reports(store).update(query, update, { multi }),
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
    handlersOf: (departmentId: string) => users(store).find({ roles: 'handler', departmentId }),
    async departmentsById(ids: (string | null | undefined)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => !!id))]
      const found = wanted.length ? await findAll(departments(store), { _id: { $in: wanted } }) : []
      return new Map(found.map((d) => [d._id, d]))
    },
    async bump(changes: Partial<Record<'reports' | 'reportsOpen' | 'reportsClosed', number>>) {
      for (const [key, by] of Object.entries(changes)) if (by) await counters(store).update({ _id: key }, { $inc: { value: by } })
    },
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
      })
  }
}

export type ReportRepository = ReturnType<typeof reportRepository>
