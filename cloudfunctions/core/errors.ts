import { ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '../../types/errors'

/** The one error type of the back end: a stable code and a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly issues?: FieldIssue[]
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`)
export const conflict = (message: string) => new AppError('CONFLICT', message)
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message)
export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }])
