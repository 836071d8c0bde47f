import type { ActionName, FunctionName, RequestOf } from '../../types/api'
import { manualClock } from '../../cloudfunctions/core/system-ports'
import { createLocalDeps } from '../../cloudfunctions/core/local-deps'
import type { Collection, Doc, Logger, Store } from '../../cloudfunctions/core/ports'
import { createRuntime } from '../../runtime/app'
import { seedLocal } from '../../runtime/seed'
import { recording } from './query-shapes'

export const quietLogger: Logger & { errors: string[] } = {
  errors: [],
  info: () => undefined,
  error(message, extra) {
    this.errors.push(`${message} ${JSON.stringify(extra ?? {})}`)
  }
}

/** The local runtime in-process, on an in-memory store seeded like a first start, with a clock tests can move. */
export async function startRuntime(options: { at?: string; staticDir?: string; dataDir?: string } = {}) {
  const clock = manualClock(options.at ?? '2026-11-23T09:00:00+08:00')
  const logger = { ...quietLogger, errors: [] as string[] }
  const deps = createLocalDeps({ clock, logger, dataDir: options.dataDir })
  deps.store = recording(deps.store)
  await seedLocal(deps)
  const app = await createRuntime({ deps, staticDir: options.staticDir })
  app.addHook('onClose', () => deps.store.close())

  /** POST /api/<fn> as `openid` (or anonymously with null) and answer status + body. */
  async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, payload: RequestOf<F, A> | Record<string, unknown>, openid: string | null, requestId?: string) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/${fn}`,
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
      payload: JSON.stringify({ action, payload, ...(requestId ? { requestId } : {}) })
    })
    return { status: res.statusCode, body: res.json() }
  }

  return { app, deps, clock, logger, call }
}

export type TestRuntime = Awaited<ReturnType<typeof startRuntime>>

/** Writes many documents straight into the store, in one transaction (far quicker than one each): data at scale for a test. */
export function insertAll<T extends Doc>(store: Store, collection: Collection<T>, docs: T[]) {
  return store.transaction(async () => {
    for (const doc of docs) await collection.insert(doc)
  })
}
