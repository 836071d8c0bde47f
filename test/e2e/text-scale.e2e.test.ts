import type { Page } from 'playwright-core'
import { ELDER_KEY } from '../../src/services/elder-key'
import { phone, startE2E } from '../support/browser'
import { pageVisits, seedDemo, type DemoIds } from '../support/pages'

// Each page loads the app and its data on a busy two-core machine.
jest.setTimeout(120_000)

const PAGES = [
  'pages/index/index',
  'packages/report/new/index',
  'packages/volunteer/detail/index',
  'packages/quiz/paper/index',
  // a bar of actions in the flow at the page's end, which must not cover its last line
  'packages/orders/issue/index',
  'packages/bulletins/edit/index'
]

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
 * What breaks when text grows, measured in the page: a text cut off where no scrolling reaches it, a text wider than
 * its box, two texts drawn over each other, a text a fixed or sticky bar still covers with the page scrolled to that
 * bar's end, and a control smaller than `target` CSS px either way.
 */
function problems(target: number) {
  type Box = { left: number; top: number; right: number; bottom: number }
  const found: string[] = []
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`
  const area = (r: Box) => r.right - r.left > 0 && r.bottom - r.top > 0
  const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2
  // a bar that stays on screen while the page scrolls under it
  const pins = (el: Element) => /fixed|sticky/.test(getComputedStyle(el).position)
  const pinned = (el: Element | null): boolean => !!el && el !== document.body && (pins(el) || pinned(el.parentElement))
  const skipped = (el: Element) => !!el.closest('[aria-hidden="true"], #cwt-shell') || getComputedStyle(el).visibility === 'hidden'

  /** Each text with the part of it on screen now, and what cuts it off: an ancestor that hides it where no scroll reaches. */
  function measure() {
    const texts: { el: Element; text: string; shown: Box[]; pinned: boolean; cut: Element | null; wide: Element | null }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim()
      const el = node.parentElement!
      if (!text || skipped(el)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = Array.from(range.getClientRects()).map(({ left, top, right, bottom }) => ({ left, top, right, bottom }))
      let block: Element = el
      while (getComputedStyle(block).display.startsWith('inline') && block.parentElement) block = block.parentElement
      const own = block.getBoundingClientRect()
      // words for screen readers alone, in a box of a pixel
      if (own.width <= 1 && own.height <= 1) continue
      // where the text lies once every scroller on its way is scrolled to it, and the part of it on screen now
      let reach: Box[] = rects.filter(area)
      let shown = reach
      let cut: Element | null = null
      // an absolute box is clipped from its containing block up only, a fixed one by nothing above it
      let escapes = false
      for (let up: Element | null = el; reach.length && up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up)
        if (escapes && style.position === 'static') continue
        escapes = style.position === 'absolute'
        const rect = up.getBoundingClientRect()
        // the padding box: what overflow clips to and a scroller scrolls within
        const box: Box = { left: rect.left + up.clientLeft, top: rect.top + up.clientTop, right: rect.left + up.clientLeft + up.clientWidth, bottom: rect.top + up.clientTop + up.clientHeight }
        if (style.textOverflow === 'ellipsis' && style.overflowX !== 'visible' && up.scrollWidth > up.clientWidth + 1) cut ??= up
        for (const [overflow, lo, hi, scroll, size, client] of [
          [style.overflowX, 'left', 'right', up.scrollLeft, up.scrollWidth, up.clientWidth],
          [style.overflowY, 'top', 'bottom', up.scrollTop, up.scrollHeight, up.clientHeight]
        ] as const) {
          if (overflow === 'visible') continue
          const scrolls = (overflow === 'auto' || overflow === 'scroll') && size > client + 1
          // scrolling brings into the box what lies between the content's start and its end
          const [start, end] = [box[lo] - scroll, box[lo] - scroll + size]
          reach = reach
            .map((r) => {
              if (r[lo] >= box[lo] - 1 && r[hi] <= box[hi] + 1) return r
              if (scrolls && r[lo] >= start - 1 && r[hi] <= end + 1 && r[hi] - r[lo] <= client + 1) {
                const shift = r[lo] < box[lo] ? box[lo] - r[lo] : box[hi] - r[hi]
                return { ...r, [lo]: r[lo] + shift, [hi]: r[hi] + shift }
              }
              // partly cut off; wholly outside a box that does not scroll, it is folded away on purpose (a closed collapse)
              if (r[hi] > box[lo] && r[lo] < box[hi]) cut ??= up
              return { ...r, [lo]: Math.max(r[lo], box[lo]), [hi]: Math.min(r[hi], box[hi]) }
            })
            .filter(area)
          shown = shown.map((r) => ({ ...r, [lo]: Math.max(r[lo], box[lo]), [hi]: Math.min(r[hi], box[hi]) })).filter(area)
        }
        if (style.position === 'fixed') break
      }
      // a text that runs out of its own block pushes into its neighbours (an unbreakable word in a narrow box)
      const wide = rects.some((r) => r.right - r.left > 0 && (r.left < own.left - 1 || r.right > own.right + 1)) ? block : null
      texts.push({ el, text, shown, pinned: pinned(el), cut, wide })
    }
    return texts
  }

  /** The page's texts in its flow that a visible bar on the `half` of the screen covers. */
  function covered(texts: ReturnType<typeof measure>, half: 'top' | 'bottom') {
    const bars = Array.from(document.querySelectorAll('body *'))
      .filter((el) => pins(el) && !pinned(el.parentElement) && !skipped(el) && Number(getComputedStyle(el).opacity) > 0)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => area(r) && (r.top + r.bottom) / 2 < innerHeight / 2 === (half === 'top'))
    return texts.filter((t) => !t.pinned && t.shown.some((r) => bars.some((b) => overlap(r, b)))).map((t) => `under a bar: "${t.text}"`)
  }

  const texts = measure()
  for (const { text, cut, wide } of texts) {
    if (cut) found.push(`clipped: "${text}" by ${name(cut)}`)
    if (wide) found.push(`wider than its box: "${text}" in ${name(wide)}`)
  }
  // what a bar covers must come out from under it once the page is scrolled to that end
  found.push(...covered(texts, 'top'))
  // texts overlap where they are seen: the page is looked at screen by screen, down to its end
  const scrollers = Array.from(document.querySelectorAll('body *')).filter((el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY))
  const tops = scrollers.map((el) => el.scrollTop)
  const overlapping = new Set<string>()
  for (let screen = 0; ; screen++) {
    scrollers.forEach((el) => (el.scrollTop = (screen * el.clientHeight) / 2))
    const seen = screen ? measure() : texts
    // a bar lies over the page's flow by design (checked above and below), and texts of one element follow each other
    const shown = seen.filter((t) => t.shown.length)
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i], shown[j]]
        if (a.pinned !== b.pinned || a.el === b.el) continue
        if (a.shown.some((r) => b.shown.some((s) => overlap(r, s)))) overlapping.add(`overlapping: "${a.text}" and "${b.text}"`)
      }
    }
    if (scrollers.every((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1) || screen === 40) {
      found.push(...overlapping, ...covered(seen, 'bottom'))
      break
    }
  }
  scrollers.forEach((el, i) => (el.scrollTop = tops[i]))

  for (const el of Array.from(document.querySelectorAll('[role=button], [role=radio], [role=checkbox], [role=switch], input, textarea, .nut-cell-clickable'))) {
    const rect = el.getBoundingClientRect()
    if (!(rect.width > 0 && rect.height > 0) || el.closest('[aria-hidden="true"]')) continue
    if (rect.width < target - 0.5 || rect.height < target - 0.5) found.push(`small target: ${name(el)} "${el.textContent?.trim().slice(0, 12) ?? ''}" ${Math.round(rect.width)}×${Math.round(rect.height)}`)
  }
  return found
}

/**
 * The page at 200 % text, as WeChat's largest font scale gives it: WeChat's scale reaches the tokens as
 * --cwt-font-scale before the page is drawn (services/elder.ts), so it is set on the root before the app starts.
 */
async function open(path: string, elder: boolean): Promise<Page> {
  const visit = pageVisits(ids).find((v) => v.path === path)!
  const context = await phone(e2e.browser, visit.openid)
  if (elder) await context.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ data: true })), ELDER_KEY)
  await context.addInitScript(() => {
    const scale = document.createElement('style')
    scale.textContent = 'html { --cwt-font-scale: 2 }'
    // the head does not exist yet when this runs
    new MutationObserver((_, watch) => {
      if (!document.head) return
      watch.disconnect()
      document.head.append(scale)
    }).observe(document, { childList: true, subtree: true })
  })
  const page = await context.newPage()
  await page.goto(`${base}/#/${visit.path}${visit.query ? `?${visit.query}` : ''}`)
  await page.waitForLoadState('networkidle', { timeout: 60000 })
  if (visit.ready) await page.locator(visit.ready).first().waitFor({ timeout: 60000 })
  await page.locator('.nut-skeleton, .nut-toast').first().waitFor({ state: 'detached', timeout: 30000 })
  // body text is 14.6 CSS px at 100 % (18.9 in 长辈版)
  await page.waitForFunction((least) => parseFloat(getComputedStyle(document.body).fontSize) >= least, elder ? 37 : 29)
  return page
}

