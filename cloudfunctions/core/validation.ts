import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import { isCalendarDay } from '../../types/calendar'
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

/** A calendar day, YYYY-MM-DD, that exists: a date the calendar lacks is refused by name, not met later as a crash. */
export const calendarDay = (label = '日期') =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isCalendarDay, `${label}不存在（如 2 月 30 日），请重新选择`)

export const id = (label: string) => z.string({ error: `缺少${label}` }).min(1, `缺少${label}`).max(64, `${label}格式不正确`)
