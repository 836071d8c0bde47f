import type { Page } from 'playwright-core'
import { reports } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { DEMO_PHOTOS, startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(180_000)

const { before: BEFORE, after: AFTER } = DEMO_PHOTOS

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})

afterAll(() => e2e?.stop())

const open = (hash: string, openid?: string) => e2e.open(hash, openid)

const stored = (id: string) => reports(rt.deps.store).findOne({ _id: id })

/** The resident files a 牛皮癣 report from the home page with a real photo and a place; answers the case id. */
async function fileFromHome(description: string) {
  const page = await open('/pages/index/index', 'demo-resident')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), page.locator('.home__shoot').tap()])
  await chooser.setFiles(BEFORE)
  await page.locator('.cwt-photo-picker__tile:not(.cwt-photo-picker__tile--pending):not(.cwt-photo-picker__add)').first().waitFor({ timeout: 30000 })
  await page.locator('.report-new__category').tap()
  await page.locator('.nut-cascader-item', { hasText: '市容环境' }).tap()
  await page.locator('.nut-cascader-item', { hasText: '小广告"牛皮癣"' }).tap()
  await page.locator('.report-new__address input').fill('麒麟区南宁北路公交站旁')
  await page.locator('.report-new__textarea textarea').fill(description)
  await page.locator('.report-new__submit').tap()
  await page.waitForURL(/packages\/report\/detail\/index\?id=/, { timeout: 30000 })
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
  await page.getByText('待受理').first().waitFor()
  await page.context().close()
  return id
}

/** A staff member opens the case and makes one move through its popup. */
async function staffMove(openid: string, id: string, label: string, fill?: (page: Page) => Promise<void>) {
  const page = await open(`/packages/staff/case/index?id=${id}`, openid)
  await page.locator('.staff-case__action', { hasText: label }).first().tap({ timeout: 30000 })
  if (fill) await fill(page)
  await page.locator('.staff-action .nut-button', { hasText: `确认${label}` }).tap()
  await page.locator('.staff-action').waitFor({ state: 'hidden', timeout: 30000 })
  await page.context().close()
}

async function afterPhoto(page: Page) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.staff-action .cwt-photo-picker__add').tap()])
  await chooser.setFiles(AFTER)
  await page.locator('.staff-action .cwt-photo-picker__tile:not(.cwt-photo-picker__tile--pending):not(.cwt-photo-picker__add)').first().waitFor({ timeout: 30000 })
  await page.locator('.staff-action textarea').first().fill('已清除小广告并刷白墙面')
}

describe('随手拍 from photo to verified fix, in Chromium', () => {
  it('when a resident files a report and the office, the department and the resident each play their part, then the case closes with the full timeline and the rating', async () => {
    const id = await fileFromHome('公交站旁的墙上贴满了办证小广告')
    const filed = (await stored(id))!
    expect(filed).toMatchObject({ status: 'submitted', reporterId: userIdOf('demo-resident'), categoryId: 'g1-01', location: { address: '麒麟区南宁北路公交站旁' } })
    expect(filed.photos).toHaveLength(1)
    const photo = (await rt.deps.files.get(filed.photos[0]))!
    expect(photo.contentType).toBe('image/jpeg')
    expect(photo.size).toBeLessThanOrEqual(300 * 1024)

    await staffMove('demo-admin', id, '受理')
    expect(await stored(id)).toMatchObject({ status: 'accepted' })
    // The routing suggestion fills in the kind's department (城管局) and its deadline.
    await staffMove('demo-admin', id, '交办')
    expect(await stored(id)).toMatchObject({ status: 'assigned', departmentId: 'dept-cg', deadline: expect.any(String) })

    await staffMove('demo-handler', id, '报告整改完成', afterPhoto)
    expect(await stored(id)).toMatchObject({ status: 'fixed', fixNote: '已清除小广告并刷白墙面' })
    expect((await stored(id))?.afterPhotos).toHaveLength(1)

    await staffMove('demo-admin', id, '核查结案')
    expect((await stored(id))?.status).toBe('closed')

    const page = await open(`/packages/report/detail/index?id=${id}`, 'demo-resident')
    await page.locator('.report-detail__confirm').waitFor({ timeout: 30000 })
    for (const step of ['待受理', '已受理', '已交办', '已整改待核查', '已办结']) {
      await expect(page.locator('.cwt-case-timeline__to', { hasText: step }).count()).resolves.toBeGreaterThan(0)
    }
    await expect(page.locator('.cwt-case-timeline__photo').count()).resolves.toBeGreaterThanOrEqual(2)
    await page.locator('.report-detail__choice .nut-radio', { hasText: '已解决' }).tap()
    await page.locator('.cwt-rating__star').nth(4).tap()
    await page.locator('.report-detail__textarea textarea').fill('修得很快，谢谢')
    await page.locator('.report-detail__confirm-button').tap()
    await page.locator('.report-detail__confirmed').waitFor({ timeout: 30000 })
    expect((await stored(id))?.confirmation).toMatchObject({ state: 'resolved', rating: 5, comment: '修得很快，谢谢' })
    await page.context().close()
  })

  it('when the resident answers 未解决, then the case reopens to the department', async () => {
    const id = await fileFromHome('刚清理过的墙面又被贴上了开锁广告')
    await staffMove('demo-admin', id, '受理')
    await staffMove('demo-admin', id, '交办')
    await staffMove('demo-handler', id, '报告整改完成', afterPhoto)
    await staffMove('demo-admin', id, '核查结案')

    const page = await open(`/packages/report/detail/index?id=${id}`, 'demo-resident')
    await page.locator('.report-detail__confirm').waitFor({ timeout: 30000 })
    await page.locator('.report-detail__choice .nut-radio', { hasText: '未解决' }).tap()
    await page.locator('.report-detail__textarea textarea').fill('小广告还在')
    await page.locator('.report-detail__confirm-button').tap()
    await page.locator('.cwt-case-timeline__to', { hasText: '整改中' }).first().waitFor({ timeout: 30000 })
    expect(await stored(id)).toMatchObject({ status: 'in_progress', departmentId: 'dept-cg', confirmation: { state: 'unresolved', reason: '小广告还在' } })
    await page.context().close()

    const queue = await open('/packages/staff/queue/index', 'demo-handler')
    await queue.getByText('刚清理过的墙面又被贴上了开锁广告').waitFor({ timeout: 30000 })
    await queue.context().close()
  })
})
