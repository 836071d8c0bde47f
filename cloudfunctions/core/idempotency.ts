import { createHash } from 'node:crypto'
import type { ActionContext } from './action'
import { AppError } from './errors'

/** A document id that follows from a key and does not reveal it: the same key always names the same document. */
export const idOf = (prefix: string, key: string) => prefix + createHash('sha256').update(key).digest('hex').slice(0, 23)

/** A create needs the client's requestId: without it a retried submit could not be told from a new one. */
export const requireRequestId = (requestId: string | undefined) => {
  if (!requestId) throw new AppError('VALIDATION_FAILED', '缺少 requestId：请从页面重新提交', [{ field: 'requestId', message: '缺少 requestId' }])
  return requestId
}

/** The id of what a create makes: the same person retrying the same request lands on the same document. */
export const createdId = (prefix: string, { caller, requestId }: Pick<ActionContext, 'caller' | 'requestId'>) => idOf(prefix, `${caller._id}:${requireRequestId(requestId)}`)
