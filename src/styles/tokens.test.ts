import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const TOKENS = path.join(__dirname, 'tokens.scss')
const colours = Object.fromEntries([...readFileSync(TOKENS, 'utf8').matchAll(/--(cwt-[a-z0-9-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1], m[2]]))

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const TEXTS = ['cwt-text', 'cwt-text-2', 'cwt-text-hint', 'cwt-brand', 'cwt-brand-dark', 'cwt-success', 'cwt-warning', 'cwt-danger', 'cwt-info', 'cwt-violet']
const BACKGROUNDS = ['cwt-surface', 'cwt-bg', 'cwt-fill', 'cwt-fill-strong', 'cwt-brand-soft', 'cwt-brand-tint', 'cwt-success-soft', 'cwt-warning-soft', 'cwt-danger-soft', 'cwt-info-soft', 'cwt-violet-soft']

function scssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scssFiles(path.join(dir, e.name)) : e.name.endsWith('.scss') ? [path.join(dir, e.name)] : []))
}

describe('design tokens', () => {
  it('when any text colour sits on any background, then it passes WCAG AA (4.5:1)', () => {
    const failing = TEXTS.flatMap((text) => BACKGROUNDS.map((bg) => ({ text, bg, ratio: contrast(colours[text], colours[bg]) }))).filter((p) => !(p.ratio >= 4.5))
    expect(failing).toEqual([])
  })

  it('when white text sits on the brand and status colours, then it passes AA', () => {
    const failing = ['cwt-brand', 'cwt-brand-dark', 'cwt-success', 'cwt-warning', 'cwt-danger', 'cwt-info'].filter((bg) => !(contrast(colours['cwt-text-on-brand'], colours[bg]) >= 4.5))
    expect(failing).toEqual([])
  })

  it('when a stylesheet sets a text colour or a text size, then it takes it from the tokens', () => {
    const literals = scssFiles(path.join(__dirname, '..'))
      .filter((file) => file !== TOKENS)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line: line.trim(), at: `${path.relative(path.join(__dirname, '..'), file)}:${i + 1}` }))
          .filter(({ line }) => /^(color|font-size):.*(#[0-9a-f]{3,6}\b|\d+px)/i.test(line))
          .map(({ line, at }) => `${at} ${line}`)
      )
    expect(literals).toEqual([])
  })
})
