import path from 'node:path'
import { createLocalFiles } from './adapters/local/files'
import { createKeywordModeration } from './adapters/local/moderation'
import { createOutboxNotifier } from './adapters/local/notifier'
import { createLocalStore, type LocalStore } from './adapters/local/store'
import { consoleLogger, randomIds, systemClock } from './basics'
import { INDEXES } from './collections'
import type { Clock, Deps, Logger } from './ports'

export type LocalDeps = Deps & { store: LocalStore }

/** The embedded adapters: data and files under `dataDir`, or all in memory when it is absent (tests). */
export function createLocalDeps(options: { dataDir?: string; clock?: Clock; logger?: Logger } = {}): LocalDeps {
  const store = createLocalStore({ dir: options.dataDir && path.join(options.dataDir, 'db'), indexes: INDEXES })
  const clock = options.clock ?? systemClock
  return {
    store,
    files: createLocalFiles(options.dataDir && path.join(options.dataDir, 'files')),
    notifier: createOutboxNotifier(store, randomIds, clock),
    moderation: createKeywordModeration(),
    clock,
    ids: randomIds,
    logger: options.logger ?? consoleLogger
  }
}
