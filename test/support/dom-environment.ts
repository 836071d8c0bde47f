import NodeEnvironment from 'jest-environment-node'
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment'

// jsdom and react-dom come without type declarations here
interface Dom {
  window: Window & typeof globalThis & { close(): void }
}
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => Dom }

/**
 * A node environment with a jsdom document, for component tests (`@jest-environment` in their docblock):
 * jest-environment-jsdom is not installed, and the unit project's other tests stay on plain node.
 */
export default class DomEnvironment extends NodeEnvironment {
  private readonly dom: Dom

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context)
    this.dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true })
    const { window } = this.dom
    const g = this.global as unknown as Record<string, unknown>
    for (const key of Object.getOwnPropertyNames(window)) {
      if (!(key in g)) g[key] = (window as unknown as Record<string, unknown>)[key]
    }
    // jsdom has no canvas; NutUI's bundle carries lottie, which paints a 1×1 canvas as it loads.
    const blank = new Proxy({}, { get: () => () => undefined, set: () => true })
    window.HTMLCanvasElement.prototype.getContext = (() => blank) as never
    // the window's own timers, which close with it: NutUI's lottie polls the document's readyState forever
    for (const timer of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const) g[timer] = window[timer].bind(window)
    g.window = window
    g.document = window.document
    g.navigator = window.navigator
    // React's act() warns unless it is told this is a test.
    g.IS_REACT_ACT_ENVIRONMENT = true
  }

  async teardown() {
    this.dom.window.close()
    await super.teardown()
  }
}
