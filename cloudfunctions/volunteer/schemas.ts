import * as z from 'zod'
import { searchWord } from '../core/phone-search'
import { ACTIVITY_TYPES } from '../../types/volunteer'
import { publicText } from '../core/public-text'
import { calendarDay, id, pageQuery } from '../core/validation'

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
const phone = (label: string) => z.string({ error: `请填写${label}` }).trim().regex(/^1\d{10}$/, `${label}应为 11 位手机号`)
const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` })
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
const byId = { id: id('活动') }

export const noPayload = z.strictObject({})
export const one = z.strictObject(byId)
export const page = z.strictObject(pageQuery)

export const register = z.strictObject({
  realName: z.string({ error: '请填写真实姓名' }).trim().regex(/^[\u4e00-\u9fa5·]{2,20}$/, '真实姓名应为 2–20 个汉字'),
  phone: phone('手机号'),
  team: text('所在单位或队伍', 30),
  birthDate: calendarDay('出生日期'),
  guardian: z.strictObject({ name: text('监护人姓名', 20), phone: phone('监护人手机号'), consent: z.boolean() }).optional()
})

export const list = z.strictObject({
  ...pageQuery,
  month: month.optional(),
  type: z.enum(ACTIVITY_TYPES, { error: '活动类型不正确' }).optional(),
  scope: z.enum(['upcoming', 'month']).optional()
})

export const attend = z
  .strictObject({
    ...byId,
    code: z.string({ error: '请输入签到码' }).trim().min(6, '请输入 6 位签到码').max(200, '签到码不正确'),
    lat: z.number({ error: '纬度必须是数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间').optional(),
    lng: z.number({ error: '经度必须是数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间').optional()
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { path: ['lng'], message: '请同时提供经度和纬度' })

export const reviewAttendance = z.strictObject({ ...byId, userId: id('志愿者'), approve: z.boolean({ error: '请选择是否认可' }) })

// What volunteers and the public read of an activity passes moderation.
const activityFields = {
  title: publicText('活动名称', 40, { scene: 'forum' }),
  type: z.enum(ACTIVITY_TYPES, { error: '请选择活动类型' }),
  description: publicText('活动内容', 1000, { scene: 'forum' }),
  bring: publicText('携带物品', 200, { scene: 'forum', blank: true }),
  place: z.strictObject({
    address: publicText('活动地点', 100, { scene: 'forum' }),
    lat: z.number().min(-90).max(90).nullable(),
    lng: z.number().min(-180).max(180).nullable(),
    radius: z.number({ error: '请填写签到范围' }).int('签到范围为整数米').min(50, '签到范围至少 50 米').max(5000, '签到范围最多 5000 米')
  }),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  capacity: z.number({ error: '请填写招募人数' }).int('招募人数为整数').min(1, '至少招募 1 人').max(1000, '一次最多招募 1000 人'),
  signupDeadline: instant('报名截止时间'),
  cancelDeadline: instant('取消截止时间'),
  insurance: z.boolean({ error: '请选择是否提供保险' })
}

type Times = { startAt: string; endAt: string; signupDeadline: string; cancelDeadline: string }
const later = (a: string, b: string) => Date.parse(a) > Date.parse(b)
const withTimeRules = <T extends z.ZodType<Times>>(schema: T) =>
  schema
    .refine((v) => later(v.endAt, v.startAt), { path: ['endAt'], message: '结束时间应晚于开始时间' })
    .refine((v) => Date.parse(v.endAt) - Date.parse(v.startAt) <= 24 * 3600000, { path: ['endAt'], message: '单次活动不超过 24 小时' })
    .refine((v) => !later(v.signupDeadline, v.startAt), { path: ['signupDeadline'], message: '报名截止时间不能晚于活动开始' })
    .refine((v) => !later(v.cancelDeadline, v.startAt), { path: ['cancelDeadline'], message: '取消截止时间不能晚于活动开始' })

export const create = withTimeRules(z.strictObject(activityFields))
export const update = withTimeRules(z.strictObject({ ...byId, ...activityFields }))
export const cancelActivity = z.strictObject({ ...byId, reason: publicText('取消原因', 200, { scene: 'forum' }) })

export const makeup = z.strictObject({
  userId: id('志愿者'),
  hours: z.number({ error: '请填写补录时长' }).min(0.5, '补录时长至少 0.5 小时').max(24, '单次补录最多 24 小时').multipleOf(0.5, '补录时长以 0.5 小时为单位'),
  reason: text('补录原因', 200)
})
export const volunteers = z.strictObject({
  ...pageQuery,
  keyword: searchWord.optional()
})
export const monthOnly = z.strictObject({ month })
export const decideCorrection = z.strictObject({ userId: id('志愿者'), approve: z.boolean({ error: '请选择是否核准' }), reason: z.string().trim().max(200, '原因最多 200 个字').optional() })
export const publishStars = z.strictObject({ month, userIds: z.array(id('志愿者')).max(100, '一次最多 100 人') })
export const verify = z.strictObject({ no: z.string({ error: '请输入证明编号' }).trim().min(6, '请输入完整的证明编号').max(40, '证明编号不正确') })
export const file = z.strictObject({ fileId: id('上传的文件') })
