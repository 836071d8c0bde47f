import * as z from 'zod'
import { ROUND_KINDS } from '../../../types/inspection'
import { optionalPublicText } from '../../core/public-text'
import { calendarDay, id, pageQuery } from '../../core/validation'

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
const fileId = z.string({ error: '照片编号不正确' }).min(1, '照片编号不正确').max(300, '照片编号不正确')
const day = calendarDay()
const lat = z.number({ error: '纬度必须是数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间')
const lng = z.number({ error: '经度必须是数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间')

export const none = z.strictObject({})
export const one = z.strictObject({ id: id('编号') })

export const savePointType = z.strictObject({
  id: id('点位类型').optional(),
  name: text('类型名称', 20),
  checklist: z
    .array(z.strictObject({ id: id('测评项编号'), text: text('测评项', 60), categoryId: id('问题类别') }), { error: '请填写测评项' })
    .min(1, '至少要有 1 条测评项')
    .max(30, '测评项最多 30 条')
})

export const point = {
  name: text('点位名称', 40),
  typeId: id('点位类型'),
  address: text('地址', 100),
  lat,
  lng,
  departmentId: id('责任单位'),
  active: z.boolean({ error: '请选择是否启用' })
}
export const savePoint = z.strictObject({ id: id('点位').optional(), ...point })

const pointFilter = {
  typeId: id('点位类型').optional(),
  gridId: id('网格').optional(),
  departmentId: id('责任单位').optional(),
  active: z.boolean().optional()
}
export const points = z.strictObject({ ...pageQuery, ...pointFilter })
export const exportPoints = z.strictObject(pointFilter)
export const importPoints = z.strictObject({ fileId })

export const rounds = z.strictObject(pageQuery)
export const planRound = z.strictObject({
  title: text('督查标题', 40),
  kind: z.enum(ROUND_KINDS, { error: '请选择督查类型' }),
  day,
  leader: text('带队领导', 20),
  inspectorIds: z.array(id('督查员'), { error: '请选择督查员' }).min(1, '请至少选择 1 名督查员').max(20, '督查员最多 20 名'),
  pointIds: z.array(id('点位'), { error: '点位格式不正确' }).max(200, '一次督查最多 200 个点位')
})
export const drawPoints = z.strictObject({
  id: id('督查'),
  count: z.number({ error: '请填写抽取数量' }).int('抽取数量为整数').min(1, '至少抽取 1 个点位').max(100, '一次最多抽取 100 个点位'),
  typeId: id('点位类型').optional(),
  gridId: id('网格').optional()
})

export const checklist = z.strictObject({ roundId: id('督查'), pointId: id('点位') })
export const visit = z.strictObject({
  roundId: id('督查'),
  pointId: id('点位'),
  marks: z
    .array(
      z
        .strictObject({
          itemId: id('测评项'),
          pass: z.boolean({ error: '请选择达标或不达标' }),
          // a failed item's note becomes its case's description, read on the public timeline
          note: optionalPublicText('问题说明', 200),
          photos: z.array(fileId).max(6, '现场照片最多 6 张'),
          onSpot: z.boolean().optional(),
          afterPhotos: z.array(fileId).max(6, '整改后照片最多 6 张').optional()
        })
        .refine((m) => m.pass || !!m.note, { path: ['note'], message: '不达标的测评项请写明问题' })
        .refine((m) => m.pass || m.photos.length > 0, { path: ['photos'], message: '不达标的测评项请至少拍 1 张现场照片' })
        .refine((m) => !m.onSpot || (!m.pass && !!m.afterPhotos?.length), { path: ['afterPhotos'], message: '立行立改请上传整改后照片' }),
      { error: '请逐项评定' }
    )
    .min(1, '请逐项评定')
})

export const figures = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    roundId: id('督查').optional(),
    departmentId: id('责任单位').optional(),
    typeId: id('点位类型').optional(),
    gridId: id('网格').optional()
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
