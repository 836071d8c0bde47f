import type * as z from 'zod'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../types/api'
import type { Role, User } from '../../types/domain'
import type { Deps } from './ports'
import type { Checked } from './public-text'

export interface ActionContext {
  caller: User
  deps: Deps
  /** The client's idempotency key for creates; absent for reads. */
  requestId?: string
  /** Fields whose text moderation let through but wants a person to look at (lenient texts only). */
  held: string[]
}

/** Who may call an action: any identified caller, or holders of one of the listed roles. */
export type Allowed = 'anyone' | readonly Role[]

/**
 * `Req` is what the contract lets clients send; `In` is what the schema makes of it (defaults filled in, texts
 * others will read as Unchecked); the use case gets them moderated, as PublicText.
 */
export interface Action<Req, Res, In = Req> {
  allow: Allowed
  schema: z.ZodType<In, Req>
  run: (input: Checked<In>, ctx: ActionContext) => Promise<Res>
  /**
   * Whether the use case runs in one store transaction (the default): every step it takes lands, or none.
   * Read-only actions may say false: long ones (exports), so they do not hold the embedded store for their
   * length, and the public reads many people make at once (feed, activities, overview), which the embedded store
   * then answers from the answers it keeps while nothing has changed.
   */
  atomic?: boolean
}

/** A function's actions, checked against the contract: every action of the function, with its exact types. */
export type Actions<F extends FunctionName> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action keeps its own schema output type
  [A in ActionName<F>]: Action<RequestOf<F, A>, ResponseOf<F, A>, any>
}

export const defineAction = <Req, Res, In>(action: Action<Req, Res, In>) => action
