import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { attempts, monthly, questions, quizzes, reports, signups, stars } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { shownAnswers } from '../../runtime/demo'
import { KNOWLEDGE_POINTS } from '../../types/quiz'
import { CHECK_OUT_LATE_MINUTES, shortListNote } from '../../types/volunteer'
import { startE2E } from '../support/browser'
import { act, fileReport, requestId, SPOT } from '../support/reports'
import type { TestRuntime } from '../support/runtime'

// What six people tripping through the app found (issue 16), each walked in Chromium. Several pages each build
// their first screen on a busy two-core machine.
jest.setTimeout(240_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime
const phones: BrowserContext[] = []
const HOUR = 3600_000
// The app's demo identities are the only ones a phone can be; the people the API alone sees have their own openids.
const volunteer = userIdOf('demo-volunteer')

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
})
afterAll(() => e2e?.stop())
afterEach(async () => {
  await Promise.all(phones.splice(0).map((c) => c.close()))
})

/** A page whose clock reads the server's: the pages decide what to show from the time of day. */
async function open(hash: string, openid: string): Promise<Page> {
  const page = await e2e.open(hash, openid, rt.clock.now())
  phones.push(page.context())
  return page
}

async function ok<T = any>(fn: string, action: string, payload: object, openid: string): Promise<T> {
  const res = await rt.call(fn as 'volunteer', action as 'me', payload as Record<string, never>, openid, requestId())
  if (res.status !== 200) throw new Error(`${fn}.${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

/** A published activity of the demo organizer, `from` hours from now for `hours`, with no place to check against. */
async function activity(title: string, from: number, hours: number) {
  const now = rt.clock.now().getTime()
  const t = (h: number) => new Date(now + h * HOUR).toISOString()
  const input = { title, type: 'traffic', description: '早高峰劝导行人不闯红灯', bring: '', place: { address: '麒麟区南宁北路与文昌街交叉口', lat: null, lng: null, radius: 300 }, startAt: t(from), endAt: t(from + hours), capacity: 30, signupDeadline: t(from / 2), cancelDeadline: t(from / 4), insurance: true }
  const created = await ok('volunteer', 'create', input, 'demo-organizer')
  await ok('volunteer', 'publish', { id: created.id }, 'demo-organizer')
  return created.id as string
}

/** A campaign quiz for everyone, open since yesterday and for a week more; `reveal` left to its default unless given. */
async function quiz(title: string, extra: Record<string, unknown>) {
  const now = rt.clock.now().getTime()
  const input = { title, description: '', opensAt: new Date(now - 24 * HOUR).toISOString(), closesAt: new Date(now + 7 * 24 * HOUR).toISOString(), quotas: [{ point: KNOWLEDGE_POINTS[0], count: 3 }], timeLimitMinutes: 20, passMark: 60, audience: 'everyone', schoolIds: [], ...extra }
  return (await ok('quiz', 'saveQuiz', input, 'demo-admin')).id as string
}

/** Starts the quiz as `openid`, answers every question wrong, hands in, and answers the attempt id. */
async function missAll(openid: string, quizId: string) {
  const paper = await ok('quiz', 'start', { quizId }, openid)
  const attemptId: string = paper.attemptId
  for (const index of paper.questions.keys()) await ok('quiz', 'answer', { attemptId, index, choice: (await shownAnswers(rt.deps.store, attemptId, index)).wrong }, openid)
  await ok('quiz', 'submit', { attemptId }, openid)
  return attemptId
}

const stored = (id: string) => reports(rt.deps.store).findOne({ _id: id })

describe('a day of real use (issue 16), in Chromium', () => {
  it('when an activity has ended but the auto check-out has not come, then the organizer’s roster still offers 签到码 and a volunteer checked in checks out with it, told where the code is shown', async () => {
    await ok('volunteer', 'register', { realName: '李志愿', phone: '13800001234', team: '南宁街道志愿服务队', birthDate: '1992-03-04' }, 'demo-volunteer')
    const id = await activity('签退演练 · 文昌街路口', 2, 1)
    await ok('volunteer', 'signUp', { id }, 'demo-volunteer')
    const start = new Date((await signups(rt.deps.store).findOne({ _id: `${id}:${volunteer}` }))!.startAt).getTime()
    rt.clock.set(new Date(start + 2 * 60_000))
    const { code: inCode } = await ok('volunteer', 'code', { id }, 'demo-organizer')
    await ok('volunteer', 'checkIn', { id, code: inCode }, 'demo-volunteer')

    // Half an hour after the scheduled end: the code is still on the roster, with when it stops serving.
    const end = start + HOUR
    rt.clock.set(new Date(end + 30 * 60_000))
    const roster = await open(`/packages/organize/roster/index?id=${id}`, 'demo-organizer')
    await roster.locator('.org-roster__code', { hasText: '签到码' }).waitFor({ timeout: 60000 })
    expect(await roster.locator('.org-roster__code-hint').innerText()).toMatch(/活动已结束，志愿者签退仍扫签到码，\d\d:\d\d 后未签退的按结束时间自动签退/)
    await roster.locator('.org-roster__code').tap()
    await roster.waitForURL(/packages\/organize\/code\/index\?id=/, { timeout: 30000 })
    const digits = roster.locator('.org-code__digits')
    await digits.waitFor({ timeout: 60000 })
    const code = (await digits.innerText()).replace(/\D/g, '')
    expect(code).toHaveLength(6)

    // The volunteer's sheet says where the code is, and the code checks them out.
    const sheet = await open(`/packages/volunteer/detail/index?id=${id}`, 'demo-volunteer')
    await sheet.locator('.vol-detail__check', { hasText: '签退' }).tap({ timeout: 60000 })
    const hint = sheet.locator('.vol-check-in__hint')
    await hint.waitFor({ timeout: 30000 })
    expect(await hint.innerText()).toContain('请组织者在活动名单页点「签到码」出示')
    await sheet.locator('.vol-check-in__code input').fill(code)
    await sheet.locator('.vol-check-in__submit').tap()
    await sheet.locator('.vol-check-in__body').waitFor({ state: 'hidden', timeout: 30000 })
    await sheet.getByText(/已签退/).first().waitFor({ timeout: 30000 })
    expect(await signups(rt.deps.store).findOne({ _id: `${id}:${volunteer}` })).toMatchObject({ checkInAt: expect.any(String), checkOutAt: rt.clock.now().toISOString() })

    // Past the auto check-out the roster offers the code no more.
    rt.clock.set(new Date(end + (CHECK_OUT_LATE_MINUTES + 1) * 60_000))
    const later = await open(`/packages/organize/roster/index?id=${id}`, 'demo-organizer')
    await later.locator('.org-roster__confirm-bar').waitFor({ timeout: 60000 })
    await expect(later.locator('.org-roster__code').count()).resolves.toBe(0)
  })

  it('when a resident files anonymously and the office assigns the case, then the department’s case page says 匿名举报 and never the name, while the office’s shows it', async () => {
    await ok('users', 'updateProfile', { nickname: '赵匿名' }, 'e2e-anon')
    const { id } = await fileReport(rt, 'e2e-anon', { anonymous: true, description: '小区门口的井盖缺了一角' })
    await act(rt, 'accept', { id }, 'demo-admin')
    await act(rt, 'assign', { id, departmentId: 'dept-cg', deadlineDays: 2 }, 'demo-admin')
    expect(await stored(id)).toMatchObject({ anonymous: true, reporterId: userIdOf('e2e-anon'), status: 'assigned', departmentId: 'dept-cg' })

    const handler = await open(`/packages/staff/case/index?id=${id}`, 'demo-handler')
    const reporter = handler.locator('.nut-cell', { hasText: '举报人' })
    await reporter.getByText('匿名举报').waitFor({ timeout: 60000 })
    await handler.getByText('小区门口的井盖缺了一角').first().waitFor()
    expect(await handler.locator('body').innerText()).not.toContain('赵匿名')

    const office = await open(`/packages/staff/case/index?id=${id}`, 'demo-admin')
    await office.locator('.nut-cell', { hasText: '举报人' }).getByText('赵匿名（对外匿名）').waitFor({ timeout: 60000 })
  })

  it('when staff open a case, then its place reads 纬度 …，经度 …, latitude first and labelled', async () => {
    const { id } = await fileReport(rt, 'e2e-place', { description: '路口的井盖松动，车过时哐哐响' })
    const page = await open(`/packages/staff/case/index?id=${id}`, 'demo-admin')
    const place = page.locator('.nut-cell', { hasText: '位置' })
    await place.getByText(SPOT.address).waitFor({ timeout: 60000 })
    const text = await place.innerText()
    expect(text).toContain(`纬度 ${SPOT.lat.toFixed(5)}，经度 ${SPOT.lng.toFixed(5)}`)
    expect(text).not.toContain(`${SPOT.lng.toFixed(5)}, ${SPOT.lat.toFixed(5)}`)
    expect((await stored(id))?.location).toMatchObject({ lat: SPOT.lat, lng: SPOT.lng })
  })

  it('when a resident submits a case, then the admin’s inbox has the notice naming the case number, and 我的 shows the red count on 待受理', async () => {
    const filed = await fileReport(rt, 'e2e-notice', { description: '菜市场门口的井盖不见了' })
    expect(filed.no).toBeTruthy()
    const waiting = await reports(rt.deps.store).count({ status: 'submitted' })
    expect(waiting).toBeGreaterThan(0)

    const inbox = await open('/packages/report/inbox/index', 'demo-admin')
    const notice = inbox.locator('.report-inbox__item', { hasText: filed.no })
    await notice.waitFor({ timeout: 60000 })
    expect(await notice.locator('.report-inbox__title').innerText()).toBe('新随手拍待受理')
    expect(await notice.locator('.report-inbox__text').innerText()).toBe(`「井盖破损/缺失」${filed.no}，${SPOT.address}`)

    const me = await open('/pages/me/index', 'demo-admin')
    const triage = me.locator('.me__office .nut-cell', { hasText: '待受理' })
    await triage.locator('.me__waiting').waitFor({ timeout: 60000 })
    expect((await triage.locator('.me__waiting').innerText()).trim()).toBe(String(waiting))
  })

  it('when the office opens 志愿服务之星 and fewer volunteers qualify than the monthly number, then it opens on the month just ended and publishing selects them all, saying 仅 N 人，全部入选', async () => {
    // Early December by the test clock: the month just ended is November.
    rt.clock.set(new Date('2026-12-02T10:00:00+08:00'))
    const month = '2026-11'
    for (let i = 0; i < 3; i++) {
      const openid = `e2e-star-${i}`
      await ok('volunteer', 'register', { realName: ['赵一星', '钱二星', '孙三星'][i], phone: `1380000100${i}`, team: '南宁街道志愿服务队', birthDate: '1990-05-01' }, openid)
      await monthly(rt.deps.store).insert({ _id: `${month}:${userIdOf(openid)}`, userId: userIdOf(openid), month, hours: 5 + i, activities: 1 })
    }
    const eligible = (await ok<unknown[]>('volunteer', 'starCandidates', { month }, 'demo-admin')).length
    expect(eligible).toBeLessThan(10)

    const page = await open('/packages/organize/stars/index', 'demo-admin')
    await page.locator('.org-stars__month-value', { hasText: '2026年11月' }).waitFor({ timeout: 60000 })
    await page.locator('.org-stars__min').waitFor({ timeout: 60000 })
    expect(await page.locator('.org-stars__min').innerText()).toBe(shortListNote(eligible))
    await expect(page.locator('.org-stars__pick').count()).resolves.toBe(eligible)
    const publish = page.locator('.org-stars__publish', { hasText: `发布公示（${eligible} 人）` })
    await publish.tap({ timeout: 30000 })
    await page.locator('.nut-dialog-footer-ok').tap({ timeout: 30000 })
    await page.getByText(`公示中`).first().waitFor({ timeout: 60000 })
    await page.getByText(`仅 ${eligible} 人，全部入选`).first().waitFor({ timeout: 30000 })
    const saved = await stars(rt.deps.store).findOne({ _id: month })
    expect(saved).toMatchObject({ status: 'notice', note: shortListNote(eligible) })
    expect(saved!.winners).toHaveLength(eligible)
  })

  it('when a quiz keeps its default reveal and the first of three attempts is handed in, then the result withholds the answers until the quiz closes, and shows them after', async () => {
    const quizId = await quiz('答案公布时机演练', { attemptsAllowed: 3 })
    const saved = (await quizzes(rt.deps.store).findOne({ _id: quizId }))!
    expect(saved.reveal).toBe('afterClose')
    const attemptId = await missAll('demo-resident', quizId)
    expect(await attempts(rt.deps.store).findOne({ _id: attemptId })).toMatchObject({ status: 'graded', correct: 0 })

    const url = `/packages/quiz/result/index?attemptId=${encodeURIComponent(attemptId)}`
    const early = await open(url, 'demo-resident')
    await early.getByText('答案暂不公布').waitFor({ timeout: 60000 })
    await early.getByText('本次答题还可再答 2 次').waitFor()
    await expect(early.locator('.quiz-result__question').count()).resolves.toBe(0)
    await expect(early.locator('.quiz-explanation__answer').count()).resolves.toBe(0)
    expect(await early.locator('body').innerText()).not.toContain('正确答案')

    rt.clock.set(new Date(Date.parse(saved.closesAt) + 60_000))
    const late = await open(url, 'demo-resident')
    await late.locator('.quiz-result__question').first().waitFor({ timeout: 60000 })
    await expect(late.locator('.quiz-result__question').count()).resolves.toBe(3)
    await expect(late.locator('.quiz-explanation__answer').count()).resolves.toBe(3)
    await expect(late.getByText('答案暂不公布').count()).resolves.toBe(0)
  })

  it('when a question is missed, then its right answer has the same letter, over the same options, in the result and in the wrong-answer book', async () => {
    const quizId = await quiz('选项字母演练', { attemptsAllowed: 1, reveal: 'atOnce' })
    const attemptId = await missAll('demo-student', quizId)
    const graded = (await attempts(rt.deps.store).findOne({ _id: attemptId }))!
    const expected = await Promise.all(
      graded.items.map(async (item, index) => ({
        stem: (await questions(rt.deps.store).findOne({ _id: item.questionId }))!.stem,
        letters: [...(await shownAnswers(rt.deps.store, attemptId, index)).right].sort((a, b) => a - b).map((i) => 'ABCDEFGH'[i]).join('')
      }))
    )

    const result = await open(`/packages/quiz/result/index?attemptId=${encodeURIComponent(attemptId)}`, 'demo-student')
    await result.locator('.quiz-result__question').first().waitFor({ timeout: 60000 })
    const book = await open('/packages/quiz/wrong/index', 'demo-student')
    await book.locator('.quiz-wrong__item').first().waitFor({ timeout: 60000 })
    for (const { stem, letters } of expected) {
      const inResult = result.locator('.quiz-result__question', { hasText: stem })
      const inBook = book.locator('.quiz-wrong__item', { hasText: stem })
      await inBook.waitFor({ timeout: 30000 })
      expect(await inResult.locator('.quiz-explanation__answer').innerText()).toBe(`正确答案：${letters}`)
      expect(await inBook.locator('.quiz-explanation__answer').innerText()).toBe(`正确答案：${letters}`)
      expect(await inBook.locator('.quiz-option__text').allInnerTexts()).toEqual(await inResult.locator('.quiz-option__text').allInnerTexts())
    }
  })

  it('when the office imports the downloaded template with only its sample rows, then nothing is imported and the sheet says to fill in its own questions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cwt-template-'))
    try {
      const before = await questions(rt.deps.store).count({})
      const bank = await open('/packages/quiz/bank/index', 'demo-admin')
      await bank.locator('.quiz-bank__item').first().waitFor({ timeout: 60000 })
      await bank.locator('taro-button-core', { hasText: '批量导入' }).tap()
      const download = bank.waitForEvent('download', { timeout: 60000 })
      await bank.locator('.nut-button', { hasText: '下载模板' }).tap({ timeout: 30000 })
      const template = await download
      expect(template.suggestedFilename()).toBe('题库导入模板.xlsx')
      const file = path.join(dir, '题库导入模板.xlsx')
      await template.saveAs(file)

      const chooser = bank.waitForEvent('filechooser', { timeout: 30000 })
      await bank.locator('.quiz-bank__pick').tap()
      await (await chooser).setFiles(file)
      await bank.getByText('文件中只有示例题：请照着示例填写自己的题目，题型去掉“（示例）”').first().waitFor({ timeout: 60000 })
      await expect(bank.locator('.quiz-bank__counts').count()).resolves.toBe(0)
      expect(await questions(rt.deps.store).count({})).toBe(before)
      expect(await questions(rt.deps.store).findOne({ stem: '下列哪些属于有害垃圾？' })).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
