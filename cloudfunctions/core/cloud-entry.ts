import type { Result } from '../../types/errors'
import { callerOpenid, createCloudDeps } from './cloud-deps'
import { grantAdmins } from './identity'
import type { Deps } from './ports'
import { toFailure, type Handler } from './router'
import { seedBaseData, type Seed } from './seed'

/**
 * A timer is an event nobody called: a client's callFunction always carries its OPENID, so `{ Type: 'Timer' }`
 * from a client is just a call (and answered as one).
 */
const isTimer = (event: unknown, openid: string | undefined) => !openid && (event as { Type?: string } | null)?.Type === 'Timer'

/** What a function instance gets from where it runs: CloudBase's adapters and caller, or a test's. */
export interface Platform {
  deps(): Deps
  openid(): string | undefined
  /** The function's environment variables (ADMIN_OPENIDS: openids that hold the admin role from the first call). */
  env: Record<string, string | undefined>
}

const cloud: Platform = { deps: createCloudDeps, openid: callerOpenid, env: process.env }

/** What a function brings to its entry: the parts of the base data it reads, and the sweep its timer runs. */
export interface Entry {
  seed: Seed[]
  timer?: (deps: Deps) => Promise<unknown>
}

/**
 * A cloud function's `main`: adapters are built once per instance, and the first call of an instance makes
 * sure the environment holds the function's base data and the configured admins. That start answers in the
 * same envelope as an action, so a failed start (a lost connection, a timeout) is an error the app can show,
 * and the next call starts again and finishes what was left. A timer trigger (config.json) runs `timer`
 * instead of an action.
 */
export function cloudMain(handler: Handler, { seed, timer }: Entry, platform: Platform = cloud) {
  let deps: Deps | undefined
  let started: Promise<void> | undefined
  const start = async (deps: Deps) => {
    await seedBaseData(deps, seed)
    await grantAdmins(deps, platform.env.ADMIN_OPENIDS)
  }
  return async (event: unknown): Promise<Result<unknown>> => {
    deps ??= platform.deps()
    try {
      await (started ??= start(deps).catch((error) => {
        started = undefined
        throw error
      }))
    } catch (error) {
      return toFailure(error, deps.logger, 'start')
    }
    const openid = platform.openid()
    if (isTimer(event, openid)) return timer ? { ok: true, data: await timer(deps) } : { ok: false, code: 'UNKNOWN_ACTION', message: '没有定时任务' }
    return handler(event, { openid, deps })
  }
}
