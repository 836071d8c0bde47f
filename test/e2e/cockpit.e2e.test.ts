import { startE2E } from '../support/browser'
import { act, fileReport } from '../support/reports'
import type { TestRuntime } from '../support/runtime'
import { sweep } from '../../cloudfunctions/reports/daily'

// The cockpit's subpackage and the ledger's each build their first screen on a busy two-core machine.
jest.setTimeout(300_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})

afterAll(() => e2e?.stop())

async function assigned(deadlineDays: number) {
  const { id } = await fileReport(rt)
  await act(rt, 'accept', { id }, 'demo-admin')
  return act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays }, 'demo-admin')
}

describe('the office’s cockpit, in Chromium', () => {
  it('when the admin opens the cockpit from 首页, then it shows this week’s 超期, and a tap lands on a ledger of exactly those cases', async () => {
    // Last week: one case due Wednesday the 18th, one due in ten working days. This Monday: two due the same day.
    rt.clock.set('2026-11-16T09:00:00+08:00')
    const lastWeeks = await assigned(2)
    const onTime = await assigned(10)
    rt.clock.set('2026-11-23T09:00:00+08:00')
    const late = [await assigned(0), await assigned(0)]
    // Tuesday: the sweep marks the three past their deadline.
    rt.clock.set('2026-11-24T10:00:00+08:00')
    expect(await sweep(rt.deps)).toMatchObject({ overdue: 3 })

    const page = await e2e.open('/pages/index/index', 'demo-admin', rt.clock.now())
    // 首页 leads the office to its cockpit
    await page.locator('.home__office .nut-cell', { hasText: '创文办驾驶舱' }).tap({ timeout: 60000 })
    await page.waitForURL(/packages\/cockpit\/index\/index/, { timeout: 60000 })
    const overdue = page.locator('.cockpit-week', { hasText: '超期' })
    await overdue.locator('.cockpit-week__value', { hasText: /^2$/ }).waitFor({ timeout: 60000 })
    await overdue.locator('.cockpit-week__last', { hasText: '上周 1' }).waitFor()

    await overdue.locator('.cockpit-week__value').tap()
    await page.waitForURL(/packages\/staff\/ledger\/index\?.*overdue=true/, { timeout: 30000 })
    await page.locator('.staff-ledger__ranges', { hasText: '整改期限 11-23 至 11-29' }).waitFor({ timeout: 60000 })
    await page.locator('.staff-ledger__total', { hasText: /^2 件$/ }).waitFor({ timeout: 60000 })
    const shown = await page.locator('.cwt-case-card__meta').allTextContents()
    expect(shown.map((meta) => meta.split(' · ')[0]).sort()).toEqual(late.map((c) => c.no).sort())
    expect(shown.join()).not.toContain(lastWeeks.no)
    expect(shown.join()).not.toContain(onTime.no)
    await page.context().close()
  })
})
