import type { FigureFilter, InspectionPoint, PointFilter, PointType, Round, Visit } from '../../../types/inspection'
import { OPEN_REPORT_STATUSES } from '../../../types/domain'
import { inspectionPoints, pointTypes, reports, rounds, visits } from '../../core/collections'
import { notFound } from '../../core/errors'
import { findAll } from '../../core/pages'
import type { Query, Store, Update } from '../../core/ports'
import { endOfBeijingDay, startOfBeijingDay } from '../../../types/calendar'

export function pointQuery(filter: PointFilter): Query {
  const q: Query = {}
  if (filter.typeId) q.typeId = filter.typeId
  if (filter.gridId) q.gridId = filter.gridId
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.active !== undefined) q.active = filter.active
  return q
}

/** Visits a figures filter names; cases the same, by when they were found. */
function visitQuery(filter: FigureFilter): Query {
  const q: Query = {}
  if (filter.roundId) q.roundId = filter.roundId
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.typeId) q.typeId = filter.typeId
  if (filter.gridId) q.gridId = filter.gridId
  if (filter.from || filter.to) q.day = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) }
  return q
}

function caseQuery(filter: FigureFilter): Query {
  const q: Query = { source: '督查' }
  if (filter.roundId) q['inspection.roundId'] = filter.roundId
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.typeId) q['inspection.typeId'] = filter.typeId
  if (filter.gridId) q.gridId = filter.gridId
  if (filter.from || filter.to) {
    q.createdAt = { ...(filter.from ? { $gte: startOfBeijingDay(filter.from) } : {}), ...(filter.to ? { $lte: endOfBeijingDay(filter.to) } : {}) }
  }
  return q
}

/** Still waiting on a fix: open, and not reported fixed. */
const UNFIXED = OPEN_REPORT_STATUSES.filter((s) => s !== 'fixed')

/** A point's standing is its last visit in the round; a 复查 takes over from the visit before it. */
const VISIT_FIGURES = {
  inspected: { where: { kind: '督查' } },
  passed: { where: { latest: true, verdict: '达标' } },
  failed: { where: { latest: true, verdict: '未达标' } }
}

const CASE_FIGURES = {
  problems: {},
  onSpot: { where: { onSpot: true } },
  fixed: { where: { fixedAt: { $ne: null } } }
}

export function inspectionRepository(store: Store) {
  return {
    types: () => findAll(pointTypes(store), {}),
    async type(id: string) {
      const type = await pointTypes(store).findOne({ _id: id })
      if (!type) throw notFound('点位类型')
      return type
    },
    insertType: (type: PointType) => pointTypes(store).insert(type),
    updateType: (id: string, set: Partial<PointType>) => pointTypes(store).update({ _id: id }, { $set: set }),

    async point(id: string) {
      const point = await inspectionPoints(store).findOne({ _id: id })
      if (!point) throw notFound('点位')
      return point
    },
    pointsPage: (filter: PointFilter, skip: number, limit: number) => inspectionPoints(store).find(pointQuery(filter), { sort: { _id: 1 }, skip, limit }),
    countPoints: (filter: PointFilter) => inspectionPoints(store).count(pointQuery(filter)),
    allPoints: (filter: PointFilter) => findAll(inspectionPoints(store), pointQuery(filter)),
    pointsById: async (ids: string[]) => new Map((ids.length ? await findAll(inspectionPoints(store), { _id: { $in: ids } }) : []).map((p) => [p._id, p])),
    insertPoint: (point: InspectionPoint) => inspectionPoints(store).insert(point),
    updatePoint: (id: string, set: Partial<InspectionPoint>) => inspectionPoints(store).update({ _id: id }, { $set: set }),

    async round(id: string) {
      const round = await rounds(store).findOne({ _id: id })
      if (!round) throw notFound('督查')
      return round
    },
    findRound: (id: string) => rounds(store).findOne({ _id: id }),
    roundsPage: (skip: number, limit: number) => rounds(store).find({}, { sort: { day: -1 }, skip, limit }),
    countRounds: () => rounds(store).count({}),
    /** An inspector's rounds on Beijing days [from, to], the latest first. */
    roundsOf: (inspectorId: string, from: string, to: string) => rounds(store).find({ inspectorIds: inspectorId, day: { $gte: from, $lte: to } }, { sort: { day: -1 }, limit: 50 }),
    insertRound: (round: Round) => rounds(store).insert(round),
    /** Applies a change only if the round is still as it was read: two draws at once cannot both add points. */
    updateRound: (round: Round, update: Update) => rounds(store).update({ _id: round._id, updatedAt: round.updatedAt }, update),

    findVisit: (id: string) => visits(store).findOne({ _id: id }),
    // a 复查 sent in the same millisecond as the visit it supersedes still comes after it
    visitsOf: (roundId: string, pointId: string) => visits(store).find({ roundId, pointId }, { sort: { at: 1, latest: 1 }, limit: 100 }),
    /** The round's points' latest visits, for its progress; a round holds at most 200 points. */
    latestOfRound: (roundId: string) => findAll(visits(store), { roundId, latest: true }, { pointId: 1, verdict: 1 }),
    visitsByPoint: async (roundId: string) => new Map(Object.entries(await visits(store).countBy({ roundId }, 'pointId'))),
    /** Answers false when the visit was already sent. */
    insertVisit: (visit: Visit) => visits(store).insertIfAbsent(visit),
    supersede: (visit: Visit) => visits(store).update({ _id: visit._id, latest: true }, { $set: { latest: false } }),
    /** Cases found at a point in a round that nobody has fixed yet: a 复查 waits for them. */
    unfixed: (roundId: string, pointId: string) => reports(store).count({ 'inspection.roundId': roundId, 'inspection.pointId': pointId, status: { $in: UNFIXED } }),
    unfixedByPoint: async (roundId: string) => {
      const open = await reports(store).countBy({ 'inspection.roundId': roundId, status: { $in: UNFIXED } }, 'inspection.pointId')
      return new Map(Object.entries(open))
    },

    /** How many points each unit had inspected on Beijing days [from, to]: the units whose figures are worth asking for. */
    inspectedUnits: (from: string, to: string) => visits(store).countBy({ day: { $gte: from, $lte: to }, kind: '督查' }, 'departmentId'),
    /**
     * Points whose standing at the end of Beijing days [from, to] is 未达标 (each point's last visit of a round by
     * then: a 复查 after `to` does not change a period already over), with their unit and the cases they became.
     */
    async failedVisits(from: string, to: string) {
      const last = new Map<string, Visit>()
      for (const v of await findAll(visits(store), { day: { $gte: from, $lte: to } }, { roundId: 1, pointId: 1, at: 1, latest: 1, verdict: 1, departmentId: 1, marks: 1 })) {
        const key = `${v.roundId}:${v.pointId}`
        const held = last.get(key)
        if (!held || v.at > held.at || (v.at === held.at && v.latest)) last.set(key, v)
      }
      return [...last.values()].filter((v) => v.verdict === '未达标')
    },

    async figures(filter: FigureFilter) {
      const [v, c] = await Promise.all([visits(store).tally(visitQuery(filter), VISIT_FIGURES), reports(store).tally(caseQuery(filter), CASE_FIGURES)])
      return { ...v, ...c }
    }
  }
}

export type InspectionRepository = ReturnType<typeof inspectionRepository>
