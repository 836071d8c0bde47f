import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { attempts, questions, quizGrants, quizzes } from '../../cloudfunctions/core/collections'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { shownAnswers } from '../../runtime/demo'
import { startE2E } from '../support/browser'
import type { TestRuntime } from '../support/runtime'

// Several pages each build their first screen on a busy two-core machine.
jest.setTimeout(240_000)

let e2e: Awaited<ReturnType<typeof startE2E>>
let rt: TestRuntime
let dir: string
const phones: BrowserContext[] = []

beforeAll(async () => {
  e2e = await startE2E()
  rt = e2e.rt
  dir = mkdtempSync(path.join(tmpdir(), 'cwt-import-'))
})

afterAll(async () => {
  await e2e?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** A phone whose clock reads the server's, so the form's default window is the server's tomorrow. */
async function open(hash: string, openid: string): Promise<Page> {
  const page = await e2e.open(hash, openid, rt.clock.now())
  phones.push(page.context())
  return page
}

async function closeAll() {
  await Promise.all(phones.splice(0).map((c) => c.close()))
}

/** Starts the quiz as `openid`, answers every question right or every one wrong, and hands in. */
async function take(openid: string, quizId: string, right: boolean) {
  const paper = await rt.call('quiz', 'start', { quizId }, openid)
  expect(paper.status).toBe(200)
  const attemptId: string = paper.body.data.attemptId
  for (const index of paper.body.data.questions.keys()) {
    const shown = await shownAnswers(rt.deps.store, attemptId, index)
    expect((await rt.call('quiz', 'answer', { attemptId, index, choice: right ? shown.right : shown.wrong }, openid)).status).toBe(200)
  }
  expect((await rt.call('quiz', 'submit', { attemptId }, openid)).status).toBe(200)
}

describe('知识答题 for the office, in Chromium', () => {
  it('when the admin sets up a campaign quiz on the form and two people take it, then the awareness page shows who took part, the rate and the school ranking, and exports them', async () => {
    const school = await rt.call('quiz', 'saveUnit', { kind: 'school', name: '麒麟区实验中学', classes: ['初一(1)班'], members: 40 }, 'demo-admin')
    expect(school.status).toBe(200)
    // with the class's invitation code, so the school ranking counts the student
    const codes = await rt.call('quiz', 'classCodes', { schoolId: school.body.data.id }, 'demo-admin')
    await rt.call('quiz', 'bind', { schoolId: school.body.data.id, className: '初一(1)班', communityId: null, code: codes.body.data['初一(1)班'] }, 'demo-student')

    const form = await open('/packages/quiz/edit/index', 'demo-admin')
    await form.locator('input[placeholder="如：2026 年文明城市创建应知应会知识竞答"]').fill('文明交通知识小测', { timeout: 60000 })
    // Nothing to draw yet: the form says so before asking the server.
    await form.locator('.quiz-edit__save').tap()
    await form.getByText('请至少为一个知识点设置抽题数量').first().waitFor({ timeout: 30000 })
    const first = form.locator('.quiz-edit__quota').first()
    const point = await first.locator('.quiz-edit__quota-point').innerText()
    // One step at a time: a second tap before the first re-renders would add to the old value.
    await first.locator('.nut-inputnumber-add').tap()
    await form.locator('.quiz-edit__total').getByText('1').waitFor()
    await first.locator('.nut-inputnumber-add').tap()
    await form.locator('.quiz-edit__total').getByText('2').waitFor()
    await form.locator('.quiz-edit__save').tap()
    await form.waitForURL(/packages\/quiz\/office\/index\?id=/, { timeout: 60000 })

    const saved = (await quizzes(rt.deps.store).find({ title: '文明交通知识小测' }))[0]
    expect(saved).toMatchObject({ quotas: [{ point, count: 2 }], timeLimitMinutes: 20, attemptsAllowed: 3, passMark: 60, audience: 'everyone' })
    // Opens tomorrow at 08:00: nobody has handed in yet.
    await form.locator('.quiz-office__title', { hasText: '文明交通知识小测' }).waitFor({ timeout: 60000 })
    await form.getByText('还没有人交卷').waitFor()
    await closeAll()

    rt.clock.set(new Date(new Date(saved.opensAt).getTime() + 3600_000))
    await take('demo-student', saved._id, true)
    await take('demo-resident', saved._id, false)

    const office = await open(`/packages/quiz/office/index?id=${saved._id}`, 'demo-admin')
    await office.locator('.quiz-office__point').first().waitFor({ timeout: 60000 })
    expect(await office.locator('.quiz-office__rate-value').innerText()).toBe('50%')
    expect(await office.locator('.quiz-office__stats .cwt-stat-grid__value').allInnerTexts()).toEqual(['2', '1', '50'])
    expect(await office.locator('.quiz-office__point-name').allInnerTexts()).toEqual([point])
    expect(await office.locator('.quiz-office__point-rate').innerText()).toBe('50%')

    await office.locator('.nut-tabs-titles-item', { hasText: '学校' }).tap()
    const row = office.locator('.quiz-office__unit-row').first()
    await row.waitFor({ timeout: 30000 })
    expect(await row.locator('.quiz-office__nickname').innerText()).toBe('麒麟区实验中学')
    expect(await row.locator('.quiz-office__fact').allInnerTexts()).toEqual(['参与 1 人', '参与率 2.5%', '通过 1 人'])
    expect(await row.locator('.quiz-office__figure-value').allInnerTexts()).toEqual(['100', '100%'])

    await office.locator('.nut-tabs-titles-item', { hasText: '个人排行' }).tap()
    await office.locator('.quiz-office__person').nth(1).waitFor({ timeout: 30000 })
    expect(await office.locator('.quiz-office__score').allInnerTexts()).toEqual(['100 分', '0 分'])

    const download = office.waitForEvent('download')
    await office.locator('.quiz-office__export').tap()
    expect((await download).suggestedFilename()).toMatch(/^文明交通知识小测-知晓率-\d{8}\.xlsx$/)
    await closeAll()
  })

  it('when the admin searches the bank for a stem, then only that question is listed, and clearing the field lists the whole bank again', async () => {
    const { stem } = (await questions(rt.deps.store).find({}, { limit: 1 }))[0]
    const bank = await open('/packages/quiz/bank/index', 'demo-admin')
    await bank.locator('.quiz-bank__item').first().waitFor({ timeout: 60000 })
    const total = bank.locator('.quiz-bank__total')
    const all = await total.innerText()
    const field = bank.locator('.quiz-bank .cwt-search-box input')
    await field.fill(` ${stem} `)
    await field.press('Enter')
    await bank.locator('.quiz-bank__total', { hasText: `1 道含“${stem}”` }).waitFor({ timeout: 30000 })
    expect(await bank.locator('.quiz-bank__item-stem').allInnerTexts()).toEqual([stem])
    // NutUI's clear mark, named and made a button for screen readers
    await bank.getByRole('button', { name: '清除' }).tap()
    await bank.locator('.quiz-bank__total', { hasNotText: '含' }).waitFor({ timeout: 30000 })
    expect(await total.innerText()).toBe(all)
    expect(await field.inputValue()).toBe('')
    await closeAll()
  })

  it('when the admin imports a CSV with a bad row and a repeated one, then the preview names the row, field and reason, and only the valid row goes in once 只导入有效的行 is ticked', async () => {
    const repeated = (await questions(rt.deps.store).find({}, { limit: 1 }))[0].stem
    const file = path.join(dir, '新题.csv')
    writeFileSync(
      file,
      [
        '题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析,知识点,出处',
        '单选题,在公交车上遇到老人上车，应当怎么做？,主动让座,假装睡觉,抢先占座,视而不见,,,A,尊老爱幼是中华民族的传统美德。,公共场所文明,',
        '单选题,废旧报纸属于哪一类垃圾？,可回收物,有害垃圾,厨余垃圾,其他垃圾,,,E,废纸属于可回收物。,环境与垃圾分类,',
        `判断题,${repeated},,,,,,,正确,重复的题目。,交通文明,`
      ].join('\n')
    )
    const before = await questions(rt.deps.store).count({})

    const bank = await open('/packages/quiz/bank/index', 'demo-admin')
    await bank.locator('.quiz-bank__item').first().waitFor({ timeout: 60000 })
    await bank.locator('taro-button-core', { hasText: '批量导入' }).tap()
    const chooser = bank.waitForEvent('filechooser')
    await bank.locator('.quiz-bank__pick').tap()
    await (await chooser).setFiles(file)
    await bank.locator('.quiz-bank__counts').waitFor({ timeout: 60000 })
    expect(await bank.locator('.quiz-bank__count-value').allInnerTexts()).toEqual(['1', '1', '1'])
    expect(await bank.locator('.quiz-bank__problem').allInnerTexts()).toEqual(['第3行 · 答案 · 正确答案不在选项中', '第4行 · 题干 · 题库中已有相同题干的题目'])
    expect(await bank.locator('.quiz-bank__run').getAttribute('class')).toContain('nut-button-disabled')

    await bank.locator('.quiz-bank__valid-only').tap()
    await bank.locator('.quiz-bank__run', { hasText: '导入 1 道题' }).tap()
    await bank.getByText('已导入 1 道，跳过 2 行').waitFor({ timeout: 30000 })

    expect(await questions(rt.deps.store).count({})).toBe(before + 1)
    expect(await questions(rt.deps.store).findOne({ stem: '在公交车上遇到老人上车，应当怎么做？' })).toMatchObject({ kind: 'single', answer: [0], point: '公共场所文明', active: true })
    expect(await questions(rt.deps.store).findOne({ stem: '废旧报纸属于哪一类垃圾？' })).toBeNull()
    await closeAll()
  })

  it('when the office grants 王阿姨 10 more minutes while she answers, then the server moves her deadline, and at the old one her paper stays open saying 已延长 10 分钟', async () => {
    const now = rt.clock.now().getTime()
    const made = await rt.call('quiz', 'saveQuiz', { title: '文明养犬小测', description: '', opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 86400_000).toISOString(), quotas: [{ point: '文明养犬', count: 2 }], timeLimitMinutes: 20, attemptsAllowed: 1, passMark: 60, audience: 'everyone', schoolIds: [] }, 'demo-admin', 'e2e-extra-time')
    expect(made.status).toBe(200)
    const quizId: string = made.body.data.id
    const started = await rt.call('quiz', 'start', { quizId }, 'demo-resident')
    const { attemptId, deadline } = started.body.data
    expect(deadline).toBe(new Date(now + 20 * 60_000).toISOString())

    // She is answering, on a phone whose clock the test moves.
    const paper = await open(`/packages/quiz/paper/index?attemptId=${encodeURIComponent(attemptId)}`, 'demo-resident')
    await paper.context().clock.install()
    await paper.reload()
    await paper.locator('.quiz-paper__question').waitFor({ timeout: 60000 })
    await expect(paper.locator('.quiz-paper__extra').count()).resolves.toBe(0)

    const office = await open(`/packages/quiz/office/index?id=${quizId}`, 'demo-admin')
    await office.locator('.quiz-office__extend').tap({ timeout: 60000 })
    await office.getByText('还没有为谁延长时间').waitFor({ timeout: 30000 })
    await office.locator('.quiz-extra .cwt-search-box input').fill('王阿姨')
    await office.locator('.quiz-extra .cwt-search-box__go').tap()
    await office.locator('.quiz-extra__person', { hasText: '王阿姨' }).tap({ timeout: 30000 })
    await office.locator('.quiz-extra__grant', { hasText: '延长 10 分钟' }).tap()
    await office.locator('.quiz-extra__person', { hasText: '已延长 10 分钟（长辈）' }).waitFor({ timeout: 30000 })
    expect(await attempts(rt.deps.store).findOne({ _id: attemptId })).toMatchObject({ status: 'open', deadline: new Date(now + 30 * 60_000).toISOString(), extraMinutes: 10 })
    expect(await quizGrants(rt.deps.store).findOne({ _id: `${quizId}:${userIdOf('demo-resident')}` })).toMatchObject({ minutes: 10, reason: 'elder', by: userIdOf('demo-admin') })

    // Her phone still counts to the old deadline; there it asks the server, which gives the new one.
    rt.clock.advance(20 * 60_000 + 1000)
    await paper.clock.fastForward(20 * 60_000 + 1000)
    await paper.locator('.quiz-paper__extra', { hasText: '已延长 10 分钟' }).waitFor({ timeout: 60000 })
    await paper.locator('.quiz-paper__live', { hasText: '创文办已为您延长答题时间，还剩 10 分钟' }).waitFor()
    expect(await paper.locator('.quiz-paper__left').innerText()).toMatch(/^(09:5\d|10:00)$/)
    await expect(paper.getByRole('alertdialog').count()).resolves.toBe(0)
    expect(await attempts(rt.deps.store).findOne({ _id: attemptId })).toMatchObject({ status: 'open' })
    await closeAll()
  })
})
