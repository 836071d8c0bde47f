import type { FunctionName } from '../types/api'
import { campaignActions } from './campaign/actions'
import { createHandler, type Handler } from './core/router'
import { usersActions } from './users/actions'

/** Every cloud function by name; the local runtime serves these, the build bundles one folder per name. */
export const functions: Record<FunctionName, Handler> = {
  users: createHandler('users', usersActions),
  campaign: createHandler('campaign', campaignActions)
}
