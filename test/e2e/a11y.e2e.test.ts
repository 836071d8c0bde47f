import { createRequire } from 'node:module'
import type { BrowserContext } from 'playwright-core'
import { bulletinsPackage } from '../../src/packages/bulletins/routes'
import { cockpitPackage } from '../../src/packages/cockpit/routes'
import { inspectPackage } from '../../src/packages/inspect/routes'
import { ordersPackage } from '../../src/packages/orders/routes'
import { organizePackage } from '../../src/packages/organize/routes'
import { quizPackage } from '../../src/packages/quiz/routes'
import { reportPackage } from '../../src/packages/report/routes'
import { staffPackage } from '../../src/packages/staff/routes'
import { volunteerPackage } from '../../src/packages/volunteer/routes'
import { ELDER_KEY } from '../../src/services/elder-key'
import { phone, startE2E } from '../support/browser'
import { pageVisits, seedDemo, type DemoIds, type PageVisit } from '../support/pages'

// Every page loads the app, its data and axe on a busy two-core machine.
jest.setTimeout(120_000)

const AXE = createRequire(__filename).resolve('axe-core')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface Finding {
  rule: string
  impact: string
  targets: string[]
}

let e2e: Awaited<ReturnType<typeof startE2E>>
let base: string
let ids: DemoIds
const contexts = new Map<string, BrowserContext>()

beforeAll(async () => {
  e2e = await startE2E()
  ids = await seedDemo(e2e.rt.deps)
  base = `http://127.0.0.1:${(e2e.rt.app.server.address() as { port: number }).port}`
}, 300_000)

afterAll(async () => {
  for (const context of contexts.values()) await context.close()
  await e2e?.stop()
})

/** One phone per identity and mode, kept for all its pages (the browser's cache spares reloading the app's code). */
async function contextFor(openid: string, elder: boolean) {
  const key = `${openid}:${elder}`
  if (!contexts.has(key)) {
    const context = await phone(e2e.browser, openid)
    if (elder) await context.addInitScript((k) => localStorage.setItem(k, JSON.stringify({ data: true })), ELDER_KEY)
    contexts.set(key, context)
  }
  return contexts.get(key)!
}

async function audit(visit: PageVisit, elder: boolean): Promise<Finding[]> {
  const page = await (await contextFor(visit.openid, elder)).newPage()
  try {
    await page.goto(`${base}/#/${visit.path}${visit.query ? `?${visit.query}` : ''}`)
    await page.waitForLoadState('networkidle', { timeout: 60000 })
    if (visit.ready) await page.locator(visit.ready).first().waitFor({ timeout: 60000 })
    // skeletons and toasts go once the page's data has come
    await page.locator('.nut-skeleton, .nut-toast').first().waitFor({ state: 'detached', timeout: 30000 })
    if (elder) await page.locator('html.cwt-elder').waitFor({ state: 'attached' })
    await page.addScriptTag({ path: AXE })
    const violations = await page.evaluate(async (values) => {
      const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values } })
      return violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
    }, TAGS)
    return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
  } finally {
    await page.close()
  }
}

const visits = pageVisits({ activity: '', report: '', staffCase: '', order: '', round: '', point: '', attempt: '', bulletin: '', draft: '' })

it('when the page list is read, then it holds every page of the app', () => {
  const packages = [reportPackage, staffPackage, volunteerPackage, organizePackage, quizPackage, ordersPackage, inspectPackage, bulletinsPackage, cockpitPackage]
  const pages = ['pages/index/index', 'pages/me/index', 'packages/admin/users/index', ...packages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
  expect(visits.map((v) => v.path).sort()).toEqual(pages.sort())
})

describe.each([
  ['normal', false],
  ['长辈版', true]
])('in %s mode', (_, elder) => {
  it.each(visits.map((v) => [v.path, v.openid] as const))('when %s is opened as %s, then axe finds nothing critical or serious', async (path) => {
    const visit = pageVisits(ids).find((v) => v.path === path)!
    const findings = await audit(visit, elder)
    expect(findings.map((f) => `${path} · ${f.impact} ${f.rule}: ${f.targets.join(' | ')}`)).toEqual([])
  })
})
