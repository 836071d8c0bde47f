/**
 * Screenshots of pages at a phone viewport, against a fresh local runtime with the demo data, for a person to
 * look at: `npm run screens -- volunteer` (a group below) or `npm run screens` (all). Files go to .tmp/screens
 * (or SCREENS_DIR); the H5 build is read from TARO_OUTPUT like the runtime's.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { reports, rounds } from '../cloudfunctions/core/collections'
import { DEMO_CENTER } from '../cloudfunctions/core/geo'
import { userIdOf } from '../cloudfunctions/core/identity'
import { manualClock } from '../cloudfunctions/core/system-ports'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import type { Deps } from '../cloudfunctions/core/ports'
import { functions } from '../cloudfunctions/registry'
import type { ActionName, RequestOf } from '../types/api'
import { lastPeriodStart } from '../types/bulletins'
import { beijingDay } from '../types/calendar'
import { orderRepository } from '../cloudfunctions/reports/orders/repository'
import { reportRepository } from '../cloudfunctions/reports/repository'
import { weeksTo } from '../types/cockpit'
import { createRuntime } from '../runtime/app'
import { seedDemoActivities, seedDemoInspection, seedDemoQuiz, seedDemoReports } from '../runtime/demo'
import { ensureH5Build, H5_DIR } from '../runtime/h5-build'
import { seedLocal } from '../runtime/seed'
import { ELDER_KEY } from '../src/services/elder-key'
import { launchChromium, phone } from '../test/support/browser'

interface Shot {
  name: string
  openid: string
  hash: string
  /** Waits for this selector before the picture is taken. */
  ready?: string
  /** Scrolls this to the top of the screen first: the part of a long page the picture is for. */
  scrollTo?: string
  /** In 长辈版. */
  elder?: boolean
}

