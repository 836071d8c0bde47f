/** Stable error codes. Clients branch on the code; the message is for people. */
export const ERROR_MESSAGES = {
  BAD_REQUEST: '请求格式不正确',
  VALIDATION_FAILED: '填写的内容有误',
  UNAUTHENTICATED: '无法确认您的身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  UNKNOWN_FUNCTION: '没有这个服务',
  UNKNOWN_ACTION: '没有这个操作',
  CONFLICT: '状态已变化，请刷新后重试',
  DUPLICATE: '重复提交',
  NO_HOURS: '还没有经确认的志愿服务时长',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再提交',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UNSUPPORTED_FILE: '不支持的文件类型',
  INTERNAL: '服务暂时不可用，请稍后再试',
  UNAVAILABLE: '服务繁忙，请求没有完成，请稍后再试'
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/** One field-level problem, for forms to put next to the field. */
export interface FieldIssue {
  field: string
  message: string
}

export interface Failure {
  ok: false
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export interface Success<T> {
  ok: true
  data: T
}

export type Result<T> = Success<T> | Failure
