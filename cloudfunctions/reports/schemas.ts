import * as z from 'zod'
import { REPORT_DESCRIPTION_MAX, REPORT_STATUSES } from '../../types/domain'
import { CASE_SOURCES } from '../../types/inspection'
import { optionalPublicText, publicText } from '../core/public-text'
import { calendarDay, id, pageQuery } from '../core/validation'

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
// CloudBase file ids (cloud://env.bucket/path) run well past other ids' 64 characters.
const fileId = z.string({ error: '照片编号不正确' }).min(1, '照片编号不正确').max(300, '照片编号不正确')
const photos = (label: string) => z.array(fileId, { error: `请上传${label}` }).min(1, `请至少上传 1 张${label}`).max(6, `${label}最多 6 张`)
const lat = z.number({ error: '纬度必须是数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间')
const lng = z.number({ error: '经度必须是数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间')
const day = calendarDay()
const dayOf = calendarDay
const byId = { id: id('问题编号') }

export const submit = z.strictObject({
  categoryId: id('问题类别'),
  // honest reports of illegal ads quote them: a doubtful description is kept and flagged for the office
  description: publicText('问题描述', REPORT_DESCRIPTION_MAX, { scene: 'social' }),
  photos: photos('现场照片'),
  location: z.strictObject({ lat, lng, address: text('问题地址', 100) }, { error: '请选择问题位置' }),
  anonymous: z.boolean({ error: '请选择是否匿名' })
})

export const nearby = z.strictObject({ categoryId: id('问题类别'), lat, lng })
export const one = z.strictObject(byId)
export const noPayload = z.strictObject({})
export const mine = z.strictObject({ ...pageQuery, scope: z.enum(['open', 'closed', 'all']).optional() })
export const feed = z.strictObject({ ...pageQuery, lat: lat.optional(), lng: lng.optional() })

export const confirm = z
  .strictObject({
    ...byId,
    resolved: z.boolean({ error: '请选择是否已解决' }),
    rating: z.number({ error: '评分必须是数字' }).int('评分为 1–5 星').min(1, '评分为 1–5 星').max(5, '评分为 1–5 星').optional(),
    // said to everyone on the case's timeline: contact details and ads are refused too
    comment: optionalPublicText('评价', 200, { rule: 'strict' }),
    reason: optionalPublicText('未解决的原因', 200, { rule: 'strict' })
  })
  .refine((v) => !v.resolved || v.rating !== undefined, { path: ['rating'], message: '请为整改效果打分（1–5 星）' })
  .refine((v) => v.resolved || !!v.reason, { path: ['reason'], message: '请说明哪里还没有解决' })

const filter = {
  status: z.enum([...REPORT_STATUSES, 'open'], { error: '状态不正确' }).optional(),
  categoryId: id('问题类别').optional(),
  departmentId: id('责任单位').optional(),
  gridId: id('网格').optional(),
  from: day.optional(),
  to: day.optional(),
  overdue: z.boolean().optional(),
  source: z.enum(CASE_SOURCES, { error: '来源不正确' }).optional(),
  closedFrom: dayOf('结案开始日期').optional(),
  closedTo: dayOf('结案结束日期').optional(),
  dueFrom: dayOf('整改期限开始日期').optional(),
  dueTo: dayOf('整改期限结束日期').optional()
}
type Ranges = Partial<Record<'from' | 'to' | 'closedFrom' | 'closedTo' | 'dueFrom' | 'dueTo', string>>
const inOrder = (from?: string, to?: string) => !from || !to || from <= to
const withRanges = <T extends z.ZodType<Ranges>>(schema: T) =>
  schema
    .refine((v) => inOrder(v.from, v.to), { path: ['to'], message: '结束日期不能早于开始日期' })
    .refine((v) => inOrder(v.closedFrom, v.closedTo), { path: ['closedTo'], message: '结案结束日期不能早于开始日期' })
    .refine((v) => inOrder(v.dueFrom, v.dueTo), { path: ['dueTo'], message: '整改期限结束日期不能早于开始日期' })

export const ledger = withRanges(z.strictObject({ ...pageQuery, ...filter }))
export const ledgerFilter = withRanges(z.strictObject(filter))

// Staff notes go on the public timeline too.
export const accept = z.strictObject({ ...byId, note: optionalPublicText('备注', 200) })
export const reject = z.strictObject({ ...byId, reason: text('不予受理的理由', 20), note: optionalPublicText('备注', 200) })
export const markDuplicate = z.strictObject({ ...byId, duplicateOf: id('原问题编号') })
export const assign = z.strictObject({
  ...byId,
  departmentId: id('责任单位'),
  gridId: id('网格').optional(),
  deadlineDays: z.number({ error: '请填写整改时限' }).int('整改时限为整数个工作日').min(0, '整改时限不能为负').max(60, '整改时限最多 60 个工作日'),
  note: optionalPublicText('交办意见', 200)
})
export const fixWithPhotos = z.strictObject({ ...byId, afterPhotos: photos('整改后照片'), note: publicText('整改说明', 300) })
export const optionalNote = z.strictObject({ ...byId, note: optionalPublicText('备注', 200) })
export const requiredNote = z.strictObject({ ...byId, note: publicText('理由', 200) })
export const reason = z.strictObject({ ...byId, reason: publicText('理由', 200) })
export const queue = z.strictObject({ ...pageQuery, scope: z.enum(['open', 'all']).optional() })
export const requestExtension = z.strictObject({
  ...byId,
  days: z.number({ error: '请填写延期天数' }).int('延期天数为整数').min(1, '至少延期 1 个工作日').max(30, '最多延期 30 个工作日'),
  reason: publicText('延期理由', 200)
})
