import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { bulletinsPackage } from './packages/bulletins/routes'
import { ordersPackage } from './packages/orders/routes'
import { inspectPackage } from './packages/inspect/routes'
import { organizePackage } from './packages/organize/routes'
import { quizPackage } from './packages/quiz/routes'
import { staffPackage } from './packages/staff/routes'

interface Rule {
  action: 'allow' | 'disallow'
  page: string
}

const { rules } = JSON.parse(readFileSync(path.join(__dirname, 'sitemap.json'), 'utf8')) as { rules: Rule[] }
const allowed = rules.filter((r) => r.action === 'allow').map((r) => r.page)
const pagesOf = (pkg: { root: string; pages: string[] }) => pkg.pages.map((p) => `${pkg.root}/${p}`)

describe('sitemap.json', () => {
  it('when WeChat search reads it, then everything not listed as public is out, and no staff page is listed', () => {
    expect(rules.at(-1)).toEqual({ action: 'disallow', page: '*' })
    const staff = [...pagesOf(staffPackage), ...pagesOf(organizePackage), ...pagesOf(ordersPackage), ...pagesOf(inspectPackage), ...pagesOf(bulletinsPackage), 'packages/admin/users/index', ...['office', 'bank', 'edit', 'units'].map((p) => `${quizPackage.root}/${p}/index`)]
    expect(allowed.filter((page) => staff.includes(page))).toEqual([])
  })

  it('when a page is listed as public, then it is a page of the app', () => {
    for (const page of allowed) expect(existsSync(path.join(__dirname, `${page}.tsx`))).toBe(true)
  })
})
