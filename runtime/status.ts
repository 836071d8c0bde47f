import type { ErrorCode } from '../types/errors'

/** HTTP status for each error code of the contract (DESIGN.md §3). */
export const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  CONTENT_REJECTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  NO_HOURS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503
}
