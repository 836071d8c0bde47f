import type { Page } from 'playwright-core'
import JSZip from 'jszip'
import { bulletins, outbox } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { startE2E } from '../support/browser'
import { act, fileReport, photo } from '../support/reports'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(300_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})

afterAll(() => e2e?.stop())

/** Pages on the server's day: the new-bulletin form offers the last week before the server's clock. */
const open = (hash: string, openid: string) => e2e.open(hash, openid, rt.clock.now())

/** A case filed now and given to `departmentId`, due in 2 working days. */
async function assigned(departmentId: string) {
  const { id } = await fileReport(rt)
  await act(rt, 'accept', { id }, 'demo-admin')
  await act(rt, 'assign', { id, departmentId, deadlineDays: 2 }, 'demo-admin')
  return id
}

/** Taps until `shown` appears: on a loaded machine a tap can land before the page listens. */
async function tapUntil(page: Page, selector: string, shown: () => Promise<unknown>) {
  for (let tries = 0; tries < 3; tries++) {
    await page.locator(selector).first().tap({ timeout: 60000 })
    if (await shown().then(() => true, () => false)) return
  }
  throw new Error(`${selector} did not lead on`)
}

/** The text of every cell of a table row, by row (w:tr) and cell (w:tc), read from the .docx's document.xml. */
function docxTables(xml: string): string[][] {
  const texts = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  return [...xml.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => texts(c[0])))
}

/** The preview's unit table as header → value for the row of `unit`. */
async function previewRow(page: Page, unit: string) {
  const head = await page.locator('.bulletin-doc__tr--head .bulletin-doc__td').allInnerTexts()
  const row = await page.locator('.bulletin-doc__tr', { hasText: unit }).locator('.bulletin-doc__td').allInnerTexts()
  return Object.fromEntries(head.map((h, i) => [h.trim(), row[i].trim()]))
}

