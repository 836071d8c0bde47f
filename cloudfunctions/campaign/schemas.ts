import * as z from 'zod'
import { calendarDay, id } from '../core/validation'

export const noPayload = z.strictObject({})

const name = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)
const day = calendarDay()
const weekday = (d: string) => new Date(`${d}T12:00:00+08:00`).getUTCDay()

export const saveCategory = z
  .strictObject({
    id: id('类别').optional(),
    name: name('类别名称', 20),
    parentId: id('所属大类').nullable(),
    departmentId: id('默认责任单位').optional(),
    deadlineDays: z.number({ error: '整改时限必须是数字' }).int('整改时限为整数个工作日').min(0, '整改时限不能为负').max(60, '整改时限最多 60 个工作日').optional()
  })
  .refine((v) => !v.parentId || !!v.departmentId, { path: ['departmentId'], message: '请选择默认责任单位' })
  .refine((v) => !v.parentId || v.deadlineDays !== undefined, { path: ['deadlineDays'], message: '请填写默认整改时限' })

export const saveDepartment = z.strictObject({ id: id('责任单位').optional(), name: name('单位名称', 30), short: name('简称', 8) })

const point = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], { error: '网格顶点应为 [经度, 纬度]' })
export const saveGrid = z.strictObject({
  id: id('网格').optional(),
  name: name('网格名称', 30),
  worker: name('网格员', 20),
  polygon: z.array(point, { error: '请填写网格边界' }).min(3, '网格边界至少需要 3 个顶点').max(200, '网格边界最多 200 个顶点')
})

export const setRejectReasons = z.strictObject({
  reasons: z
    .array(name('理由', 20), { error: '请填写理由' })
    .min(1, '至少保留 1 条理由')
    .max(20, '最多 20 条理由')
    .refine((list) => new Set(list).size === list.length, '理由不能重复')
})

export const setHolidays = z
  .strictObject({ off: z.array(day).max(100, '放假日最多 100 天'), workdays: z.array(day).max(50, '调休上班日最多 50 天') })
  .refine((v) => v.workdays.every((d) => [0, 6].includes(weekday(d))), { path: ['workdays'], message: '调休上班日应是周六或周日' })
  .refine((v) => !v.off.some((d) => v.workdays.includes(d)), { path: ['off'], message: '同一天不能既放假又上班' })

const workingDays = (label: string) => z.number({ error: `请填写${label}` }).int(`${label}为整数个工作日`).min(1, `${label}至少 1 个工作日`).max(60, `${label}最多 60 个工作日`)
/** When the hourly sweep proposes each level of 督办单. */
export const orderThresholds = z.strictObject({ white: workingDays('超期转白色督办的天数'), yellow: workingDays('白色转黄色督办的天数'), red: workingDays('黄色转红色督办的天数') })

const points = (label: string, max: number) => z.number({ error: `请填写${label}` }).min(0, `${label}不能为负数`).max(max, `${label}最多 ${max}`)
/** The monthly assessment's formula (考核权重). */
export const assessmentWeights = z.strictObject({
  base: points('基础分', 1000),
  overdue: points('每件超期案件扣分', 100),
  white: points('每件白色督办单扣分', 100),
  yellow: points('每件黄色督办单扣分', 100),
  red: points('每件红色督办单扣分', 100),
  failedPoint: points('每个督查未达标点位扣分', 100),
  unresolved: points('每件群众反馈未解决扣分', 100),
  fixRateTarget: points('整改率目标（%）', 100),
  fixRatePerPoint: points('整改率每个百分点的分值', 100),
  fixRateCap: points('整改率加减分上限', 100)
})
