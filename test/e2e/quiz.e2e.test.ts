import type { BrowserContext, Page } from 'playwright-core'
import { attempts, questions, quizProfiles, wrongBook } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { shownAnswers } from '../../runtime/demo'
import { KNOWLEDGE_POINTS } from '../../types/quiz'
import { startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(240_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime
let schoolId: string
let quizId: string
const phones: BrowserContext[] = []
const student = userIdOf('demo-student')
const DAY = 86400_000

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
  const school = await rt.call('quiz', 'saveUnit', { kind: 'school', name: '麒麟区实验中学', classes: ['初一(1)班', '初一(2)班'], members: 80 }, 'demo-admin')
  expect(school.status).toBe(200)
  schoolId = school.body.data.id
  const now = rt.clock.now().getTime()
  const quiz = await rt.call(
    'quiz',
    'saveQuiz',
    {
      title: '创文应知应会知识竞答',
      description: '面向实验中学学生，每人可答 2 次。',
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 7 * DAY).toISOString(),
      quotas: KNOWLEDGE_POINTS.slice(0, 3).map((point) => ({ point, count: 2 })),
      timeLimitMinutes: 20,
      attemptsAllowed: 2,
      passMark: 60,
      audience: 'students',
      schoolIds: [schoolId],
      reveal: 'atOnce'
    },
    'demo-admin',
    'e2e-quiz'
  )
  expect(quiz.status).toBe(200)
  quizId = quiz.body.data.id
})

afterAll(() => e2e?.stop())

async function open(hash: string, openid: string): Promise<Page> {
  const page = await e2e.open(hash, openid)
  phones.push(page.context())
  return page
}

async function closeAll() {
  await Promise.all(phones.splice(0).map((c) => c.close()))
}

const attemptIdIn = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('attemptId')!

/** The countdown as seconds, from mm:ss. */
async function secondsLeft(page: Page) {
  const [m, s] = (await page.locator('.quiz-paper__left').innerText()).split(':').map(Number)
  return m * 60 + s
}

async function choose(page: Page, options: number[]) {
  for (const i of options) await page.locator('.quiz-option').nth(i).tap()
  await page.locator('.quiz-paper__save--saved').waitFor({ timeout: 30000 })
}