describe('通报 from a draft to the units, in Chromium', () => {
  it('when the office makes last week’s bulletin, writes a preface and publishes it, then the unit’s handler opens it from the notice with their row highlighted, and the .docx holds the numbers the preview showed', async () => {
    // Last week (Monday 16 – Sunday 22 November): two cases for 市城市管理局, one fixed; one for 市住建局.
    rt.clock.set('2026-11-16T10:00:00+08:00')
    const fixed = await assigned('dept-cg')
    const late = await assigned('dept-cg')
    await assigned('dept-zj')
    rt.clock.set('2026-11-17T15:00:00+08:00')
    await act(rt, 'fix', { id: fixed, afterPhotos: [await photo(rt, 'demo-handler')], note: '已更换新井盖' }, 'demo-handler')
    await act(rt, 'verify', { id: fixed }, 'demo-admin')
    rt.clock.set('2026-11-24T09:00:00+08:00')

    // The office opens 通报, makes a draft for last week (the form's default) and writes the preface.
    const office = await open('/packages/bulletins/list/index', 'demo-admin')
    await tapUntil(office, '.bulletin-list__new', () => office.locator('.bulletin-list__form').waitFor({ timeout: 10000 }))
    await office.getByText('2026年11月16日—11月22日').waitFor({ timeout: 10000 })
    await office.locator('.bulletin-list__create').tap()
    await office.waitForURL(/packages\/bulletins\/edit\/index\?id=/, { timeout: 60000 })
    const preface = '上周全市新增问题 3 件，市城市管理局 1 件问题超期未改，请抓紧整改。'
    await office.locator('.bulletin-edit__preface textarea').fill(preface, { timeout: 60000 })
    await office.locator('.bulletin-edit__unit', { hasText: '市城市管理局' }).locator('textarea').fill('整改及时')
    await tapUntil(office, '.bulletin-edit__preview', () => office.waitForURL(/packages\/bulletins\/view\/index\?id=/, { timeout: 30000 }))

    // The preview is the document units will read.
    await office.locator('.bulletin-doc__no').getByText('2026年第1期').waitFor({ timeout: 60000 })
    await office.locator('.bulletin-doc__preface', { hasText: preface }).waitFor()
    const shown = await previewRow(office, '市城市管理局')
    expect(shown).toMatchObject({ 新增: '2', 交办: '2', 限期整改: '2', 已整改: '1', 整改率: '50%', 超期: '1' })
    const overall = Object.fromEntries(
      (await office.locator('.bulletin-doc__stats .cwt-stat-grid__item').allInnerTexts()).map((t) => t.split('\n').map((s) => s.trim())).map(([value, label]) => [label, value])
    )
    expect(overall).toMatchObject({ 新增问题: '3', 交办: '3', 已整改: '1', 超期未改: '2' })
    await expect(office.locator('.bulletin-doc__overdue').count()).resolves.toBe(2)

    // Published after the confirmation.
    await tapUntil(office, '.bulletin-view__publish', () => office.locator('.nut-dialog-footer-ok').waitFor({ timeout: 10000 }))
    await office.locator('.nut-dialog-footer-ok').tap()
    await office.locator('.bulletin-view__docx').waitFor({ timeout: 60000 })
    await office.context().close()
    const [stored] = await bulletins(rt.deps.store).find({}, { limit: 10 })
    expect(stored).toMatchObject({ no: '2026年第1期', status: 'published', preface, start: '2026-11-16', end: '2026-11-22' })
    expect(stored.figures.units.find((u) => u.department.id === 'dept-cg')?.remark).toBe('整改及时')
    expect(await outbox(rt.deps.store).findOne({ userId: userIdOf('demo-handler'), page: `/packages/bulletins/view/index?id=${stored._id}` })).toBeTruthy()

    // The handler's notice opens the bulletin, their unit's row highlighted.
    const handler = await open('/packages/report/inbox/index', 'demo-handler')
    await tapUntil(handler, '.report-inbox__item--link', () => handler.waitForURL(/packages\/bulletins\/view\/index\?id=/, { timeout: 30000 }))
    const mine = handler.locator('.bulletin-doc__tr--mine')
    await mine.waitFor({ timeout: 60000 })
    await expect(mine.locator('.bulletin-doc__td--unit').innerText()).resolves.toBe('市城市管理局')
    await expect(handler.locator('.bulletin-doc__tr--mine').count()).resolves.toBe(1)
    expect(await previewRow(handler, '市城市管理局')).toEqual(shown)

    // The .docx downloads, and its tables say what the page said.
    const [download] = await Promise.all([handler.waitForEvent('download', { timeout: 60000 }), handler.locator('.bulletin-view__docx').tap()])
    expect(download.suggestedFilename()).toBe('创文通报-2026年第1期.docx')
    const chunks: Buffer[] = []
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer)
    const xml = await (await JSZip.loadAsync(Buffer.concat(chunks))).file('word/document.xml')!.async('string')
    expect(xml).toContain(preface)
    const rows = docxTables(xml)
    const header = rows.find((r) => r[0] === '责任单位')!
    const unit = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === '市城市管理局')![i]]))
    expect(unit).toMatchObject({ 新增问题: shown['新增'], 交办: shown['交办'], 已整改: shown['已整改'], 整改率: shown['整改率'], 超期: shown['超期'], 得分: shown['得分'], 排名: shown['名次'] })
    const overallRow = rows[rows.indexOf(rows.find((r) => r[0] === '新增问题')!) + 1]
    expect(overallRow[0]).toBe(overall['新增问题'])
    expect(rows.filter((r) => r.includes(String(stored.figures.overdueCases.find((c) => c.id === late)?.no)))).toHaveLength(1)

    // Its overdue case opens the case.
    await handler.locator('.bulletin-doc__overdue', { hasText: '市城市管理局' }).tap()
    await handler.waitForURL(new RegExp(`packages/staff/case/index\\?id=${late}`), { timeout: 30000 })
    await handler.context().close()
  })
})
