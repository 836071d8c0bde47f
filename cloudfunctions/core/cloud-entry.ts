import { seedBaseData } from '../campaign/seed'
import { callerOpenid, createCloudDeps } from './cloud-deps'
import type { Deps } from './ports'
import type { Handler } from './router'

/** What the platform gives an entry: its adapters, and the caller it vouches for. */
export interface Platform {
  deps(): Promise<Deps>
  openid(): string | undefined
}

const cloud: Platform = { deps: async () => createCloudDeps(), openid: callerOpenid }

/**
 * A timer is an event nobody called: a client's callFunction always carries its OPENID, so `{ Type: 'Timer' }`
 * from a client is just a call (and answered as one).
 */
const isTimer = (event: unknown, openid: string | undefined) => !openid && (event as { Type?: string } | null)?.Type === 'Timer'

/**
 * A cloud function's `main`: adapters are built once per instance, and the first call of an instance makes
 * sure the environment holds the base data the counters and taxonomy rely on. A timer trigger (config.json)
 * runs `onTimer` instead of an action.
 */
export function cloudMain(handler: Handler, onTimer?: (deps: Deps) => Promise<unknown>, platform: Platform = cloud) {
  let ready: Promise<Deps> | undefined
  const prepare = async () => {
    const deps = await platform.deps()
    await seedBaseData(deps)
    return deps
  }
  return async (event: unknown) => {
    ready ??= prepare().catch((error) => {
      ready = undefined
      throw error
    })
    const deps = await ready
    const openid = platform.openid()
    if (isTimer(event, openid)) return onTimer ? { ok: true, data: await onTimer(deps) } : { ok: false, code: 'UNKNOWN_ACTION', message: '没有定时任务' }
    return handler(event, { openid, deps })
  }
}
