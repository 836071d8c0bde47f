import { seedBaseData } from '../campaign/seed'
import { callerOpenid, createCloudDeps } from './cloud-deps'
import type { Deps } from './ports'
import type { Handler } from './router'

/**
 * A cloud function's `main`: adapters are built once per instance, and the first call of an instance makes
 * sure the environment holds the base data the counters and taxonomy rely on.
 */
export function cloudMain(handler: Handler) {
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
    return handler(event, { openid: callerOpenid(), deps: await ready })
  }
}
