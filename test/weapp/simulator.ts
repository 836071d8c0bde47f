/**
 * The weapp build (dist/weapp) as WeChat runs it, in jsdom: miniprogram-simulate compiles each page's WXML with
 * the official compiler (miniprogram-compiler's wcc, which reads Taro's base.wxml templates) and runs the
 * compiled JS under exparser, WeChat's component framework. What the simulator lacks is supplied here: App and
 * getApp, Page (a page is a component whose lifecycle the test drives), and a `wx` whose APIs Taro can list, with
 * `wx.cloud.callFunction` answered in-process by each function's CloudBase entry (`cloudMain`) on local adapters.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Result } from '../../types/errors'
import { cloudMain } from '../../cloudfunctions/core/cloud-entry'
import { baseData } from '../../cloudfunctions/core/seed'
import { questionBank } from '../../cloudfunctions/quiz/seed'
import type { Deps } from '../../cloudfunctions/core/ports'
import { functions } from '../../cloudfunctions/registry'

export const WEAPP_DIR = path.resolve(__dirname, '..', '..', process.env.TARO_OUTPUT ?? 'dist/weapp')

/** A wx API call the page made: its name and what it passed. */
export interface WxCall {
  api: string
  args: Record<string, unknown>
}

interface SimulatedComponent {
  dom: HTMLElement
  instance: Record<string, (...args: unknown[]) => unknown> & Record<string, unknown>
  attach(parent: Element): void
}

interface Simulate {
  load(componentPath: string, options: { compiler: 'official'; rootPath: string }): string
  render(id: string): SimulatedComponent
}

interface Exparser {
  Event: { create(name: string, detail: object, options: object): unknown; dispatchEvent(target: unknown, event: unknown): void }
}

type Options = Record<string, unknown> & { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void }

const WINDOW = { windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2, statusBarHeight: 44 }
const SYSTEM = { ...WINDOW, platform: 'devtools', system: 'iOS 17.0', version: '8.0.50', SDKVersion: '3.6.0', brand: 'devtools', model: 'iPhone 15', language: 'zh_CN' }

