/**
 * Renders the tab bar icons (WeChat needs PNG files, 81x81) from NutUI's own SVG icons, in the tab bar's
 * two colours. Run once after changing the tab bar; the PNGs are committed under src/assets/tab.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium } from 'playwright-core'

const icons = { home: 'Home', me: 'User' }
const colours = { '': '#7a7e83', '-active': '#c8161d' }
const out = path.resolve(__dirname, '..', 'src', 'assets', 'tab')

function svgOf(name: string) {
  const file = readFileSync(createRequire(__filename).resolve(`@nutui/icons-react-taro/dist/es/icons/${name}.js`), 'utf8')
  const base64 = /svg64: "data:image\/svg\+xml;base64,([^"]+)"/.exec(file)?.[1]
  if (!base64) throw new Error(`no svg in ${name}`)
  return Buffer.from(base64, 'base64').toString('utf8')
}

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [file, icon] of Object.entries(icons)) {
    for (const [suffix, colour] of Object.entries(colours)) {
      const svg = svgOf(icon).replace(/fill="#[0-9a-f]+"/gi, `fill="${colour}"`).replace('<svg ', '<svg width="81" height="81" ')
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({ path: path.join(out, `${file}${suffix}.png`), omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
    }
  }
  await browser.close()
}

void main()
