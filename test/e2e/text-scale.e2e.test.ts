import type { Page } from 'playwright-core'
import { ELDER_KEY } from '../../src/services/elder-key'
import { phone, startE2E } from '../support/browser'
import { pageVisits, seedDemo, type DemoIds } from '../support/pages'

// Each page loads the app and its data on a busy two-core machine.
jest.setTimeout(120_000)

const PAGES = ['pages/index/index', 'packages/report/new/index', 'packages/volunteer/detail/index', 'packages/quiz/paper/index']

let e2e: Awaited<ReturnType<typeof startE2E>>
let base: string
let ids: DemoIds

beforeAll(async () => {
  e2e = await startE2E()
  ids = await seedDemo(e2e.rt.deps)
  base = `http://127.0.0.1:${(e2e.rt.app.server.address() as { port: number }).port}`
}, 300_000)

afterAll(() => e2e?.stop())

/**
 * What breaks when text grows, measured in the page: a text clipped by an ancestor that hides overflow, two texts
 * drawn over each other, and a control smaller than `target` CSS px either way.
 */
function problems(target: number) {
  const visible = (r: DOMRect) => r.width > 0 && r.height > 0
  const texts: { el: Element; rects: DOMRect[]; text: string; fixed: boolean }[] = []
  const fixed = (el: Element | null): boolean => !!el && el !== document.body && (getComputedStyle(el).position === 'fixed' || fixed(el.parentElement))
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim()
    const el = node.parentElement!
    if (!text || el.closest('[aria-hidden="true"], #cwt-shell') || getComputedStyle(el).visibility === 'hidden') continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const rects = Array.from(range.getClientRects()).filter(visible)
    if (rects.length) texts.push({ el, rects, text, fixed: fixed(el) })
  }
  const found: string[] = []
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`
  const hides = (value: string) => value === 'hidden' || value === 'clip'
  const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2
  // partly cut off; a text wholly outside its box is folded away on purpose (a closed collapse, a scrolled strip)
  for (const { el, rects, text } of texts) {
    for (let up: Element | null = el; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up)
      const [x, y] = [hides(style.overflowX), hides(style.overflowY)]
      if (!x && !y) continue
      const box = up.getBoundingClientRect()
      const out = rects.some((r) => (x && (r.left < box.left - 1 || r.right > box.right + 1)) || (y && (r.top < box.top - 1 || r.bottom > box.bottom + 1)))
      if (out && rects.some((r) => overlap(r, box))) {
        found.push(`clipped: "${text}" by ${name(up)}`)
        break
      }
    }
  }
  // a fixed bar lies over the page's flow by design, and texts of one element follow each other
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i], texts[j]]
      if (a.fixed !== b.fixed || a.el === b.el) continue
      if (a.rects.some((r) => b.rects.some((s) => overlap(r, s)))) found.push(`overlapping: "${a.text}" and "${b.text}"`)
    }
  }
  for (const el of Array.from(document.querySelectorAll('[role=button], [role=radio], [role=checkbox], [role=switch], input, textarea, .nut-cell-clickable'))) {
    const rect = el.getBoundingClientRect()
    if (!visible(rect) || el.closest('[aria-hidden="true"]')) continue
    if (rect.width < target - 0.5 || rect.height < target - 0.5) found.push(`small target: ${name(el)} "${el.textContent?.trim().slice(0, 12) ?? ''}" ${Math.round(rect.width)}×${Math.round(rect.height)}`)
  }
  return found
}

async function open(path: string, elder: boolean): Promise<Page> {
  const visit = pageVisits(ids).find((v) => v.path === path)!
  const context = await phone(e2e.browser, visit.openid)
  if (elder) await context.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ data: true })), ELDER_KEY)
  const page = await context.newPage()
  await page.goto(`${base}/#/${visit.path}${visit.query ? `?${visit.query}` : ''}`)
  await page.waitForLoadState('networkidle', { timeout: 60000 })
  if (visit.ready) await page.locator(visit.ready).first().waitFor({ timeout: 60000 })
  await page.locator('.nut-skeleton, .nut-toast').first().waitFor({ state: 'detached', timeout: 30000 })
  // 200 % text, as WeChat's largest font scale gives it (services/elder.ts sets the same variable there)
  await page.addStyleTag({ content: 'html { --cwt-font-scale: 2 }' })
  await page.waitForFunction(() => parseFloat(getComputedStyle(document.body).fontSize) >= 26)
  return page
}

describe.each([
  ['normal', false, 44],
  ['长辈版', true, 60]
])('at 200 %% text in %s mode', (_, elder, target) => {
  it.each(PAGES)('when %s is opened, then no text is clipped or overlapping and every target is large enough', async (path) => {
    const page = await open(path, elder)
    try {
      await expect(page.evaluate(problems, target)).resolves.toEqual([])
    } finally {
      await page.context().close()
    }
  })
})
