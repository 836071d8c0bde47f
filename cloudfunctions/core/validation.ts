import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import type { FieldIssue } from '../../types/errors'

// Messages the schemas do not spell out themselves still reach people in Chinese.
z.config(zhCN())

export function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.')
    if (issue.code === 'unrecognized_keys') {
      return { field: issue.keys.join(','), message: `不认识的字段：${issue.keys.join('、')}` }
    }
    return { field, message: issue.message }
  })
}

/** Paging parameters shared by every list action. */
export const pageQuery = {
  page: z.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.number({ error: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20)
}

export const id = (label: string) => z.string({ error: `缺少${label}` }).min(1, `缺少${label}`).max(64, `${label}格式不正确`)
