import * as z from 'zod'
import { ANSWER_REVEALS, AUDIENCES, EXTRA_MINUTES, EXTRA_TIME_REASONS, QUESTION_KINDS } from '../../types/quiz'
import { searchWord } from '../core/phone-search'
import { publicText } from '../core/public-text'
import { id, pageQuery } from '../core/validation'

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
const count = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(min, `${label}至少为 ${min}`).max(max, `${label}最多为 ${max}`)
const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` })

export const noPayload = z.strictObject({})
export const attempt = z.strictObject({ attemptId: id('答卷') })
export const page = z.strictObject(pageQuery)

export const JUDGE_OPTIONS = ['正确', '错误']

/** One question as the office writes it, in the form or in an import row; the per-kind rules name the field at fault. */
export const questionFields = {
  kind: z.enum(QUESTION_KINDS, { error: '题型应为单选题、多选题或判断题' }),
  stem: text('题干', 300),
  options: z.array(text('选项', 100), { error: '请填写选项' }).max(6, '最多 6 个选项'),
  answer: z.array(z.number().int().min(0), { error: '请选择正确答案' }),
  explanation: text('解析', 500),
  point: text('知识点', 20),
  source: z.string().trim().max(100, '出处最多 100 个字').nullable().transform((s) => s || null)
}

type Shape = { kind: (typeof QUESTION_KINDS)[number]; options: string[]; answer: number[] }
export function checkQuestion(q: Shape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (q.kind === 'judge') {
    if (q.options.join() !== JUDGE_OPTIONS.join()) issue('options', '判断题的选项固定为“正确”“错误”')
  } else if (q.options.length < (q.kind === 'multiple' ? 3 : 2)) {
    issue('options', q.kind === 'multiple' ? '多选题至少 3 个选项' : '单选题至少 2 个选项')
  }
  if (new Set(q.options).size !== q.options.length) issue('options', '选项不能重复')
  if (q.answer.some((i) => i >= q.options.length)) issue('answer', '正确答案不在选项中')
  else if (new Set(q.answer).size !== q.answer.length) issue('answer', '正确答案重复')
  else if (q.kind === 'multiple' && q.answer.length < 2) issue('answer', '多选题至少 2 个正确答案')
  else if (q.kind !== 'multiple' && q.answer.length !== 1) issue('answer', `${q.kind === 'judge' ? '判断题' : '单选题'}只有 1 个正确答案`)
}

export const question = z.strictObject(questionFields).superRefine(checkQuestion)
export const saveQuestion = z.strictObject({ ...questionFields, id: id('题目').optional(), active: z.boolean().optional() }).superRefine(checkQuestion)

export const questions = z.strictObject({
  ...pageQuery,
  point: z.string().trim().max(20).optional(),
  kind: z.enum(QUESTION_KINDS).optional(),
  keyword: z.string().trim().max(50, '关键词最多 50 个字').optional(),
  active: z.boolean().optional()
})

export const file = z.strictObject({ fileId: id('文件') })
export const importQuestions = z.strictObject({ fileId: id('文件'), validOnly: z.boolean({ error: '请选择是否只导入有效的行' }) })

export const quiz = z
  .strictObject({
    id: id('答题活动').optional(),
    title: publicText('标题', 40, { scene: 'forum' }),
    description: publicText('说明', 500, { scene: 'forum', blank: true }),
    opensAt: instant('开始时间'),
    closesAt: instant('结束时间'),
    quotas: z
      .array(z.strictObject({ point: text('知识点', 20), count: count('题数', 1, 50) }), { error: '请设置各知识点的题数' })
      .min(1, '至少从一个知识点抽题')
      .max(20, '知识点最多 20 个'),
    timeLimitMinutes: count('答题时长（分钟）', 1, 180),
    attemptsAllowed: count('答题次数', 1, 10),
    passMark: count('及格分', 1, 100),
    audience: z.enum(AUDIENCES, { error: '请选择参加对象' }),
    schoolIds: z.array(id('学校')).max(200),
    reveal: z.enum(ANSWER_REVEALS, { error: '请选择何时公布答案' }).default('afterClose')
  })
  .refine((q) => Date.parse(q.closesAt) > Date.parse(q.opensAt), { path: ['closesAt'], message: '结束时间应晚于开始时间' })
  .refine((q) => new Set(q.quotas.map((x) => x.point)).size === q.quotas.length, { path: ['quotas'], message: '同一知识点只能设置一次' })
  .refine((q) => q.quotas.reduce((n, x) => n + x.count, 0) <= 100, { path: ['quotas'], message: '一次答题最多 100 题' })
  .refine((q) => q.audience !== 'students' || q.schoolIds.length > 0, { path: ['schoolIds'], message: '请选择参加的学校' })

export const unitKind = z.strictObject({ kind: z.enum(['school', 'community'], { error: '类型应为学校或社区' }) })
export const saveUnit = z
  .strictObject({
    id: id('学校或社区').optional(),
    kind: z.enum(['school', 'community'], { error: '类型应为学校或社区' }),
    name: text('名称', 40),
    classes: z.array(text('班级名称', 20)).max(200, '班级最多 200 个'),
    members: z.number({ error: '人数应为数字' }).int('人数应为整数').min(1, '人数至少为 1').max(1_000_000, '人数过大').nullable()
  })
  .refine((u) => new Set(u.classes).size === u.classes.length, { path: ['classes'], message: '班级名称不能重复' })

export const bind = z.strictObject({
  schoolId: id('学校').nullable().optional(),
  className: z.string().trim().min(1, '请选择班级').max(20).nullable().optional(),
  communityId: id('社区').nullable().optional(),
  code: z.string().trim().toUpperCase().max(12, '邀请码不超过 12 位').optional()
})
export const schoolOnly = z.strictObject({ schoolId: id('学校') })

export const start = z.strictObject({ quizId: id('答题活动') })
export const practice = z.strictObject({ from: z.enum(['daily', 'wrong'], { error: '练习类型应为每日练习或错题练习' }) })
export const answer = z.strictObject({
  attemptId: id('答卷'),
  index: z.number({ error: '缺少题号' }).int().min(0, '题号不正确').max(199, '题号不正确'),
  choice: z.array(z.number().int().min(0), { error: '请选择答案' }).max(6, '选项不正确')
})
export const quizOnly = z.strictObject({ quizId: id('答题活动') })
export const board = z.strictObject({ ...pageQuery, quizId: id('答题活动') })

export const people = z.strictObject({ quizId: id('答题活动'), keyword: searchWord.optional() })
export const grantTime = z.strictObject({
  quizId: id('答题活动'),
  userId: id('答题人'),
  minutes: count('延长时间（分钟）', EXTRA_MINUTES.min, EXTRA_MINUTES.max),
  reason: z.enum(EXTRA_TIME_REASONS, { error: '请选择延长的原因：长辈或本人申请' })
})
