/**
 * Screenshots of pages at a phone viewport, against a fresh local runtime with the demo data, for a person to
 * look at: `npm run screens -- volunteer` (a group below) or `npm run screens` (all). Files go to .tmp/screens
 * (or SCREENS_DIR); the H5 build is read from TARO_OUTPUT like the runtime's.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLocalDeps } from '../cloudfunctions/core/local-deps'
import { createRuntime } from '../runtime/app'
import { seedDemoActivities, seedDemoQuiz, seedDemoReports } from '../runtime/demo'
import { ensureH5Build, H5_DIR } from '../runtime/h5-build'
import { seedLocal } from '../runtime/seed'
import { launchChromium, phone } from '../test/support/browser'

interface Shot {
  name: string
  openid: string
  hash: string
  /** Waits for this selector before the picture is taken. */
  ready?: string
}

const GROUPS: Record<string, Shot[]> = {
  volunteer: [
    { name: 'vol-list', openid: 'demo-volunteer', hash: '/packages/volunteer/list/index', ready: '.vol-activity-card' },
    { name: 'vol-detail', openid: 'demo-volunteer', hash: '/packages/volunteer/detail/index?id=$activity', ready: '.vol-detail__action' },
    { name: 'vol-mine', openid: 'demo-volunteer', hash: '/packages/volunteer/mine/index', ready: '.vol-mine__hours' },
    { name: 'vol-certificate', openid: 'demo-volunteer', hash: '/packages/volunteer/certificate/index' },
    { name: 'vol-stars', openid: 'demo-volunteer', hash: '/packages/volunteer/stars/index' },
    { name: 'org-list', openid: 'demo-organizer', hash: '/packages/organize/list/index' },
    { name: 'org-code', openid: 'demo-organizer', hash: '/packages/organize/code/index?id=$activity', ready: '.org-code__digits' },
    { name: 'org-roster', openid: 'demo-organizer', hash: '/packages/organize/roster/index?id=$activity' },
    { name: 'org-edit', openid: 'demo-organizer', hash: '/packages/organize/edit/index' }
  ],
  staff: [
    { name: 'staff-me', openid: 'demo-admin', hash: '/pages/me/index', ready: '.me__name' },
    { name: 'staff-ledger', openid: 'demo-admin', hash: '/packages/staff/ledger/index', ready: '.staff-ledger__stats-title' },
    { name: 'staff-triage', openid: 'demo-admin', hash: '/packages/staff/triage/index' },
    { name: 'staff-queue', openid: 'demo-handler', hash: '/packages/staff/queue/index' },
    { name: 'staff-makeup', openid: 'demo-admin', hash: '/packages/organize/makeup/index' },
    { name: 'staff-holidays', openid: 'demo-admin', hash: '/packages/staff/settings/index?tab=holidays' },
    { name: 'admin-users', openid: 'demo-admin', hash: '/packages/admin/users/index' },
    { name: 'me-inbox', openid: 'demo-resident', hash: '/packages/report/inbox/index' }
  ],
  quiz: [
    { name: 'quiz-home', openid: 'demo-student', hash: '/packages/quiz/home/index', ready: '.quiz-home__card' },
    { name: 'quiz-profile', openid: 'demo-student', hash: '/packages/quiz/profile/index' },
    { name: 'quiz-practice', openid: 'demo-student', hash: '/packages/quiz/paper/index?mode=practice', ready: '.quiz-paper__question' },
    { name: 'quiz-wrong', openid: 'demo-resident', hash: '/packages/quiz/wrong/index' },
    { name: 'quiz-office', openid: 'demo-admin', hash: '/packages/quiz/office/index', ready: '.quiz-office__point' },
    { name: 'quiz-bank', openid: 'demo-admin', hash: '/packages/quiz/bank/index', ready: '.quiz-bank__item' },
    { name: 'quiz-edit', openid: 'demo-admin', hash: '/packages/quiz/edit/index', ready: '.quiz-edit__quota' },
    { name: 'quiz-units', openid: 'demo-admin', hash: '/packages/quiz/units/index' }
  ]
}

async function main() {
  const wanted = process.argv.slice(2)
  const shots = Object.entries(GROUPS).flatMap(([group, list]) => (wanted.length === 0 || wanted.includes(group) ? list : list.filter((s) => wanted.includes(s.name))))
  if (!(await ensureH5Build())) throw new Error('H5 构建失败')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cwt-screens-'))
  const deps = createLocalDeps({ dataDir })
  await seedLocal(deps)
  await seedDemoReports(deps)
  const activity = (await seedDemoActivities(deps))[0]
  await seedDemoQuiz(deps)
  const app = await createRuntime({ deps, staticDir: H5_DIR })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const out = path.resolve(__dirname, '..', process.env.SCREENS_DIR ?? '.tmp/screens')
  mkdirSync(out, { recursive: true })
  const browser = await launchChromium()
  try {
    for (const shot of shots) {
      const context = await phone(browser, shot.openid)
      const page = await context.newPage()
      await page.goto(`${base}/#${shot.hash.replace('$activity', activity)}`)
      await page.waitForLoadState('networkidle')
      if (shot.ready) await page.locator(shot.ready).first().waitFor({ timeout: 60000 })
      await page.waitForTimeout(800)
      const file = path.join(out, `${shot.name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      console.log(file)
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
    await deps.store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
