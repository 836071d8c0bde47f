import type { Locator, Page } from 'playwright-core'
import { reports, rounds } from '../../cloudfunctions/core/collections'
import { DEMO_PHOTOS, startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(300_000)

const { before: BEFORE, after: AFTER } = DEMO_PHOTOS

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})

afterAll(() => e2e?.stop())

/** Pages on the server's day: a round is planned for, and shown on, the day the server's clock says. */
const open = (hash: string, openid: string) => e2e.open(hash, openid, rt.clock.now())

const UPLOADED = '.cwt-photo-picker__tile:not(.cwt-photo-picker__tile--pending):not(.cwt-photo-picker__add)'

/** Adds a photo through the item's `nth` photo picker and waits until it is uploaded. */
async function addPhoto(page: Page, item: Locator, nth: number, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), item.locator('.cwt-photo-picker').nth(nth).locator('.cwt-photo-picker__add').tap()])
  await chooser.setFiles(file)
  await item.locator('.cwt-photo-picker').nth(nth).locator(UPLOADED).first().waitFor({ timeout: 30000 })
}

/** Picks a verdict and sees it taken: on a loaded machine a tap can land before the page listens. */
async function choose(item: Locator, verdict: RegExp | string) {
  for (let tries = 0; tries < 3; tries++) {
    await item.locator('.nut-radio', { hasText: verdict }).tap()
    const taken = await item.locator('.nut-radio-button-active', { hasText: verdict }).waitFor({ timeout: 10000 }).then(() => true, () => false)
    if (taken) return
  }
  throw new Error(`verdict ${verdict} not taken`)
}

/** Marks every item of the open visit form: the first fixed on the spot, the second failed, the rest passed; or all passed. */
async function markAndSend(page: Page, fail: boolean) {
  const items = page.locator('.inspect-visit__item')
  await items.first().waitFor({ timeout: 60000 })
  const count = await items.count()
  for (let i = 0; i < count; i++) {
    const item = items.nth(i)
    if (!fail || i > 1) {
      await choose(item, /^达标$/)
      continue
    }
    await choose(item, '不达标')
    await item.locator('textarea').fill(i === 0 ? '站台广告栏贴满小广告' : '站牌缺损看不清线路')
    await addPhoto(page, item, 0, BEFORE)
    if (i === 0) {
      await item.locator('.nut-switch').tap()
      await addPhoto(page, item, 1, AFTER)
    }
  }
  await page.locator('.inspect-visit__submit .nut-button').tap()
}

describe('督查 from a random draw to a passed 复查, in Chromium', () => {
  it('when the office draws 3 points, an inspector fails two items of one, the unit fixes the open one and the 复查 passes, then the ledger and the figures follow', async () => {
    // The office plans today's 暗访 and draws three 公交站台 at random.
    const office = await open('/packages/inspect/rounds/index', 'demo-admin')
    await office.locator('.inspect-rounds__bar--list .nut-button').tap({ timeout: 60000 })
    await office.locator('.inspect-rounds__form input').nth(0).fill('本周公交站台暗访')
    await office.locator('.inspect-rounds__form input').nth(1).fill('刘主任')
    await office.locator('.inspect-rounds__form .nut-checkbox', { hasText: '孙督查' }).tap()
    await office.locator('.inspect-rounds__form .nut-button', { hasText: '保存' }).tap()
    await office.waitForURL(/packages\/inspect\/round\/index\?id=/, { timeout: 30000 })
    await office.locator('.inspect-round__section .nut-radio', { hasText: '公交站台' }).tap({ timeout: 60000 })
    await office.locator('.inspect-round__draw .nut-button').tap()
    await office.getByText('点位（3）').waitFor({ timeout: 30000 })
    await office.context().close()
    const [round] = await rounds(rt.deps.store).find({}, { limit: 1 })
    expect(round.draws).toHaveLength(1)
    expect(new Set(round.pointIds)).toEqual(new Set(['point-15', 'point-16', 'point-17']))

    // The inspector finds it among today's rounds and inspects its first point.
    const inspector = await open('/packages/inspect/today/index', 'demo-inspector')
    await inspector.locator('.inspect-today__point').first().tap({ timeout: 60000 })
    await markAndSend(inspector, true)
    await inspector.getByText('整改完成后再来复查').waitFor({ timeout: 30000 })
    await inspector.context().close()

    const found = await reports(rt.deps.store).find({ source: '督查' }, { limit: 10 })
    expect(found.map((r) => r.status).sort()).toEqual(['assigned', 'closed'])
    expect(found.every((r) => r.departmentId === 'dept-cg')).toBe(true)
    expect(found.find((r) => r.status === 'closed')).toMatchObject({ onSpot: true })

    // The unit's handler fixes the open case with an after photo.
    const open_ = found.find((r) => r.status === 'assigned')!
    const handler = await open(`/packages/staff/case/index?id=${open_._id}`, 'demo-handler')
    await handler.locator('.staff-case__action', { hasText: '整改完成' }).first().tap({ timeout: 60000 })
    const [chooser] = await Promise.all([handler.waitForEvent('filechooser'), handler.locator('.staff-action .cwt-photo-picker__add').tap()])
    await chooser.setFiles(AFTER)
    await handler.locator(`.staff-action ${UPLOADED}`).first().waitFor({ timeout: 30000 })
    await handler.locator('.staff-action textarea').first().fill('已清除小广告，修复站牌')
    await handler.locator('.staff-action .nut-button', { hasText: '确认报告整改完成' }).tap()
    await handler.locator('.staff-action').waitFor({ state: 'hidden', timeout: 30000 })
    await handler.context().close()

    // 复查: every item passes now.
    const recheck = await open(`/packages/inspect/visit/index?roundId=${round._id}&pointId=${open_.inspection!.pointId}`, 'demo-inspector')
    await recheck.getByText('提交复查').waitFor({ timeout: 60000 })
    await markAndSend(recheck, false)
    // a send lost to a busy page is sent again: the visit keeps its requestId, so it is stored once
    for (let tries = 0; tries < 3; tries++) {
      const shown = await recheck.getByText('该点位已达标').waitFor({ timeout: 30000 }).then(() => true, () => false)
      if (shown) break
      if (tries === 2) throw new Error('the 复查 was not taken')
      await recheck.locator('.inspect-visit__submit .nut-button').tap()
    }
    await recheck.context().close()

    const figures = await rt.call('reports', 'figures', { roundId: round._id }, 'demo-admin')
    expect(figures.body.data.total).toEqual({ inspected: 1, passed: 1, failed: 0, problems: 2, onSpot: 1, byDeadline: 1, fixed: 2, inProgress: 0 })

    // The office sees the round's figures and the two 督查 cases in the ledger.
    const ledger = await open('/packages/staff/ledger/index', 'demo-admin')
    await ledger.locator('.cwt-case-card', { hasText: '督查' }).first().waitFor({ timeout: 60000 })
    await expect(ledger.locator('.cwt-case-card', { hasText: '督查' }).count()).resolves.toBe(2)
    await ledger.context().close()
  })
})
