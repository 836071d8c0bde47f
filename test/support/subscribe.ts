import { createCloudNotifier, type CloudOpenApi } from '../../cloudfunctions/core/adapters/cloud/notifier'
import { createOutboxNotifier } from '../../cloudfunctions/core/adapters/local/notifier'
import { randomIds } from '../../cloudfunctions/core/system-ports'
import type { TestRuntime } from './runtime'

export interface Pushed {
  touser: string
  templateId: string
  page?: string
  data: { thing1: { value: string }; thing2: { value: string } }
}

/**
 * Gives the runtime the notifier it has in CloudBase, with `templates` as SUBSCRIBE_TEMPLATES and WeChat's
 * openapi answered here: answers the subscribe messages sent, oldest first.
 */
export function pushing(rt: TestRuntime, templates: Record<string, string>): Pushed[] {
  const sent: Pushed[] = []
  const cloud = { openapi: { subscribeMessage: { send: async (message: Pushed) => void sent.push(message) } } } as unknown as CloudOpenApi
  rt.deps.notifier = createCloudNotifier(cloud, createOutboxNotifier(rt.deps.store, randomIds, rt.clock), { templates, logger: rt.logger })
  return sent
}
