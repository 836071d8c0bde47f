import type { BrowserContext, Page } from 'playwright-core'
import { settings, users } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

jest.setTimeout(240_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime
const phones: BrowserContext[] = []

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})
afterAll(() => e2e?.stop())
afterEach(async () => {
  await Promise.all(phones.splice(0).map((c) => c.close()))
})

async function open(hash: string, openid: string): Promise<Page> {
  const page = await e2e.open(hash, openid)
  phones.push(page.context())
  return page
}

const NOTICE_2027 = '一、元旦：1月1日（周五）至3日（周日）放假，共3天。二、春节：2月5日（农历除夕、周五）至11日（农历正月初六、周四）放假调休，共7天。2月7日（周日）上班。'

describe('the office, in Chromium', () => {
  it('when the ledger warns that the calendar is empty and the office pastes the notice, then it sees the parsed days and saves them', async () => {
    const ledger = await open('/packages/staff/ledger/index', 'demo-admin')
    await ledger.getByText('年的节假日还没有设置').first().tap({ timeout: 60000 })
    await ledger.waitForURL(/settings\/index\?tab=holidays/, { timeout: 30000 })
    await ledger.locator('.staff-settings__paste-text textarea').fill(NOTICE_2027)
    await ledger.getByText('春节：2月5日至2月11日放假，共7天；2月7日上班').waitFor({ timeout: 30000 })
    await ledger.locator('.nut-button', { hasText: '保存识别结果' }).tap()
    // the weekdays a holiday takes; its Saturdays and Sundays are off anyway
    await ledger.getByText('放假日（6）').waitFor({ timeout: 30000 })
    expect(await settings(rt.deps.store).findOne({ _id: 'holidays' })).toMatchObject({ off: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-07'] })
  })

  it('when the office searches a user by nickname and taps a role row, then the role is granted', async () => {
    await rt.call('users', 'updateProfile', { nickname: '东风社区孙主任' }, 'sun')
    const page = await open('/packages/admin/users/index', 'demo-admin')
    await page.locator('.admin-users .cwt-search-box input').fill('孙主任')
    await page.locator('.admin-users .cwt-search-box__go').tap()
    await page.getByText('（搜索“孙主任”）').waitFor({ timeout: 60000 })
    await page.locator('.nut-cell', { hasText: '东风社区孙主任' }).tap()
    // the middle of the row, away from the check box, answers the tap
    await page.locator('.admin-users__role', { hasText: '活动组织者' }).tap()
    await page.locator('.admin-users__editor .nut-button', { hasText: '保存' }).tap()
    await page.getByText('角色已更新').waitFor({ timeout: 30000 })
    expect((await users(rt.deps.store).findOne({ _id: userIdOf('sun') }))?.roles).toEqual(['resident', 'organizer'])
  })
})
