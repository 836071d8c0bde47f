/**
 * The compiled mini-program (dist/weapp, `npm run build:weapp`) rendered as WeChat renders it, with every cloud
 * call answered by the functions in-process on a demo-seeded store: each page shows what the store holds, and
 * one tap on it reaches its handler. `.ci/run` runs this after the weapp build; each page prints what it drew.
 */
import { activities, categories, quizzes, reports, signups, users } from '../../cloudfunctions/core/collections'
import type { TestRuntime } from '../support/runtime'
import { startRuntime } from '../support/runtime'
import { seedDemoActivities, seedDemoQuiz, seedDemoReports } from '../../runtime/demo'
import { startWeapp, type WeappPage } from './simulator'

describe('the mini-program as WeChat runs it', () => {
  let runtime: TestRuntime
  let weapp: ReturnType<typeof startWeapp>
  let activityIds: string[]

  beforeAll(async () => {
    // The pages compare times with the phone's clock, so the demo is seeded around now.
    runtime = await startRuntime({ at: new Date().toISOString() })
    await seedDemoReports(runtime.deps)
    activityIds = await seedDemoActivities(runtime.deps)
    await seedDemoQuiz(runtime.deps)
    weapp = startWeapp(runtime.deps)
  }, 120_000)

  // inside the describe, so the runtime closes before the setup file's afterAll closes the database under it
  afterAll(() => runtime?.app.close())

  /** What the page drew, for the CI log: its route and the start of its text. */
  function show(route: string, page: WeappPage) {
    const text = page.text()
    process.stdout.write(`  [weapp] ${route}: ${text.length > 220 ? `${text.slice(0, 220)}…` : text}\n`)
  }

  const lastNavigation = (api = 'navigateTo') => weapp.calls.filter((c) => c.api === api).at(-1)?.args.url

  it('when a resident opens the home page, then it shows the live case count and 随手拍 opens the camera page', async () => {
    const page = await weapp.open('pages/index/index', 'demo-resident')
    show('首页', page)

    const filed = await reports(runtime.deps.store).count({})
    expect(filed).toBe(4)
    expect(page.text()).toMatch(new RegExp(`${filed} 问题上报`))
    expect(page.text()).toContain('可以反映的问题')

    await page.tapClass('home__shoot')
    expect(lastNavigation()).toBe('/packages/report/new/index?pick=1')
  })

  it('when the office opens 我的, then it shows the stored nickname and roles, and 问题台账 opens the ledger', async () => {
    const page = await weapp.open('pages/me/index', 'demo-admin')
    show('我的', page)

    const admin = await users(runtime.deps.store).findOne({ openid: 'demo-admin' })
    expect(page.text()).toContain(admin!.nickname)
    expect(page.text()).toContain('创文办管理员')

    await page.tap('问题台账')
    expect(lastNavigation()).toBe('/packages/staff/ledger/index')
  })

  it('when a resident opens 随手拍, then tapping the kind field lists the taxonomy the store holds', async () => {
    const page = await weapp.open('packages/report/new/index', 'demo-resident')
    show('随手拍', page)
    expect(weapp.cloudCalls()).toContain('campaign.categories')
    expect(page.text()).toContain('选择问题所属的类别')

    await page.tapClass('report-new__category')
    const groups = await categories(runtime.deps.store).find({ parentId: null }, { sort: { order: 1 }, limit: 100 })
    expect(groups.length).toBeGreaterThan(1)
    expect(page.text()).toContain(`选择问题类别 请选择 ${groups.map((g) => g.name).join(' ')}`)
    show('随手拍 · 选类别', page)
  })

  it('when the office opens the ledger, then it shows the stored totals and a case row opens that case', async () => {
    const page = await weapp.open('packages/staff/ledger/index', 'demo-admin')
    show('问题台账', page)

    const total = await reports(runtime.deps.store).count({})
    const waiting = await reports(runtime.deps.store).count({ status: 'submitted' })
    expect(page.text()).toContain(`共 ${total} 件 · 待受理 ${waiting} 件`)

    const [newest] = await reports(runtime.deps.store).find({}, { sort: { createdAt: -1 }, limit: 1 })
    expect(page.text()).toContain(newest.no)
    await page.tapClass('cwt-case-card')
    expect(lastNavigation()).toBe(`/packages/staff/case/index?id=${newest._id}`)
  })

  it('when a volunteer opens an activity and taps 报名, then the sign-up is stored and the page says so', async () => {
    const id = activityIds[1]
    const activity = await activities(runtime.deps.store).findOne({ _id: id })
    const page = await weapp.open('packages/volunteer/detail/index', 'demo-volunteer', { id })
    show('活动详情', page)
    expect(page.text()).toContain(activity!.title)
    expect(page.text()).toContain(`共 ${activity!.capacity} 人 · 已报名 0 人`)

    const from = weapp.calls.length
    await page.tapClass('vol-detail__sign-up')
    expect(weapp.cloudCalls(from)).toContain('volunteer.signUp')

    const volunteer = await users(runtime.deps.store).findOne({ openid: 'demo-volunteer' })
    const signup = await signups(runtime.deps.store).findOne({ activityId: id, userId: volunteer!._id })
    expect(signup?.status).toBe('confirmed')
    expect(page.text()).toContain('已报名')
    expect(page.text()).toContain(`已报名 1 人`)
    show('活动详情 · 报名后', page)
  })

  it('when a student opens 知识答题, then it shows the published quiz and 每日练习 opens a practice paper', async () => {
    const page = await weapp.open('packages/quiz/home/index', 'demo-student')
    show('知识答题', page)

    const [quiz] = await quizzes(runtime.deps.store).find({}, { limit: 1 })
    expect(page.text()).toContain(quiz.title)

    await page.tapClass('quiz-home__practice')
    expect(lastNavigation()).toBe('/packages/quiz/paper/index?mode=practice')
  })
})
