import * as z from 'zod'
import type { ActionName, FunctionName } from '../../types/api'
import type { Role, User } from '../../types/domain'
import { ERROR_MESSAGES, type Failure, type Result } from '../../types/errors'
import type { Action, Actions, Allowed } from './action'
import { AppError } from './errors'
import { Cancelled } from './ports'
import { resolveCaller } from './identity'
import type { Deps, Logger } from './ports'
import { moderate } from './public-text'
import { toIssues } from './validation'

export interface Invocation {
  /** The platform's word on who is calling: getWXContext().OPENID in the cloud, x-openid locally. */
  openid: string | undefined
  deps: Deps
  /** Aborts when the caller has given up or the request ran past its deadline (the local runtime sets it). */
  signal?: AbortSignal
}

export type Handler = (event: unknown, invocation: Invocation) => Promise<Result<unknown>>

const envelope = z.object({
  action: z.string({ error: '缺少 action' }).min(1, '缺少 action'),
  payload: z.unknown().optional(),
  requestId: z.string().min(8, 'requestId 至少 8 个字符').max(64, 'requestId 最多 64 个字符').optional()
})

const allows = (allow: Allowed, roles: Role[]) => allow === 'anyone' || allow.some((r) => roles.includes(r))

/**
 * Turns a function's action table into its handler: envelope -> action -> identity -> role guard -> schema ->
 * moderation of every text others will read -> use case.
 */
export function createHandler<F extends FunctionName>(name: F, actions: Actions<F>): Handler {
  const table = actions as Record<string, Action<unknown, unknown, unknown>>
  return async (event, { openid, deps, signal }) => {
    try {
      const parsed = envelope.safeParse(event)
      if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues[0].message)
      const { action: actionName, payload, requestId } = parsed.data
      const action = Object.hasOwn(table, actionName) ? table[actionName as ActionName<F>] : undefined
      if (!action) throw new AppError('UNKNOWN_ACTION', `${name} 没有 ${actionName} 这个操作`)
      if (!openid) throw new AppError('UNAUTHENTICATED')
      const input = action.schema.safeParse(payload ?? {})
      const run = async () => {
        const caller: User = await resolveCaller(deps, openid)
        if (!allows(action.allow, caller.roles)) throw new AppError('FORBIDDEN')
        if (!input.success) {
          const issues = toIssues(input.error)
          throw new AppError('VALIDATION_FAILED', issues[0].message, issues)
        }
        const { input: checked, held } = await moderate(input.data, deps, caller.openid)
        return action.run(checked, { caller, deps, requestId, held })
      }
      // one transaction from knowing the caller to the last step: a request waits for the store once
      return { ok: true, data: await (action.atomic === false ? run() : deps.store.transaction(run, { signal })) }
    } catch (error) {
      return toFailure(error, deps.logger, name)
    }
  }
}

/** The one envelope for anything that went wrong: an AppError as it is, the rest logged and answered generically. */
export function toFailure(error: unknown, logger: Logger, fn: string): Failure {
  if (error instanceof Cancelled) return { ok: false, code: 'UNAVAILABLE', message: ERROR_MESSAGES.UNAVAILABLE }
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) }
  }
  logger.error('unexpected error', { fn, error: error instanceof Error ? error.stack : String(error) })
  return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
}
