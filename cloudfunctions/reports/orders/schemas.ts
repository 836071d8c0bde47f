import * as z from 'zod'
import { ORDER_LEVELS, ORDER_STATES } from '../../../types/orders'
import { publicText } from '../../core/public-text'
import { calendarDay, id, pageQuery } from '../../core/validation'

/** An order names at most this many cases: one page of the unit's queue. */
export const MAX_CASES = 50

const day = calendarDay
const level = z.enum(ORDER_LEVELS, { error: '请选择督办级别（白色、黄色或红色）' })
const byId = { id: id('督办单编号') }

export const issue = z.strictObject({
  departmentId: id('责任单位'),
  caseIds: z
    .array(id('问题编号'), { error: '请选择要督办的问题' })
    .min(1, '请至少选择 1 个要督办的问题')
    .max(MAX_CASES, `一张督办单最多 ${MAX_CASES} 个问题`)
    .refine((ids) => new Set(ids).size === ids.length, '同一个问题选了两次'),
  level,
  replyBy: day('回复期限'),
  // the unit reads it, and the office's figures quote it
  text: publicText('督办内容', 500)
})

export const list = z.strictObject({
  ...pageQuery,
  level: level.optional(),
  state: z.enum([...ORDER_STATES, 'open'], { error: '状态不正确' }).optional(),
  departmentId: id('责任单位').optional()
})

export const one = z.strictObject(byId)
export const reply = z.strictObject({ ...byId, reply: publicText('回复内容', 500) })
export const proposals = z.strictObject(pageQuery)
export const confirm = z.strictObject({ id: id('督办建议编号'), replyBy: day('回复期限').optional() })
export const dismiss = z.strictObject({ id: id('督办建议编号') })
export const counts = z
  .strictObject({ from: day('开始日期'), to: day('结束日期') })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
