import cloud from 'wx-server-sdk'
import { createCloudFiles } from './adapters/cloud/files'
import { createCloudModeration } from './adapters/cloud/moderation'
import { createCloudNotifier } from './adapters/cloud/notifier'
import { createCloudStore } from './adapters/cloud/store'
import { createOutboxNotifier } from './adapters/local/notifier'
import { consoleLogger, randomIds, systemClock } from './system-ports'
import type { Deps } from './ports'

/**
 * The CloudBase adapters. Subscribe-message template ids come from the function's environment variable
 * SUBSCRIBE_TEMPLATES, e.g. {"report.accepted":"<template id>"} (notice names as in README), set in the CloudBase console.
 */
export function createCloudDeps(): Deps {
  // The SDK types DYNAMIC_CURRENT_ENV as a symbol but init accepts it: it means "the env this function runs in".
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const store = createCloudStore(cloud.database())
  const templates = JSON.parse(process.env.SUBSCRIBE_TEMPLATES || '{}') as Record<string, string>
  return {
    store,
    files: createCloudFiles(cloud),
    notifier: createCloudNotifier(cloud, createOutboxNotifier(store, randomIds, systemClock), { templates, logger: consoleLogger }),
    moderation: createCloudModeration(cloud, consoleLogger),
    clock: systemClock,
    ids: randomIds,
    logger: consoleLogger
  }
}

/** The caller as WeChat vouches for it; a payload never gets a say. */
export const callerOpenid = () => cloud.getWXContext().OPENID
