import { seedBaseData } from '../campaign/seed'
import { callerOpenid, createCloudDeps } from './cloud-deps'
import type { Deps } from './ports'
import type { Handler } from './router'

const isTimer = (event: unknown) => (event as { Type?: string } | null)?.Type === 'Timer'

/**
 * A cloud function's `main`: adapters are built once per instance, and the first call of an instance makes
 * sure the environment holds the base data the counters and taxonomy rely on. A timer trigger (config.json)
 * runs `onTimer` instead of an action.
 */
export function cloudMain(handler: Handler, onTimer?: (deps: Deps) => Promise<unknown>) {
  let ready: Promise<Deps> | undefined
  const prepare = async () => {
    const deps = createCloudDeps()
    await seedBaseData(deps)
    return deps
  }
  return async (event: unknown) => {
    ready ??= prepare().catch((error) => {
      ready = undefined
      throw error
    })
    const deps = await ready
    if (isTimer(event)) return onTimer ? { ok: true, data: await onTimer(deps) } : { ok: false, code: 'UNKNOWN_ACTION', message: '没有定时任务' }
    return handler(event, { openid: callerOpenid(), deps })
  }
}