describe('知识答题 for a student, in Chromium', () => {
  it('when the student binds a school, starts the campaign quiz, answers some, reloads later and hands in, then the same attempt resumes with less time, the result shows and the misses are in the wrong-answer book', async () => {
    // Not bound yet: the quiz is for the school's students only.
    const home = await open('/packages/quiz/home/index', 'demo-student')
    await home.locator('.quiz-home__bind').tap({ timeout: 60000 })
    await home.waitForURL(/packages\/quiz\/profile\/index/, { timeout: 30000 })
    await home.locator('.quiz-profile__school').tap({ timeout: 60000 })
    await home.locator('.nut-picker-confirm-btn').tap()
    await home.getByText('麒麟区实验中学 · 初一(1)班').waitFor({ timeout: 30000 })
    await home.locator('.quiz-profile__save').tap()
    expect(await quizProfiles(rt.deps.store).findOne({ _id: student })).toMatchObject({ schoolId, className: '初一(1)班', communityId: null })

    // Back on the quiz home, the card now lets the student start.
    await home.waitForURL(/packages\/quiz\/home\/index/, { timeout: 30000 })
    await home.getByText('麒麟区实验中学 · 初一(1)班').waitFor({ timeout: 30000 })
    await home.locator('.quiz-home__start', { hasText: '开始答题' }).tap({ timeout: 30000 })
    await home.waitForURL(/packages\/quiz\/paper\/index\?attemptId=/, { timeout: 60000 })
    const attemptId = attemptIdIn(home)
    const started = (await attempts(rt.deps.store).findOne({ _id: attemptId }))!
    expect(started).toMatchObject({ kind: 'campaign', quizId, userId: student, status: 'open' })
    expect(started.items).toHaveLength(6)

    // Right, wrong, right; the other three left blank.
    await home.locator('.quiz-paper__question').waitFor({ timeout: 60000 })
    const plan = [(await shownAnswers(rt.deps.store, attemptId, 0)).right, (await shownAnswers(rt.deps.store, attemptId, 1)).wrong, (await shownAnswers(rt.deps.store, attemptId, 2)).right]
    for (const [index, options] of plan.entries()) {
      await home.locator('.quiz-paper__number', { hasText: `第 ${index + 1} 题` }).waitFor()
      await choose(home, options)
      await home.locator('.quiz-paper__next', { hasText: '下一题' }).tap()
    }
    const before = await secondsLeft(home)
    expect(before).toBeGreaterThan(19 * 60)
    const saved = (await attempts(rt.deps.store).findOne({ _id: attemptId }))!
    expect(saved.items.map((i) => i.choice !== null)).toEqual([true, true, true, false, false, false])
    await closeAll()

    // A minute and a half later the student comes back to the same page.
    rt.clock.advance(90_000)
    const again = await open(`/packages/quiz/paper/index?attemptId=${encodeURIComponent(attemptId)}`, 'demo-student')
    await again.locator('.quiz-paper__question').waitFor({ timeout: 60000 })
    expect(attemptIdIn(again)).toBe(attemptId)
    // It opens on the first question still blank, with the time the server says is left.
    await again.locator('.quiz-paper__number', { hasText: '第 4 题' }).waitFor()
    const after = await secondsLeft(again)
    expect(after).toBeLessThanOrEqual(before - 85)
    expect(after).toBeGreaterThan(before - 120)
    await again.locator('.quiz-paper__sheet-toggle').tap()
    await again.locator('.quiz-paper__grid').waitFor()
    await expect(again.locator('.quiz-paper__grid .quiz-paper__cell--answered').count()).resolves.toBe(3)
    await again.locator('.quiz-paper__grid .quiz-paper__cell').nth(1).tap()
    await again.locator('.quiz-paper__number', { hasText: '第 2 题' }).waitFor()
    await expect(again.locator('.quiz-option--chosen').count()).resolves.toBe(1)
    await expect(again.locator('.quiz-option--chosen').evaluate((el) => Array.from(el.parentElement!.children).indexOf(el))).resolves.toBe(plan[1][0])

    // Handing in asks first, in a dialog a screen reader names and lands in, saying how many are blank; then the result.
    await again.locator('.quiz-paper__submit').tap()
    const confirm = again.getByRole('dialog', { name: '确定交卷吗？' })
    await confirm.getByText('还有 3 题未作答').waitFor({ timeout: 30000 })
    await expect(again.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('dialog')
    await expect(again.locator(`#${await confirm.getAttribute('aria-describedby')}`).innerText()).resolves.toContain('还有 3 题未作答')
    await confirm.locator('.nut-dialog-footer-ok').tap()
    await again.waitForURL(/packages\/quiz\/result\/index\?attemptId=/, { timeout: 60000 })
    expect(attemptIdIn(again)).toBe(attemptId)
    await again.locator('.quiz-result__score').waitFor({ timeout: 60000 })
    expect(await again.locator('.quiz-result__score').innerText()).toBe('33')
    expect(await again.locator('.quiz-result__verdict').innerText()).toContain('未达到 60 分及格线')
    await again.getByText('本次答题还可再答 1 次').waitFor()
    await expect(again.locator('.quiz-result__question').count()).resolves.toBe(6)

    const graded = (await attempts(rt.deps.store).findOne({ _id: attemptId }))!
    expect(graded).toMatchObject({ status: 'graded', endedBy: 'submit', score: 33, correct: 2, passed: false })
    expect(graded.items.map((i) => i.correct)).toEqual([true, false, true, false, false, false])
    expect(graded.seconds).toBeGreaterThanOrEqual(90)

    // The four missed (one wrong, three blank) wait in the wrong-answer book.
    await again.locator('.quiz-result__wrong').tap()
    await again.waitForURL(/packages\/quiz\/wrong\/index/, { timeout: 30000 })
    await again.locator('.quiz-wrong__item').first().waitFor({ timeout: 60000 })
    expect(await again.locator('.quiz-wrong__count').innerText()).toBe('4')
    await expect(again.locator('.quiz-wrong__item').count()).resolves.toBe(4)
    const book = await wrongBook(rt.deps.store).find({ userId: student })
    expect(book.map((e) => e.questionId).sort()).toEqual(graded.items.filter((i) => !i.correct).map((i) => i.questionId).sort())
    const missedStem = (await questions(rt.deps.store).findOne({ _id: graded.items[1].questionId }))!.stem
    await again.locator('.quiz-wrong__stem', { hasText: missedStem }).waitFor()

    // 我的 says where the student is bound, the best score so far and what waits in the book.
    const me = await open('/pages/me/index', 'demo-student')
    const cells = me.locator('.me__quiz')
    await cells.getByText('麒麟区实验中学 · 初一(1)班').waitFor({ timeout: 60000 })
    await cells.getByText(/最好 33 分，未达标/).waitFor()
    await cells.getByText('4 题').waitFor()

    // In the browser a sub-page has the bar WeChat would draw, with its way back.
    await cells.locator('.nut-cell', { hasText: '知识答题' }).tap()
    await me.waitForURL(/packages\/quiz\/home\/index/, { timeout: 30000 })
    const back = me.getByRole('button', { name: '返回' })
    await back.waitFor({ timeout: 30000 })
    await expect(me.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText()).resolves.toBe('知识答题')
    await back.tap()
    await me.waitForURL(/pages\/me\/index/, { timeout: 30000 })
    await closeAll()
  })

  it('when a save fails it is kept and sent again, and when the time runs out with the paper open, then the page hands it in by itself, graded on what was saved, and its notice with the score stays until the student answers it', async () => {
    await rt.call('quiz', 'bind', { schoolId, className: '初一(2)班', communityId: null }, 'demo-student')
    const page = await open('/packages/quiz/home/index', 'demo-student')
    // The phone's clock is the test's to move; the server's moves with it.
    await page.context().clock.install()
    await page.reload()
    await page.locator('.quiz-home__start', { hasText: '再答一次' }).tap({ timeout: 60000 })
    await page.waitForURL(/packages\/quiz\/paper\/index\?attemptId=/, { timeout: 60000 })
    const attemptId = attemptIdIn(page)
    expect(attemptId).toMatch(/:2$/)
    await page.locator('.quiz-paper__question').waitFor({ timeout: 60000 })
    // The network drops while the student answers: the choice stays, says it is not saved, and goes once asked.
    const { right } = await shownAnswers(rt.deps.store, attemptId, 0)
    await page.route('**/api/quiz', (route) => (route.request().postDataJSON()?.action === 'answer' ? route.abort() : route.continue()))
    for (const i of right) await page.locator('.quiz-option').nth(i).tap()
    await page.locator('.quiz-paper__save--failed').waitFor({ timeout: 30000 })
    expect(await page.locator('.quiz-paper__save--failed').innerText()).toContain('网络不通')
    expect((await attempts(rt.deps.store).findOne({ _id: attemptId }))!.items[0].choice).toBeNull()
    await page.unroute('**/api/quiz')
    await page.locator('.quiz-paper__save--failed').tap()
    await page.locator('.quiz-paper__save--saved').waitFor({ timeout: 30000 })
    await expect(page.locator('.quiz-option--chosen').count()).resolves.toBe(right.length)

    rt.clock.advance(20 * 60_000 + 1000)
    await page.clock.fastForward(20 * 60_000 + 1000)
    // Handed in by itself: the notice says so with the score, takes the focus, and stays until the student answers it.
    const notice = page.getByRole('alertdialog', { name: '答题时间到' })
    await notice.getByText('本次得分 17 分').waitFor({ timeout: 60000 })
    await expect(notice.getByText('已按到时保存的答案自动交卷').count()).resolves.toBe(1)
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('alertdialog')
    await page.clock.fastForward(60_000)
    await page.waitForTimeout(500)
    await expect(notice.isVisible()).resolves.toBe(true)
    expect(page.url()).toMatch(/packages\/quiz\/paper\/index\?attemptId=/)
    await notice.getByText('查看成绩').tap()
    await page.waitForURL(/packages\/quiz\/result\/index\?attemptId=/, { timeout: 60000 })
    await page.getByText('答题时间已到，系统按到时已保存的答案评分').waitFor({ timeout: 60000 })
    expect(await page.locator('.quiz-result__score').innerText()).toBe('17')
    await page.getByText('本次答题的次数已用完').waitFor()

    const graded = (await attempts(rt.deps.store).findOne({ _id: attemptId }))!
    expect(graded).toMatchObject({ status: 'graded', endedBy: 'deadline', correct: 1, score: 17, seconds: 20 * 60 })
    await closeAll()

    // Both tries used: the card offers the result only.
    const home = await open('/packages/quiz/home/index', 'demo-student')
    await home.locator('.quiz-home__blocked', { hasText: '答题次数已用完' }).waitFor({ timeout: 60000 })
    await home.locator('.quiz-home__result').waitFor()
    await closeAll()
  })
})
