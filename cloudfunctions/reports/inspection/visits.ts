import type { CaseInspection, InspectionPoint, ItemMark, MarkInput, PointChecklist, Round, Visit, VisitInput, VisitKind, VisitView } from '../../../types/inspection'
import { deadlineDaysOf, type Category, type PublicText, type ReportHistoryEntry } from '../../../types/domain'
import type { ActionContext } from '../../core/action'
import { conflict, invalid } from '../../core/errors'
import { createdId, idOf } from '../../core/idempotency'
import { beijingDay, deadlineAfter } from '../../../types/calendar'
import { newCase } from '../cases'
import { reportRepository, type StoredReport } from '../repository'
import { tellDepartment, withCleanPhotos } from '../workflow'
import { toPointViews } from './points'
import { inspectionRepository } from './repository'
import { roundFor } from './rounds'

type Marked = MarkInput & { note?: PublicText }

/** One case per failed item of a visit, whatever retries do. */
const caseIdOf = (visitId: string, itemId: string) => idOf('r', `${visitId}:${itemId}`)

/** A point as the inspector opens it on site: its checklist, its visits in the round, and what is due next. */
export async function checklist(input: { roundId: string; pointId: string }, ctx: ActionContext): Promise<PointChecklist> {
  const round = await roundFor(ctx, input.roundId, input.pointId)
  const repo = inspectionRepository(ctx.deps.store)
  const point = await repo.point(input.pointId)
  const [type, visits, open] = await Promise.all([repo.type(point.typeId), repo.visitsOf(round._id, point._id), repo.unfixed(round._id, point._id)])
  return {
    round: { id: round._id, title: round.title, kind: round.kind },
    point: (await toPointViews(ctx, [point]))[0],
    checklist: type.checklist,
    visits: await toVisitViews(ctx, visits),
    next: nextVisit(visits, open),
    open
  }
}

/** The first visit is a 督查; a failed point is visited again (复查) once its problems are fixed; a passed one is done. */
function nextVisit(visits: Visit[], unfixed: number): VisitKind | null {
  const last = visits.find((v) => v.latest)
  if (!last) return '督查'
  return last.verdict === '未达标' && !unfixed ? '复查' : null
}

/**
 * 提交督查: every item of the point's checklist marked; each failed item becomes a case in the ledger, source 督查,
 * accepted and assigned to the point's unit with its kind's deadline, or closed at once when fixed on the spot.
 * Sent twice with one requestId it answers the visit made, with no second set of cases.
 */
export async function visit(input: Omit<VisitInput, 'marks'> & { marks: Marked[] }, ctx: ActionContext): Promise<VisitView> {
  const { caller, deps } = ctx
  const repo = inspectionRepository(deps.store)
  const _id = createdId('v', ctx)
  const sent = await repo.findVisit(_id)
  if (sent) return (await toVisitViews(ctx, [sent]))[0]

  const round = await roundFor(ctx, input.roundId, input.pointId)
  const point = await repo.point(input.pointId)
  const type = await repo.type(point.typeId)
  const marks = new Map(input.marks.map((m) => [m.itemId, m]))
  const unmarked = type.checklist.findIndex((item) => !marks.has(item.id))
  if (unmarked >= 0) throw invalid('marks', `第 ${unmarked + 1} 项「${type.checklist[unmarked].text}」还没有评定`)
  if (marks.size !== type.checklist.length || input.marks.length !== marks.size) throw invalid('marks', '评定的测评项与点位的测评表不一致，请刷新后重新评定')
  const earlier = await repo.visitsOf(round._id, point._id)
  const kind = nextVisit(earlier, await repo.unfixed(round._id, point._id))
  const before = earlier.find((v) => v.latest)
  if (!kind) throw conflict(before?.verdict === '达标' ? '该点位已达标，无需再次督查' : '该点位还有问题没有整改，整改后再复查')

  const ordered = type.checklist.map((item) => ({ item, mark: marks.get(item.id)! }))
  // every failed item's kind is found before anything is kept: in CloudBase nothing written is undone
  const kinds = new Map<string, Category>()
  for (const { item, mark } of ordered) {
    if (mark.pass) continue
    const category = await reportRepository(deps.store).category(item.categoryId)
    if (!category) throw invalid('marks', `测评项「${item.text}」对应的问题类别已不存在，请联系创文办修改测评表`)
    kinds.set(item.id, category)
  }
  const shots = ordered.flatMap(({ mark }) => mark.photos)
  const afters = ordered.flatMap(({ mark }) => (mark.onSpot ? (mark.afterPhotos ?? []) : []))
  return withCleanPhotos(ctx, shots, 'marks', 'report-photo', (photos) =>
    withCleanPhotos(ctx, afters, 'marks', 'after-photo', async (afterPhotos) => {
      let p = 0
      let a = 0
      const itemMarks: ItemMark[] = ordered.map(({ item, mark }) => ({
        itemId: item.id,
        text: item.text,
        mark: mark.pass ? '达标' : '不达标',
        note: mark.note ?? '',
        photos: photos.slice(p, (p += mark.photos.length)),
        onSpot: !!mark.onSpot,
        afterPhotos: mark.onSpot ? afterPhotos.slice(a, (a += mark.afterPhotos?.length ?? 0)) : [],
        caseId: mark.pass ? null : caseIdOf(_id, item.id)
      }))
      const at = deps.clock.now().toISOString()
      const made: Visit = {
        _id,
        requestId: ctx.requestId!,
        roundId: round._id,
        pointId: point._id,
        pointName: point.name,
        typeId: point.typeId,
        departmentId: point.departmentId,
        gridId: point.gridId,
        kind,
        inspectorId: caller._id,
        marks: itemMarks,
        verdict: itemMarks.some((m) => m.mark === '不达标') ? '未达标' : '达标',
        latest: true,
        day: beijingDay(at),
        at
      }
      if (!(await repo.insertVisit(made))) return (await toVisitViews(ctx, [(await repo.findVisit(_id))!]))[0]
      if (before) await repo.supersede(before)
      for (const mark of itemMarks) if (mark.caseId) await fileCase(ctx, round, point, made, mark, kinds.get(mark.itemId)!)
      return (await toVisitViews(ctx, [made]))[0]
    })
  )
}