it('when a page holds a cut text, a text wider than its box, two texts on each other, a text under a fixed bar and a small button, then the check names each, and not a text a scroller reaches', async () => {
  const page = await open('packages/volunteer/detail/index', false)
  try {
    await page.evaluate(() => {
      const scroller = document.querySelector('.taro_page_show')!
      scroller.insertAdjacentHTML(
        'beforeend',
        `<div class="probe">
          <div class="probe-cut" style="height: 0.5em; overflow: hidden">被裁掉的字</div>
          <div class="probe-scroll" style="height: 40px; overflow-y: auto"><div style="height: 400px"></div><span>滚动可见的字</span></div>
          <div class="probe-narrow" style="width: 20px; white-space: nowrap">太宽的一行字</div>
          <div style="position: relative"><span>底下的字</span><span style="position: absolute; top: 0; left: 0">盖上的字</span></div>
          <div class="probe-tiny" role="button" style="width: 20px; height: 20px"></div>
          <div style="display: flex; align-items: flex-end; height: 40vh">压在底栏下的字</div>
        </div>
        <div style="position: fixed; right: 0; bottom: 0; left: 0; height: 30vh; background: white"></div>`
      )
    })
    const found = await page.evaluate(problems, 44)
    expect(found).toEqual(
      expect.arrayContaining([
        'clipped: "被裁掉的字" by div.probe-cut',
        'wider than its box: "太宽的一行字" in div.probe-narrow',
        'overlapping: "底下的字" and "盖上的字"',
        'under a bar: "压在底栏下的字"',
        'small target: div.probe-tiny "" 20×20'
      ])
    )
    expect(found.filter((line) => line.includes('滚动可见的字'))).toEqual([])
  } finally {
    await page.context().close()
  }
})

describe.each([
  ['normal', false, 44],
  ['长辈版', true, 60]
])('at 200 %% text in %s mode', (_, elder, target) => {
  it.each(PAGES)('when %s is opened, then no text is clipped, covered or overlapping and every target is large enough', async (path) => {
    const page = await open(path, elder)
    try {
      await expect(page.evaluate(problems, target)).resolves.toEqual([])
    } finally {
      await page.context().close()
    }
  })
})

// 答题成绩 in normal mode only: in 长辈版 at 200 % its ten questions run past the forty half-screens the check walks,
// and its sticky tabs start out under the sticky bottom bar
it('when 答题成绩 is opened at 200 % text, then its topics, its large score and its figures are neither cut nor on each other', async () => {
  const page = await open('packages/quiz/result/index', false)
  try {
    await expect(page.evaluate(problems, 44)).resolves.toEqual([])
  } finally {
    await page.context().close()
  }
})
