import { activities, attempts, inspectionPoints, orders, reports, rounds } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import type { Deps } from '../../cloudfunctions/core/ports'
import { seedDemoActivities, seedDemoInspection, seedDemoQuiz, seedDemoReports } from '../../runtime/demo'
import { functions } from '../../cloudfunctions/registry'
import { lastPeriodStart } from '../../types/bulletins'
import { beijingDay } from '../../types/calendar'

/** One page of the H5 app as the demo identity who sees it; `ready` is waited for before the page is judged. */
export interface PageVisit {
  path: string
  openid: string
  query?: string
  ready?: string
}

/** Ids of the demo data that pages with a query need. */
export interface DemoIds {
  activity: string
  report: string
  staffCase: string
  order: string
  round: string
  point: string
  attempt: string
  /** A published weekly bulletin (the week before last) and a draft (last week). */
  bulletin: string
  draft: string
}

/** Seeds the demo data a first local start has (and one 督办单), answering the ids the page list needs. */
export async function seedDemo(deps: Deps): Promise<DemoIds> {
  await seedDemoReports(deps)
  await seedDemoActivities(deps)
  await seedDemoQuiz(deps)
  await seedDemoInspection(deps)
  const activity = (await activities(deps.store).find({}, { limit: 1 }))[0]
  const report = (await reports(deps.store).find({ status: 'closed' }, { limit: 1 }))[0]
  const staffCase = (await reports(deps.store).find({ status: 'in_progress' }, { limit: 1 }))[0]
  const answer = await functions.reports(
    { action: 'issueOrder', payload: { departmentId: staffCase.departmentId!, caseIds: [staffCase._id], level: 'white', replyBy: beijingDay(new Date(Date.now() + 3 * 86400000)), text: '请立即组织清运共享单车，并于回复期限前书面回复市创文办。' }, requestId: 'a11y-order' },
    { openid: 'demo-admin', deps }
  )
  if (!answer.ok) throw new Error(`issueOrder: ${answer.message}`)
  const [order] = await orders(deps.store).find({}, { limit: 1 })
  const [round] = await rounds(deps.store).find({}, { limit: 1 })
  const [point] = await inspectionPoints(deps.store).find({ _id: round.pointIds[0] }, { limit: 1 })
  // the demo resident's practice: the H5 app acts only as one of the demo identities
  const [attempt] = await attempts(deps.store).find({ userId: userIdOf('demo-resident'), status: 'graded' }, { limit: 1 })
  const office = async <T>(action: string, payload: object, requestId?: string) => {
    const res = await functions.reports({ action, payload, requestId }, { openid: 'demo-admin', deps })
    if (!res.ok) throw new Error(`${action}: ${res.message}`)
    return res.data as T
  }
  const lastWeek = lastPeriodStart('week', deps.clock.now())
  const weekBefore = new Date(Date.parse(`${lastWeek}T00:00:00Z`) - 7 * 86400000).toISOString().slice(0, 10)
  const published = await office<{ id: string }>('createBulletin', { kind: 'week', start: weekBefore }, 'a11y-bulletin')
  await office('publishBulletin', { id: published.id })
  const draft = await office<{ id: string }>('createBulletin', { kind: 'week', start: lastWeek }, 'a11y-draft')
  return { activity: activity._id, report: report._id, staffCase: staffCase._id, order: order._id, round: round._id, point: point._id, attempt: attempt._id, bulletin: published.id, draft: draft.id }
}

