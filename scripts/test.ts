/**
 * `npm test`: unit, API and end-to-end tests in one jest run, ending with one pass/fail line.
 * End-to-end tests need Debian's Chromium and the H5 build; without Chromium they are skipped loudly
 * locally and fail the run when CI is set.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ensureH5Build } from '../runtime/h5-build'
import { CHROMIUM, hasChromium } from '../test/support/browser'

const root = path.resolve(__dirname, '..')
const results = path.join(root, '.tmp', 'jest-results.json')
const ci = !!process.env.CI

function banner(lines: string[]) {
  const bar = '!'.repeat(72)
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`)
}

function chineseFontInstalled() {
  const fc = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return fc.status === 0 && fc.stdout.trim().length > 0
}

async function main() {
  const projects = ['unit', 'api']
  if (hasChromium()) {
    if (!chineseFontInstalled()) banner(['没有中文字体：截图里的中文会显示成方框。', '安装：sudo apt-get install -y fonts-noto-cjk'])
    if (!(await ensureH5Build())) {
      console.error('H5 构建失败，端到端测试无法进行。')
      process.exit(1)
    }
    projects.push('e2e')
  } else {
    banner([
      `找不到 Chromium（${CHROMIUM}），端到端测试${ci ? '无法运行，CI 判为失败' : '本次跳过'}。`,
      '安装：sudo apt-get install -y chromium fonts-noto-cjk',
      '（或用 CHROMIUM_PATH 指向已有的 Chromium）'
    ])
    if (ci) process.exit(1)
  }

  // a runtime process killed mid-load three times: every answered write kept, no move half applied
  projects.push('durability')
  mkdirSync(path.dirname(results), { recursive: true })
  const jest = createRequire(__filename).resolve('jest/bin/jest')
  // PGlite loads parts of itself with import(), which jest's module sandbox answers only with vm modules on
  const run = spawnSync(process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, ...projects.flatMap((p) => ['--selectProjects', p]), '--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' }
  })

  let summary = '没有得到测试结果'
  try {
    const r = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number; numFailedTestSuites: number }
    summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped, ${r.numTotalTests} total (${projects.join(' + ')})`
    if (r.numFailedTestSuites && !r.numFailedTests) summary += `; ${r.numFailedTestSuites} suite(s) failed to run`
  } catch {
    // jest did not get as far as writing results; its own output above says why
  }
  const ok = run.status === 0
  console.log(`\n${ok ? '✔ 测试通过' : '✘ 测试未通过'}：${summary}${projects.includes('e2e') ? '' : '（未含端到端测试）'}`)
  process.exit(ok ? 0 : 1)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
