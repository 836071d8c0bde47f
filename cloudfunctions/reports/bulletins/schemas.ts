import * as z from 'zod'
import { BULLETIN_KINDS, periodProblem } from '../../../types/bulletins'
import { publicText } from '../../core/public-text'
import { id, pageQuery } from '../../core/validation'

const kind = z.enum(BULLETIN_KINDS, { error: '请选择通报类型（周通报或月通报）' })
const byId = { id: id('通报编号') }

export const create = z
  .strictObject({ kind, start: z.string({ error: '请选择通报期间的开始日期' }) })
  .superRefine((v, ctx) => {
    const problem = periodProblem(v.kind, v.start)
    if (problem) ctx.addIssue({ code: 'custom', path: ['start'], message: problem })
  })

export const one = z.strictObject(byId)
export const list = z.strictObject({ ...pageQuery, kind: kind.optional() })

// units read both: through moderation like every text others read
export const save = z.strictObject({
  ...byId,
  preface: publicText('通报前言', 2000, { blank: true }),
  remarks: z.record(id('责任单位'), publicText('单位点评', 500, { blank: true }), { error: '单位点评格式不正确' })
})

export const exportOne = z.strictObject({ ...byId, format: z.enum(['docx', 'xlsx'], { error: '请选择导出格式（docx 或 xlsx）' }) })

const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
export const ranking = z.strictObject({ month: month.optional() })
export const history = z.strictObject({ departmentId: id('责任单位').optional() })