/** Starts the simulated mini-program (jsdom, the wx object, the app's launch) with `deps` behind the cloud functions. */
export function startWeapp(deps: Deps) {
  if (!existsSync(path.join(WEAPP_DIR, 'app.json'))) throw new Error(`${WEAPP_DIR}/app.json 不存在：先运行 npm run build:weapp`)
  installDom()

  let openid = ''
  const calls: WxCall[] = []
  let pending = 0
  // Each function as CloudBase runs it: its entry, started once, with the caller WeChat vouches for.
  const mains = Object.fromEntries(
    Object.entries(functions).map(([name, handler]) => [name, cloudMain(handler, { seed: [baseData, questionBank] }, { deps: () => deps, openid: () => openid, env: {} })])
  )

  const storage = new Map<string, unknown>()
  const answer = (api: string, res: Record<string, unknown> = {}) => (options: Options = {}) => {
    calls.push({ api, args: options })
    const result = { errMsg: `${api}:ok`, ...res }
    options.success?.(result)
    options.complete?.(result)
  }
  const wx = {
    cloud: {
      init: (options: Options) => void calls.push({ api: 'cloud.init', args: options }),
      async callFunction({ name, data }: { name: string; data: unknown }) {
        calls.push({ api: 'cloud.callFunction', args: { name, data } })
        const main = mains[name]
        if (!main) throw { errMsg: `cloud.callFunction:fail FunctionName parameter could not be found (${name})` }
        pending++
        try {
          const result: Result<unknown> = await main(data)
          return { errMsg: 'cloud.callFunction:ok', result, requestID: String(calls.length) }
        } finally {
          pending--
        }
      }
    },
    navigateTo: answer('navigateTo'),
    redirectTo: answer('redirectTo'),
    switchTab: answer('switchTab'),
    navigateBack: answer('navigateBack'),
    showToast: answer('showToast'),
    hideToast: answer('hideToast'),
    showLoading: answer('showLoading'),
    hideLoading: answer('hideLoading'),
    showModal: answer('showModal', { confirm: true, cancel: false }),
    stopPullDownRefresh: answer('stopPullDownRefresh'),
    pageScrollTo: answer('pageScrollTo'),
    requestSubscribeMessage: answer('requestSubscribeMessage'),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getSystemInfoSync: () => SYSTEM,
    getWindowInfo: () => WINDOW,
    getDeviceInfo: () => SYSTEM,
    getAppBaseInfo: () => SYSTEM,
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 }),
    createSelectorQuery: () => selectorQuery(),
    nextTick: (fn: () => void) => setTimeout(fn, 0)
  }

  let app: Record<string, (...args: unknown[]) => unknown> | undefined
  const pages: unknown[] = []
  Object.assign(globalThis, {
    wx,
    App: (options: typeof app) => void (app = options),
    getApp: () => app,
    getCurrentPages: () => pages,
    // A Taro page config is flat (onLoad, eh, data): exparser wants its functions as methods.
    Page: (options: Record<string, unknown>) => {
      const methods = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function'))
      ;(globalThis as unknown as { Component: (o: object) => void }).Component({ data: options.data, methods, options: { addGlobalClass: true } })
    }
  })

  // miniprogram-simulate reads `window` when it loads, so it comes after the DOM.
  const simulate = require('miniprogram-simulate') as Simulate
  const exparser = require('miniprogram-exparser') as Exparser
  require(path.join(WEAPP_DIR, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  app.onLaunch({ path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow({ path: 'pages/index/index', query: {}, scene: 1001 })

  let changedAt = Date.now()
  /** Waits until no cloud call is in flight and the page has stopped changing (React renders deferred work later). */
  async function settle(timeoutMs = 15_000) {
    const until = Date.now() + timeoutMs
    while (pending > 0 || Date.now() - changedAt < 400) {
      if (Date.now() > until) throw new Error(`页面 ${timeoutMs} ms 内没有安定下来（仍有 ${pending} 个云函数调用）`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  /** Opens a page (`pages/index/index`) as `who`, with the query it was navigated to with, and waits for it to draw. */
  async function open(route: string, who: string, query: Record<string, string> = {}) {
    // whose phone it is, for this page's cloud calls
    openid = who
    const id = simulate.load(path.join(WEAPP_DIR, route), { compiler: 'official', rootPath: WEAPP_DIR })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    new MutationObserver(() => void (changedAt = Date.now())).observe(page.dom, { subtree: true, childList: true, characterData: true, attributes: true })
    const instance = page.instance
    Object.assign(instance, { route, __route__: route, options: query })
    pages.push(instance)
    instance.onLoad({ ...query })
    instance.onShow()
    instance.onReady()
    changedAt = Date.now()
    await settle()

    return {
      /** The page's text, node by node, as a person reads it. */
      text: () => textOf(page.dom),
      /** Taps what shows this text (the innermost element whose whole text it is), as a finger would. */
      tap: (text: string) => tap(page.dom, text, (el) => el.textContent?.trim() === text),
      /** Taps the first element with this class (as written in the source: the simulator prefixes it). */
      tapClass: (name: string) => tap(page.dom, `.${name}`, (el) => Array.from(el.classList).some((c) => c === name || c.endsWith(`--${name}`)))
    }
  }

  /** A tap event from the innermost matching element, bubbling through exparser to the handler Taro bound. */
  async function tap(root: Element, what: string, matches: (el: Element) => boolean) {
    const found = Array.from(root.querySelectorAll('*')).filter(matches)
    // the first match that holds no other: the text itself rather than the card around it
    const target = found.find((el) => !found.some((other) => other !== el && el.contains(other))) as (Element & { __wxElement?: unknown }) | undefined
    if (!target?.__wxElement) throw new Error(`页面上找不到 ${what}`)
    exparser.Event.dispatchEvent(
      target.__wxElement,
      exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } })
    )
    changedAt = Date.now()
    await settle()
  }

  return {
    open,
    calls,
    /** The cloud calls made since `from` (an index into calls), as fn.action. */
    cloudCalls: (from = 0) =>
      calls.slice(from).flatMap((c) => (c.api === 'cloud.callFunction' ? [`${c.args.name}.${(c.args.data as { action: string }).action}`] : []))
  }
}

export type WeappPage = Awaited<ReturnType<ReturnType<typeof startWeapp>['open']>>

/** What a person sees: the text nodes in order, blanks dropped. */
export function textOf(node: Node): string {
  const parts: string[] = []
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const t = n.textContent?.trim()
      if (t) parts.push(t)
    }
    n.childNodes.forEach(walk)
  }
  walk(node)
  return parts.join(' ')
}

/** NutUI measures a few elements; in jsdom everything has no size, which is what each measurement answers. */
function selectorQuery() {
  const rect = { width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, scrollTop: 0, scrollLeft: 0 }
  const results: unknown[] = []
  const measure = (cb?: (r: unknown) => void) => {
    results.push(rect)
    cb?.(rect)
    return query
  }
  const query = {
    in: () => query,
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: measure,
    scrollOffset: measure,
    fields: (_fields: unknown, cb?: (r: unknown) => void) => measure(cb),
    exec: (cb?: (r: unknown[]) => void) => cb?.(results)
  }
  return query
}

let domInstalled = false

/** jsdom's window as the global one, as the simulator expects (its own tests run in jest's jsdom environment). */
function installDom() {
  if (domInstalled) return
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => { window: Window } }
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const names = ['document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent', 'Touch', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']
  const g = globalThis as Record<string, unknown>
  g.window = window
  for (const name of names) if (g[name] === undefined) g[name] = (window as unknown as Record<string, unknown>)[name]
  domInstalled = true
}
