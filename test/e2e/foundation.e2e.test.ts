import type { Page } from 'playwright-core'
import { DEMO_IDENTITIES } from '../../types/domain'
import { users } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// A browser page can take seconds to build its first screen on a busy two-core machine.
jest.setTimeout(90_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})

afterAll(() => e2e?.stop())

const open = (hash: string, openid?: string) => e2e.open(hash, openid)
const stat = (page: Page, label: string) => page.locator('.cwt-stat-grid__item', { hasText: label }).locator('.cwt-stat-grid__value')

describe('foundation in Chromium', () => {
  it('when a resident opens the home page, then the live figures from the back end show, and move when the data does', async () => {
    const page = await open('/pages/index/index')
    await expect(stat(page, '参与市民').textContent({ timeout: 15000 })).resolves.toBe(String(DEMO_IDENTITIES.length))
    await expect(page.getByText('10 个责任单位 · 29 类问题可随手拍反映').isVisible()).resolves.toBe(true)
    // Only the first group starts open; tapping another unfolds it.
    const group = page.locator('.nut-collapse-item', { hasText: '市政设施（7）' })
    const content = await group.locator('.nut-collapse-item-content-wrapper').elementHandle()
    await expect(content!.evaluate((e) => e.getBoundingClientRect().height)).resolves.toBe(0)
    await group.locator('.nut-collapse-item-header').tap()
    await page.waitForFunction((e) => e!.getBoundingClientRect().height > 100, content)
    await expect(group.getByText('井盖破损/缺失').isVisible()).resolves.toBe(true)

    await rt.call('users', 'me', {}, 'e2e-newcomer')
    await page.reload()
    await expect(stat(page, '参与市民').textContent({ timeout: 15000 })).resolves.toBe(String(DEMO_IDENTITIES.length + 1))
    await page.context().close()
  })

  it('when someone switches to the admin identity, then 我的 shows the admin role', async () => {
    const page = await open('/pages/index/index')
    await page.locator('.cwt-identity-switch', { hasText: '演示身份：王阿姨' }).tap()
    await page.locator('.nut-actionsheet-item', { hasText: '创文办刘主任（创文办管理员）' }).tap()
    await stat(page, '参与市民').waitFor({ timeout: 15000 })
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
    await page.locator('.me__name').getByText('创文办刘主任').waitFor({ timeout: 15000 })
    await expect(page.getByText('市民、创文办管理员').isVisible()).resolves.toBe(true)
    await expect(page.getByText('用户与角色').isVisible()).resolves.toBe(true)
    await page.context().close()
  })

  it('when a resident enters a bad nickname, then the dialog keeps it and says why; a good one is saved', async () => {
    const page = await open('/pages/me/index', 'demo-resident')
    await page.locator('.me__name').getByText('王阿姨').waitFor({ timeout: 15000 })
    await expect(page.getByText('用户与角色').count()).resolves.toBe(0)
    await page.locator('.nut-cell', { hasText: '昵称' }).tap()
    const input = page.locator('.me__input input')
    await input.fill('代开发票找我')
    await page.locator('.nut-dialog-footer-ok').tap()
    await page.getByText(/^昵称含有.+不宜(发布|公开)的内容$/).waitFor()
    await expect(input.inputValue()).resolves.toBe('代开发票找我')
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('demo-resident') }))?.nickname).toBe('王阿姨')

    await input.fill('王大妈')
    await page.locator('.nut-dialog-footer-ok').tap()
    await page.locator('.me__name').getByText('王大妈').waitFor()
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('demo-resident') }))?.nickname).toBe('王大妈')
    await page.context().close()
  })

  it('when the admin gives a user the volunteer role on the users page, then it is stored and shown', async () => {
    const page = await open('/packages/admin/users/index', 'demo-admin')
    await page.getByText(`共 ${await users(rt.deps.store).count({})} 人`).waitFor({ timeout: 15000 })
    await page.locator('.nut-cell', { hasText: '李志愿' }).waitFor()
    await page.locator('.nut-cell', { hasText: '陈组织' }).tap()
    await page.locator('.admin-users__role', { hasText: '志愿者' }).tap()
    await page.locator('.admin-users__editor .nut-button').tap()
    await page.locator('.nut-cell', { hasText: '陈组织' }).getByText('志愿者').waitFor()
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('demo-organizer') }))?.roles).toEqual(['resident', 'organizer', 'volunteer'])
    await page.context().close()
  })
})