/** Every page of the app (app.config.ts), with what it needs to show its content. */
export const pageVisits = (ids: DemoIds): PageVisit[] => [
  { path: 'pages/index/index', openid: 'demo-resident', ready: '.cwt-stat-grid__value' },
  { path: 'pages/me/index', openid: 'demo-admin', ready: '.me__name' },
  { path: 'packages/report/new/index', openid: 'demo-resident' },
  { path: 'packages/report/mine/index', openid: 'demo-resident' },
  { path: 'packages/report/detail/index', openid: 'demo-resident', query: `id=${ids.report}` },
  { path: 'packages/report/feed/index', openid: 'demo-resident' },
  { path: 'packages/report/inbox/index', openid: 'demo-resident' },
  { path: 'packages/report/points/index', openid: 'demo-resident' },
  { path: 'packages/staff/triage/index', openid: 'demo-admin' },
  { path: 'packages/staff/ledger/index', openid: 'demo-admin', ready: '.staff-ledger__stats-title' },
  { path: 'packages/staff/case/index', openid: 'demo-admin', query: `id=${ids.staffCase}` },
  { path: 'packages/staff/queue/index', openid: 'demo-handler' },
  { path: 'packages/staff/settings/index', openid: 'demo-admin' },
  { path: 'packages/volunteer/list/index', openid: 'demo-volunteer', ready: '.vol-activity-card' },
  { path: 'packages/volunteer/detail/index', openid: 'demo-volunteer', query: `id=${ids.activity}`, ready: '.vol-detail__action' },
  { path: 'packages/volunteer/register/index', openid: 'demo-resident' },
  { path: 'packages/volunteer/mine/index', openid: 'demo-volunteer', ready: '.vol-mine__hours' },
  { path: 'packages/volunteer/certificate/index', openid: 'demo-volunteer' },
  { path: 'packages/volunteer/verify/index', openid: 'demo-resident' },
  { path: 'packages/volunteer/stars/index', openid: 'demo-volunteer' },
  { path: 'packages/organize/list/index', openid: 'demo-organizer' },
  { path: 'packages/organize/edit/index', openid: 'demo-organizer' },
  { path: 'packages/organize/code/index', openid: 'demo-organizer', query: `id=${ids.activity}`, ready: '.org-code__digits' },
  { path: 'packages/organize/roster/index', openid: 'demo-organizer', query: `id=${ids.activity}` },
  { path: 'packages/organize/stars/index', openid: 'demo-admin' },
  { path: 'packages/organize/makeup/index', openid: 'demo-admin' },
  { path: 'packages/quiz/home/index', openid: 'demo-student', ready: '.quiz-home__card' },
  { path: 'packages/quiz/profile/index', openid: 'demo-student' },
  { path: 'packages/quiz/paper/index', openid: 'demo-student', query: 'mode=practice', ready: '.quiz-paper__question' },
  { path: 'packages/quiz/result/index', openid: 'demo-resident', query: `attemptId=${encodeURIComponent(ids.attempt)}`, ready: '.quiz-result__footer' },
  { path: 'packages/quiz/wrong/index', openid: 'demo-resident', ready: '.quiz-wrong__footer' },
  { path: 'packages/quiz/office/index', openid: 'demo-admin', ready: '.quiz-office__point' },
  { path: 'packages/quiz/bank/index', openid: 'demo-admin', ready: '.quiz-bank__item' },
  { path: 'packages/quiz/edit/index', openid: 'demo-admin', ready: '.quiz-edit__quota' },
  { path: 'packages/quiz/units/index', openid: 'demo-admin' },
  { path: 'packages/orders/list/index', openid: 'demo-admin', query: 'tab=orders', ready: '.orders-list__card' },
  { path: 'packages/orders/issue/index', openid: 'demo-admin', query: 'departmentId=dept-cg', ready: '.orders-issue__case' },
  { path: 'packages/orders/detail/index', openid: 'demo-handler', query: `id=${ids.order}`, ready: '.orders-detail__no' },
  { path: 'packages/inspect/points/index', openid: 'demo-admin', ready: '.inspect-points__total' },
  { path: 'packages/inspect/rounds/index', openid: 'demo-admin', ready: '.inspect-figures' },
  { path: 'packages/inspect/round/index', openid: 'demo-admin', query: `id=${ids.round}`, ready: '.inspect-figures' },
  { path: 'packages/inspect/today/index', openid: 'demo-inspector', ready: '.inspect-today__round' },
  { path: 'packages/inspect/visit/index', openid: 'demo-inspector', query: `roundId=${ids.round}&pointId=${ids.point}`, ready: '.inspect-visit__name' },
  { path: 'packages/admin/users/index', openid: 'demo-admin' },
  { path: 'packages/bulletins/list/index', openid: 'demo-admin' },
  { path: 'packages/bulletins/edit/index', openid: 'demo-admin', query: `id=${ids.draft}` },
  { path: 'packages/bulletins/view/index', openid: 'demo-handler', query: `id=${ids.bulletin}` },
  { path: 'packages/bulletins/ranking/index', openid: 'demo-admin' },
  { path: 'packages/bulletins/unit/index', openid: 'demo-handler' },
  { path: 'packages/cockpit/index/index', openid: 'demo-admin', ready: '.cockpit-week' }
]
