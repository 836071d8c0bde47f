import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { H5_DIR } from '../../runtime/h5-build'
import { startRuntime } from './runtime'

/** The demo's before and after photos of a wall of small ads, for forms that take a photo. */
export const DEMO_PHOTOS = {
  before: path.resolve(__dirname, '..', '..', 'runtime', 'demo', 'ads-before.jpg'),
  after: path.resolve(__dirname, '..', '..', 'runtime', 'demo', 'ads-after.jpg')
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = () => existsSync(CHROMIUM)

/** Debian's Chromium, headless, with everything that would reach the network switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A phone: Taro's H5 components answer taps (touch events), so tests tap rather than click. */
export async function phone(browser: Browser, openid?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (openid) await context.addInitScript((id) => localStorage.setItem('cwt.demo-openid', JSON.stringify({ data: id })), openid)
  return context
}

/**
 * The local runtime on a random port with its own data folder, serving the H5 build, and a Chromium to drive
 * it: what every end-to-end test starts from.
 */
export async function startE2E() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cwt-e2e-'))
  const rt = await startRuntime({ staticDir: H5_DIR, dataDir })
  await rt.app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`
  const browser = await launchChromium()
  return {
    rt,
    browser,
    /**
     * A fresh phone as `openid`, on `hash` (e.g. /pages/me/index); with `at`, its clock stands still there, for
     * pages that decide what to show from the time of day and a test that moves the server's clock.
     */
    async open(hash: string, openid?: string, at?: Date) {
      const context = await phone(browser, openid)
      if (at) await context.clock.setFixedTime(at)
      const page = await context.newPage()
      await page.goto(`${base}/#${hash}`)
      return page
    },
    async stop() {
      await browser.close()
      await rt.app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