const GROUPS: Record<string, Shot[]> = {
  volunteer: [
    { name: 'vol-list', openid: 'demo-volunteer', hash: '/packages/volunteer/list/index', ready: '.vol-activity-card' },
    { name: 'vol-detail', openid: 'demo-volunteer', hash: '/packages/volunteer/detail/index?id=$activity', ready: '.vol-detail__action' },
    { name: 'vol-mine', openid: 'demo-volunteer', hash: '/packages/volunteer/mine/index', ready: '.vol-mine__hours' },
    { name: 'vol-certificate', openid: 'demo-volunteer', hash: '/packages/volunteer/certificate/index' },
    { name: 'vol-stars', openid: 'demo-volunteer', hash: '/packages/volunteer/stars/index' },
    { name: 'org-list', openid: 'demo-organizer', hash: '/packages/organize/list/index' },
    { name: 'org-code', openid: 'demo-organizer', hash: '/packages/organize/code/index?id=$activity', ready: '.org-code__digits' },
    { name: 'org-roster', openid: 'demo-organizer', hash: '/packages/organize/roster/index?id=$activity' },
    { name: 'org-edit', openid: 'demo-organizer', hash: '/packages/organize/edit/index' }
  ],
  staff: [
    { name: 'staff-me', openid: 'demo-admin', hash: '/pages/me/index', ready: '.me__name' },
    { name: 'staff-ledger', openid: 'demo-admin', hash: '/packages/staff/ledger/index', ready: '.staff-ledger__stats-title' },
    { name: 'staff-triage', openid: 'demo-admin', hash: '/packages/staff/triage/index' },
    { name: 'staff-queue', openid: 'demo-handler', hash: '/packages/staff/queue/index' },
    { name: 'staff-makeup', openid: 'demo-admin', hash: '/packages/organize/makeup/index' },
    { name: 'staff-holidays', openid: 'demo-admin', hash: '/packages/staff/settings/index?tab=holidays' },
    { name: 'admin-users', openid: 'demo-admin', hash: '/packages/admin/users/index' },
    { name: 'me-inbox', openid: 'demo-resident', hash: '/packages/report/inbox/index' }
  ],
  quiz: [
    { name: 'quiz-home', openid: 'demo-student', hash: '/packages/quiz/home/index', ready: '.quiz-home__card' },
    { name: 'quiz-profile', openid: 'demo-student', hash: '/packages/quiz/profile/index' },
    { name: 'quiz-me', openid: 'demo-student', hash: '/pages/me/index', ready: '.me__quiz' },
    { name: 'quiz-practice', openid: 'demo-student', hash: '/packages/quiz/paper/index?mode=practice', ready: '.quiz-paper__question' },
    { name: 'quiz-wrong', openid: 'demo-resident', hash: '/packages/quiz/wrong/index' },
    { name: 'quiz-office', openid: 'demo-admin', hash: '/packages/quiz/office/index', ready: '.quiz-office__point' },
    { name: 'quiz-bank', openid: 'demo-admin', hash: '/packages/quiz/bank/index', ready: '.quiz-bank__item' },
    { name: 'quiz-edit', openid: 'demo-admin', hash: '/packages/quiz/edit/index', ready: '.quiz-edit__quota' },
    { name: 'quiz-units', openid: 'demo-admin', hash: '/packages/quiz/units/index' }
  ],
  orders: [
    { name: 'orders-proposals', openid: 'demo-admin', hash: '/packages/orders/list/index', ready: '.orders-list__card' },
    { name: 'orders-office', openid: 'demo-admin', hash: '/packages/orders/list/index?tab=orders', ready: '.orders-list__card' },
    { name: 'orders-issue', openid: 'demo-admin', hash: '/packages/orders/issue/index?departmentId=dept-cg', ready: '.orders-issue__case' },
    { name: 'orders-detail', openid: 'demo-admin', hash: '/packages/orders/detail/index?id=$order', ready: '.orders-detail__no' },
    { name: 'orders-unit', openid: 'demo-handler', hash: '/packages/orders/list/index', ready: '.orders-list__card' },
    { name: 'orders-reply', openid: 'demo-handler', hash: '/packages/orders/detail/index?id=$order', ready: '.orders-detail__answer' },
    { name: 'orders-queue', openid: 'demo-handler', hash: '/packages/staff/queue/index', ready: '.staff-queue__orders' },
    { name: 'orders-settings', openid: 'demo-admin', hash: '/packages/staff/settings/index?tab=orders', ready: '.nut-inputnumber' }
  ],
  elder: [
    { name: 'elder-home', openid: 'demo-resident', hash: '/pages/index/index', ready: '.cwt-stat-grid__value', elder: true },
    { name: 'elder-me', openid: 'demo-resident', hash: '/pages/me/index', ready: '.me__name', elder: true },
    { name: 'elder-report-new', openid: 'demo-resident', hash: '/packages/report/new/index', elder: true },
    { name: 'elder-vol-detail', openid: 'demo-volunteer', hash: '/packages/volunteer/detail/index?id=$activity', ready: '.vol-detail__action', elder: true },
    { name: 'elder-quiz-paper', openid: 'demo-student', hash: '/packages/quiz/paper/index?mode=practice', ready: '.quiz-paper__question', elder: true },
    // the office's search bar, its 搜索 button beside the field at the larger text
    { name: 'elder-admin-users', openid: 'demo-admin', hash: '/packages/admin/users/index', ready: '.nut-cell', elder: true },
    { name: 'elder-quiz-bank', openid: 'demo-admin', hash: '/packages/quiz/bank/index', ready: '.quiz-bank__item', elder: true }
  ],
  cockpit: [
    { name: 'cockpit-office', openid: 'demo-admin', hash: '/packages/cockpit/index/index', ready: '.cockpit-week' },
    { name: 'cockpit-office-below', openid: 'demo-admin', hash: '/packages/cockpit/index/index', ready: '.cockpit-ranking__row', scrollTo: '.cockpit-ranking__foot' },
    { name: 'cockpit-overdue', openid: 'demo-admin', hash: '$overdue', ready: '.staff-ledger__ranges' },
    { name: 'cockpit-unit-home', openid: 'demo-handler', hash: '/pages/index/index', ready: '.home__unit' }
  ],
  inspect: [
    { name: 'inspect-me', openid: 'demo-inspector', hash: '/pages/me/index', ready: '.me__inspector' },
    { name: 'inspect-today', openid: 'demo-inspector', hash: '/packages/inspect/today/index', ready: '.inspect-today__round' },
    { name: 'inspect-visited', openid: 'demo-inspector', hash: '/packages/inspect/visit/index?roundId=$round&pointId=$point', ready: '.inspect-visit__name' },
    { name: 'inspect-visit', openid: 'demo-inspector', hash: '/packages/inspect/visit/index?roundId=$round&pointId=$drawn', ready: '.inspect-visit__item' },
    { name: 'inspect-rounds', openid: 'demo-admin', hash: '/packages/inspect/rounds/index', ready: '.inspect-figures' },
    { name: 'inspect-round', openid: 'demo-admin', hash: '/packages/inspect/round/index?id=$round', ready: '.inspect-figures' },
    { name: 'inspect-points', openid: 'demo-admin', hash: '/packages/inspect/points/index', ready: '.inspect-points__total' },
    { name: 'inspect-ledger', openid: 'demo-admin', hash: '/packages/staff/ledger/index', ready: '.staff-ledger__stats-title' }
  ],
  bulletins: [
    { name: 'bulletins-me', openid: 'demo-admin', hash: '/pages/me/index', ready: '.me__office', scrollTo: '.me__office' },
    { name: 'bulletins-list', openid: 'demo-admin', hash: '/packages/bulletins/list/index', ready: '.bulletin-list__card' },
    { name: 'bulletins-edit', openid: 'demo-admin', hash: '/packages/bulletins/edit/index?id=$draft', ready: '.bulletin-edit__unit' },
    { name: 'bulletins-preview', openid: 'demo-admin', hash: '/packages/bulletins/view/index?id=$draft', ready: '.bulletin-doc__tr' },
    { name: 'bulletins-unit-view', openid: 'demo-handler', hash: '/packages/bulletins/view/index?id=$published', ready: '.bulletin-doc__tr--mine' },
    { name: 'bulletins-unit-table', openid: 'demo-handler', hash: '/packages/bulletins/view/index?id=$published', ready: '.bulletin-doc__tr--mine', scrollTo: '.bulletin-doc__hint' },
    { name: 'bulletins-boards', openid: 'demo-handler', hash: '/packages/bulletins/view/index?id=$published', ready: '.bulletin-doc__tr--mine', scrollTo: '.bulletin-doc__boards' },
    { name: 'bulletins-ranking', openid: 'demo-admin', hash: '/packages/bulletins/ranking/index', ready: '.bulletin-ranking__row' },
    { name: 'bulletins-history', openid: 'demo-handler', hash: '/packages/bulletins/unit/index', ready: '.bulletin-unit__month' },
    { name: 'bulletins-handler-me', openid: 'demo-handler', hash: '/pages/me/index', ready: '.me__department', scrollTo: '.me__department' }
  ]
}

