import type { ActionName, ErrorCode, FieldIssue, FunctionName, RequestOf, ResponseOf } from '@contract'
import { transport as defaultTransport, type Transport } from './transport'

export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly issues: FieldIssue[] = []
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The message for one form field, if the server named it. */
  field(name: string) {
    return this.issues.find((i) => i.field === name)?.message
  }

  /**
   * The server's messages sorted onto a form's fields (the first for each field), with what it said about
   * anything else: `others`, and `text` to show above the form (the plain message when nothing was named).
   */
  byField<K extends string>(fieldOf: (path: string) => K | null): { fields: Partial<Record<K, string>>; others: string[]; text: string } {
    const fields: Partial<Record<K, string>> = {}
    const others: string[] = []
    for (const issue of this.issues) {
      const field = fieldOf(issue.field)
      if (field && !fields[field]) fields[field] = issue.message
      else if (!field) others.push(issue.message)
    }
    return { fields, others, text: this.issues.length ? others.join('；') : this.message }
  }
}

/** A fresh idempotency key for a create; reuse it when retrying the same submit. */
export const newRequestId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`

/** The one api client: every page calls the back end through it, typed by the contract in types/. */
export function createApi(transport: Transport) {
  return {
    async call<F extends FunctionName, A extends ActionName<F>>(
      fn: F,
      action: A,
      ...[payload, options]: Record<never, never> extends RequestOf<F, A>
        ? [payload?: RequestOf<F, A>, options?: { requestId?: string }]
        : [payload: RequestOf<F, A>, options?: { requestId?: string }]
    ): Promise<ResponseOf<F, A>> {
      let result
      try {
        result = await transport(fn, { action, payload: payload ?? {}, ...(options?.requestId ? { requestId: options.requestId } : {}) })
      } catch {
        throw new ApiError('NETWORK', '网络不通，请检查网络后重试')
      }
      if (!result || typeof result !== 'object' || !('ok' in result)) throw new ApiError('INTERNAL', '服务返回了无法识别的内容，请稍后再试')
      if (!result.ok) throw new ApiError(result.code, result.message, result.issues)
      return result.data as ResponseOf<F, A>
    }
  }
}

export const api = createApi(defaultTransport)
