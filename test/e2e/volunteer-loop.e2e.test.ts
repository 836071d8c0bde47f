import type { BrowserContext, Page } from 'playwright-core'
import { serviceRecords, signups } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(240_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime
const phones: BrowserContext[] = []

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
  // The demo volunteer as the local runtime's demo data registers them.
  const registered = await rt.call('volunteer', 'register', { realName: '李志愿', phone: '13800001234', team: '南宁街道志愿服务队', birthDate: '1995-06-18' }, 'demo-volunteer')
  expect(registered.status).toBe(200)
})

afterAll(() => e2e?.stop())

/** A page whose clock reads the server's: the pages decide which buttons to show from the time of day. */
async function open(hash: string, openid: string): Promise<Page> {
  const page = await e2e.open(hash, openid, rt.clock.now())
  phones.push(page.context())
  return page
}

async function closeAll() {
  await Promise.all(phones.splice(0).map((c) => c.close()))
}

/** The six digits the organizer's check-in page shows right now. */
async function codeShown(id: string) {
  const page = await open(`/packages/organize/code/index?id=${id}`, 'demo-organizer')
  const digits = page.locator('.org-code__digits')
  await digits.waitFor({ timeout: 60000 })
  return (await digits.innerText()).replace(/\D/g, '')
}

async function enterCode(id: string, code: string, button: '签到' | '签退') {
  const page = await open(`/packages/volunteer/detail/index?id=${id}`, 'demo-volunteer')
  await page.locator('.vol-detail__check', { hasText: button }).tap({ timeout: 60000 })
  await page.locator('.vol-check-in__code input').fill(code)
  await page.locator('.vol-check-in__submit').tap()
  await page.locator('.vol-check-in__body').waitFor({ state: 'hidden', timeout: 30000 })
  return page
}

describe('志愿服务 from publishing to verified hours, in Chromium', () => {
  it('when a volunteer has no hours yet, then the certificate page says how to earn them instead of issuing one', async () => {
    const page = await open('/packages/volunteer/certificate/index', 'demo-volunteer')
    await page.getByText('还没有可证明的服务时长').waitFor({ timeout: 60000 })
    await page.locator('.cwt-blank__action').tap()
    await page.waitForURL(/volunteer\/list\/index/, { timeout: 30000 })
    await closeAll()
  })

  it('when the organizer publishes, the volunteer signs up and checks in and out with the rotating code, and the organizer confirms, then the hours and star progress show on 我的志愿', async () => {
    const organizer = await open('/packages/organize/edit/index', 'demo-organizer')
    await organizer.locator('input[placeholder="如：文明交通劝导 · 人民路口"]').fill('文明交通劝导 · 南宁北路口')
    await organizer.locator('.org-edit__select').tap()
    await organizer.locator('.nut-picker-confirm-btn').tap()
    await organizer.locator('textarea[placeholder="做什么、怎么集合、注意事项"]').fill('早高峰在路口劝导行人和非机动车遵守信号灯，8:50 在东南角集合领取马甲和小红旗。')
    await organizer.locator('input[placeholder="如：人民路与解放路交叉口东南角"]').fill('南宁北路与文昌街交叉口东南角')
    // insurance has no default: publishing without choosing names it, and keeps what was typed
    await organizer.locator('.org-edit__publish').tap()
    await organizer.getByText('请选择是否已为志愿者购买保险').first().waitFor({ timeout: 30000 })
    await organizer.locator('.org-edit__insurance').getByText('已购买').tap()
    await organizer.locator('.org-edit__publish').tap()
    await organizer.waitForURL(/packages\/organize\/roster\/index\?id=/, { timeout: 60000 })
    const id = new URL(organizer.url().replace('/#/', '/')).searchParams.get('id')!
    await closeAll()

    const volunteer = await open('/packages/volunteer/list/index', 'demo-volunteer')
    await volunteer.getByText('文明交通劝导 · 南宁北路口').first().tap({ timeout: 60000 })
    await volunteer.locator('.vol-detail__sign-up').tap({ timeout: 60000 })
    await volunteer.getByText('取消报名').waitFor({ timeout: 30000 })
    const signup = await signups(rt.deps.store).findOne({ activityId: id, userId: userIdOf('demo-volunteer') })
    expect(signup).toMatchObject({ status: 'confirmed' })
    const start = new Date(signup!.startAt)
    await closeAll()

    rt.clock.set(new Date(start.getTime() + 2 * 60_000))
    await enterCode(id, await codeShown(id), '签到')
    await closeAll()

    // A code read off the screen before the clock moved on is refused.
    const stale = await codeShown(id)
    rt.clock.set(new Date(start.getTime() + 118 * 60_000))
    const refused = await open(`/packages/volunteer/detail/index?id=${id}`, 'demo-volunteer')
    await refused.locator('.vol-detail__check', { hasText: '签退' }).tap({ timeout: 60000 })
    await refused.locator('.vol-check-in__code input').fill(stale)
    await refused.locator('.vol-check-in__submit').tap()
    await refused.locator('.vol-check-in__error').waitFor({ timeout: 30000 })
    expect(await refused.locator('.vol-check-in__error').innerText()).toMatch(/过期|失效/)
    await closeAll()

    const out = await enterCode(id, await codeShown(id), '签退')
    await out.getByText(/已签退/).waitFor({ timeout: 30000 })
    await closeAll()

    rt.clock.set(new Date(start.getTime() + 3 * 3600_000))
    const roster = await open(`/packages/organize/roster/index?id=${id}`, 'demo-organizer')
    await roster.locator('.org-roster__confirm').tap({ timeout: 60000 })
    await roster.locator('.nut-dialog-footer-ok').tap()
    await roster.locator('.org-roster__confirmed').waitFor({ timeout: 30000 })
    await closeAll()

    const records = await serviceRecords(rt.deps.store).find({ userId: userIdOf('demo-volunteer') })
    expect(records).toEqual([expect.objectContaining({ activityId: id, hours: 1.9, kind: 'verified' })])

    const mine = await open('/packages/volunteer/mine/index', 'demo-volunteer')
    await mine.locator('.vol-mine__hours').waitFor({ timeout: 60000 })
    expect(await mine.locator('.vol-mine__hours').innerText()).toBe('1.9')
    expect(await mine.locator('.vol-mine__next').innerText()).toContain('再服务 98.1 小时升为 1 星')
    await mine.getByText('文明交通劝导 · 南宁北路口').first().waitFor()
    await closeAll()

    // the certificate, with its hours, downloads as a picture named by its check number
    const certificate = await open('/packages/volunteer/certificate/index', 'demo-volunteer')
    await certificate.getByText('下载证明图片').waitFor({ timeout: 60000 })
    const [download] = await Promise.all([certificate.waitForEvent('download'), certificate.locator('.nut-button', { hasText: '下载证明图片' }).tap()])
    const no = (await rt.call('volunteer', 'me', {}, 'demo-volunteer')).body.data.certificateNo
    expect(download.suggestedFilename()).toBe(`志愿服务记录证明-${no}.png`)
    const png = await download.createReadStream()
    const head = await new Promise<Buffer>((resolve) => png.once('data', (chunk) => resolve(chunk as Buffer)))
    expect(head.subarray(1, 4).toString()).toBe('PNG')
    await closeAll()
  })
})