/**
 * Two weeks of cases across three units, filed on a clock set back to those weeks: the week before last's
 * bulletin published, last week's a draft with its preface. Answers both ids.
 */
async function seedDemoBulletins(deps: Deps) {
  const now = deps.clock.now()
  const clock = manualClock(now)
  const past = { ...deps, clock }
  const call = async <A extends ActionName<'reports'>>(openid: string, action: A, payload: RequestOf<'reports', A>, requestId?: string, on: Deps = past) => {
    const answer = await functions.reports({ action, payload, requestId }, { openid, deps: on })
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.message}`)
    return answer.data as { id: string }
  }
  const file = async (departmentId: string, categoryId: string, description: string, address: string, n: number) => {
    const photo = (await deps.files.put(readFileSync(path.join(__dirname, '..', 'runtime', 'demo', 'ads-before.jpg')), { contentType: 'image/jpeg', owner: userIdOf('demo-resident'), purpose: 'upload' })).fileId
    const { id } = await call('demo-resident', 'submit', { categoryId, description, photos: [photo], location: { lat: DEMO_CENTER.lat + n * 0.0003, lng: DEMO_CENTER.lng - n * 0.0002, address }, anonymous: false }, `demo-b-${n}`)
    await call('demo-admin', 'accept', { id })
    await call('demo-admin', 'assign', { id, departmentId, deadlineDays: 2 })
    return id
  }
  const fix = async (id: string) => {
    const after = (await deps.files.put(readFileSync(path.join(__dirname, '..', 'runtime', 'demo', 'ads-after.jpg')), { contentType: 'image/jpeg', owner: userIdOf('demo-handler'), purpose: 'upload' })).fileId
    await call('demo-handler', 'fix', { id, afterPhotos: [after], note: '已清理完毕' })
    await call('demo-admin', 'verify', { id })
  }
  const weeks = [lastPeriodStart('week', new Date(now.getTime() - 7 * 86400000)), lastPeriodStart('week', now)]
  let n = 0
  for (const monday of weeks) {
    clock.set(`${monday}T10:00:00+08:00`)
    const cg = [await file('dept-cg', 'g1-01', '公交站旁墙面贴满办证小广告', '麒麟区南宁北路公交站', ++n), await file('dept-cg', 'g1-07', '路边垃圾桶满溢无人清运', '麒麟区文昌街 16 号', ++n), await file('dept-cg', 'g1-03', '早市流动摊贩占用人行道', '麒麟区寥廓南路农贸市场', ++n)]
    await file('dept-zj', 'g1-05', '小区内违规搭建彩钢棚', '麒麟区建宁东路 8 号院', ++n)
    await file('dept-gx', 'g2-07', '线缆乱拉乱挂像蜘蛛网', '麒麟区紫云路 21 号', ++n)
    clock.set(`${monday}T16:00:00+08:00`)
    await fix(cg[0])
    clock.set(new Date(Date.parse(`${monday}T10:00:00+08:00`) + 86400000))
    await fix(cg[1])
  }
  clock.set(now)
  const [previous, last] = weeks
  const published = await call('demo-admin', 'createBulletin', { kind: 'week', start: previous }, 'demo-bulletin-1', deps)
  await call('demo-admin', 'saveBulletin', { id: published.id, preface: '本周全市共受理各类问题 5 件，市城市管理局整改迅速。请超期单位对照清单逐件整改，于下周一前书面报市创文办。', remarks: { 'dept-cg': '整改及时，值得肯定。', 'dept-zj': '彩钢棚问题已超期，请立即拆除。' } }, undefined, deps)
  await call('demo-admin', 'publishBulletin', { id: published.id }, undefined, deps)
  const draft = await call('demo-admin', 'createBulletin', { kind: 'week', start: last }, 'demo-bulletin-2', deps)
  await call('demo-admin', 'saveBulletin', { id: draft.id, preface: '上周全市新增问题 5 件，整改率有所回落。市住房和城乡建设局、市通信发展管理办公室各有 1 件问题超期未改，请高度重视。', remarks: { 'dept-cg': '整改及时。' } }, undefined, deps)
  return { published: published.id, draft: draft.id }
}

/** A white order on the demo case being fixed, and the sweep's proposal for the one with another unit. */
async function seedDemoOrders(deps: Deps) {
  const [bikes] = await reports(deps.store).find({ status: 'in_progress' }, { limit: 1 })
  const [cable] = await reports(deps.store).find({ status: 'assigned' }, { limit: 1 })
  const answer = await functions.reports(
    { action: 'issueOrder', payload: { departmentId: bikes.departmentId!, caseIds: [bikes._id], level: 'white', replyBy: beijingDay(new Date(Date.now() + 3 * 86400000)), text: '你单位承办的共享单车堵塞盲道问题已超过整改时限，请立即组织清运，并于回复期限前书面回复市创文办。' }, requestId: 'demo-order' },
    { openid: 'demo-admin', deps }
  )
  if (!answer.ok) throw new Error(`demo issueOrder: ${answer.message}`)
  await orderRepository(deps.store).propose({ _id: `white:${cable._id}`, level: 'white', departmentId: cable.departmentId!, caseIds: [cable._id], escalates: null, reason: `问题 ${cable.no}（${cable.categoryName}，${cable.location.address}）已超期 3 个工作日`, proposedAt: new Date().toISOString(), state: 'open', orderId: null, decidedBy: null, decidedAt: null })
  return (answer.data as { id: string }).id
}

const DAY = 86_400_000
const UNITS = ['dept-cg', 'dept-zj', 'dept-jj', 'dept-yl', 'dept-sw']

/**
 * Twelve weeks of a district's cases behind the cockpit, written through the reports repository so the day
 * tallies count them: three to six filed a day, a quarter fixed on the spot, the rest assigned and closed within
 * days, one in seven late; the newest still open. Each borrows a demo case's kind, place and photos.
 */
async function seedDemoHistory(deps: Deps) {
  const repo = reportRepository(deps.store)
  const demo = await reports(deps.store).find({}, { limit: 4 })
  const now = Date.now()
  let i = 0
  let open = 0
  for (let daysAgo = 83; daysAgo >= 1; daysAgo--) {
    for (let k = 0; k < 3 + ((daysAgo * 7) % 4); k++, i++) {
      const like = demo[i % demo.length]
      const created = now - daysAgo * DAY - (k + 1) * 3_600_000
      const iso = (ms: number) => new Date(ms).toISOString()
      const onSpot = i % 4 === 0
      const late = i % 7 === 0
      const deadline = onSpot ? null : created + 5 * DAY
      const fixed = onSpot ? created + 2 * 3_600_000 : created + (late ? 7 : 2 + (i % 3)) * DAY
      const done = fixed + 4 * 3_600_000 < now
      const unit = onSpot ? null : UNITS[i % UNITS.length]
      await repo.insert({
        ...like,
        _id: `history-${i}`,
        no: `H${String(i).padStart(5, '0')}`,
        requestId: `history-${i}`,
        status: done ? 'closed' : 'in_progress',
        departmentId: unit,
        deadline: deadline ? iso(deadline) : null,
        overdue: !!deadline && (done ? fixed > deadline : now > deadline),
        onSpot,
        followers: [],
        createdAt: iso(created),
        updatedAt: iso(done ? fixed : created),
        acceptedAt: iso(created + 3_600_000),
        assignedAt: onSpot ? null : iso(created + 3_600_000),
        fixedAt: done ? iso(fixed) : null,
        closedAt: done ? iso(fixed + 4 * 3_600_000) : null,
        confirmation: done ? { state: 'auto', at: iso(fixed + 5 * DAY) } : null,
        history: [],
        ...(done ? { hoursToFix: (fixed - created) / 3_600_000 } : {})
      })
      if (!done) open++
    }
  }
  // 首页's live counts, as filings and moves keep them
  await repo.bump({ reports: i, reportsOpen: open, reportsClosed: i - open })
}

async function main() {
  const wanted = process.argv.slice(2)
  const shots = Object.entries(GROUPS).flatMap(([group, list]) => (wanted.length === 0 || wanted.includes(group) ? list : list.filter((s) => wanted.includes(s.name))))
  if (!(await ensureH5Build())) throw new Error('H5 构建失败')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cwt-screens-'))
  const deps = createLocalDeps({ dataDir })
  await seedLocal(deps)
  await seedDemoReports(deps)
  const activity = (await seedDemoActivities(deps))[0]
  await seedDemoQuiz(deps)
  const order = await seedDemoOrders(deps)
  const inspection = (await seedDemoInspection(deps))!
  // the other groups' pages are shown on the demo's few cases alone
  if (shots.some((shot) => shot.name.startsWith('cockpit'))) await seedDemoHistory(deps)
  const lastWeek = weeksTo(beijingDay(new Date()), 2)[0]
  const overdue = `/packages/staff/ledger/index?${new URLSearchParams({ overdue: 'true', dueFrom: lastWeek.from, dueTo: lastWeek.to })}`
  const drawn = (await rounds(deps.store).findOne({ _id: inspection.round }))!.pointIds.find((id) => id !== inspection.point)!
  // cases backdated into past weeks change the ledger's figures: only when bulletins are shown
  const bulletin = shots.some((s) => s.name.startsWith('bulletins-')) ? await seedDemoBulletins(deps) : { published: '', draft: '' }
  const app = await createRuntime({ deps, staticDir: H5_DIR })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const out = path.resolve(__dirname, '..', process.env.SCREENS_DIR ?? '.tmp/screens')
  mkdirSync(out, { recursive: true })
  const browser = await launchChromium()
  try {
    for (const shot of shots) {
      const context = await phone(browser, shot.openid)
      if (shot.elder) await context.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ data: true })), ELDER_KEY)
      const page = await context.newPage()
      const hash = shot.hash.replace('$activity', activity).replace('$order', order).replace('$round', inspection.round).replace('$point', inspection.point).replace('$drawn', drawn).replace('$published', bulletin.published).replace('$overdue', overdue).replace('$draft', bulletin.draft)
      await page.goto(`${base}/#${hash}`)
      await page.waitForLoadState('networkidle')
      if (shot.ready) await page.locator(shot.ready).first().waitFor({ timeout: 60000 })
      if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.waitForTimeout(800)
      const file = path.join(out, `${shot.name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      console.log(file)
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
    await deps.store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