/** A failed item as a case: already accepted and with the point's unit, or closed with its after photo. */
async function fileCase(ctx: ActionContext, round: Round, point: InspectionPoint, visit: Visit, mark: ItemMark, category: Category) {
  const { caller, deps } = ctx
  const cases = reportRepository(deps.store)
  const at = visit.at
  const inspection: CaseInspection = { visitId: visit._id, roundId: round._id, pointId: point._id, typeId: point.typeId, itemId: mark.itemId }
  const filed = newCase({
    _id: mark.caseId!,
    requestId: visit.requestId,
    source: '督查',
    reporter: caller,
    anonymous: false,
    category,
    description: `【${round.kind}·${point.name}】${mark.text}：${mark.note}` as PublicText,
    photos: mark.photos,
    location: { lat: point.lat, lng: point.lng, address: point.address },
    gridId: point.gridId,
    needsReview: ctx.held.some((field) => field.startsWith('marks')),
    at,
    filed: { role: 'inspector', note: `${round.kind}发现问题（${round.title}）` }
  })
  const step = (to: StoredReport['status'], note: string, extra: Partial<ReportHistoryEntry> = {}): ReportHistoryEntry => ({ at, by: caller._id, role: 'inspector', from: null, to, note, ...extra })
  const accepted = step('accepted', '督查发现，直接受理')
  if (mark.onSpot) {
    const report: StoredReport = {
      ...filed,
      inspection,
      status: 'closed',
      departmentId: point.departmentId,
      onSpot: true,
      afterPhotos: mark.afterPhotos,
      fixNote: '立行立改' as PublicText,
      acceptedAt: at,
      fixedAt: at,
      closedAt: at,
      hoursToFix: 0,
      confirmation: { state: 'pending' },
      history: [...filed.history, { ...accepted, from: 'submitted' }, step('closed', '立行立改', { from: 'accepted', photos: mark.afterPhotos, departmentId: point.departmentId })]
    }
    await cases.insert(report)
    await cases.bump({ reports: 1, reportsClosed: 1 })
    return
  }
  const days = deadlineDaysOf(category)
  const deadline = deadlineAfter(at, days, await cases.calendar())
  const report: StoredReport = {
    ...filed,
    inspection,
    status: 'assigned',
    departmentId: point.departmentId,
    deadline,
    acceptedAt: at,
    assignedAt: at,
    history: [...filed.history, { ...accepted, from: 'submitted' }, step('assigned', `督查交办，${days ? `${days} 个工作日内整改` : '当日整改'}`, { from: 'accepted', deadline, departmentId: point.departmentId })]
  }
  await cases.insert(report)
  await cases.bump({ reports: 1, reportsOpen: 1 })
  await tellDepartment(deps, report, '督查交办问题', `「${report.categoryName}」${point.name}，请于期限内整改`)
}

async function toVisitViews({ deps }: Pick<ActionContext, 'deps'>, list: Visit[]): Promise<VisitView[]> {
  const ids = list.flatMap((v) => v.marks.flatMap((m) => (m.caseId ? [m.caseId] : [])))
  const found = ids.length ? await reportRepository(deps.store).find({ _id: { $in: ids } }, { limit: ids.length, projection: { no: 1 } }) : []
  const no = new Map(found.map((r) => [r._id, r.no]))
  return list.map(({ requestId: _, ...v }) => ({ ...v, caseNos: v.marks.flatMap((m) => (m.caseId && no.get(m.caseId)) || []) }))
}
