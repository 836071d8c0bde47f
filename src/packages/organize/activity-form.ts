import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { ACTIVITY_TYPES, type ActivityDetail, type ActivityInput, type ActivityType } from '@contract'
import { newRequestId } from '@/services/api'

/** The activity form as typed: coordinates stay text so a half-typed number is not lost. */
export interface ActivityForm {
  /** Made once per new activity and sent with every try, so a retried create never files twice. */
  requestId: string
  title: string
  type: ActivityType | ''
  description: string
  bring: string
  address: string
  lat: string
  lng: string
  radius: number
  startAt: string
  endAt: string
  capacity: number
  signupDeadline: string
  cancelDeadline: string
  /** Not chosen yet: an organizer must say whether volunteers are insured, never agree to it by default. */
  insurance: boolean | null
}

export type FormField = Exclude<keyof ActivityForm, 'requestId'>
export type FormErrors = Partial<Record<FormField, string>>

export const DEFAULT_RADIUS = 300
const KEY = 'cwt.organize-draft'

/** Tomorrow 09:00–11:00, sign-up closing the evening before, cancelling up to two hours before. */
export function emptyForm(now: Date = new Date()): ActivityForm {
  const start = dayjs(now).add(1, 'day').hour(9).minute(0).second(0).millisecond(0)
  return {
    requestId: newRequestId(),
    title: '',
    type: '',
    description: '',
    bring: '',
    address: '',
    lat: '',
    lng: '',
    radius: DEFAULT_RADIUS,
    startAt: start.toISOString(),
    endAt: start.add(2, 'hour').toISOString(),
    capacity: 20,
    signupDeadline: start.subtract(1, 'day').hour(20).toISOString(),
    cancelDeadline: start.subtract(2, 'hour').toISOString(),
    insurance: null
  }
}

export function fromDetail(a: ActivityDetail): ActivityForm {
  return {
    requestId: newRequestId(),
    title: a.title,
    type: a.type,
    description: a.description,
    bring: a.bring,
    address: a.place.address,
    lat: a.place.lat === null ? '' : String(a.place.lat),
    lng: a.place.lng === null ? '' : String(a.place.lng),
    radius: a.place.radius,
    startAt: a.startAt,
    endAt: a.endAt,
    capacity: a.capacity,
    signupDeadline: a.signupDeadline,
    cancelDeadline: a.cancelDeadline,
    insurance: a.insurance
  }
}

/** A latitude or longitude as typed, or null when it is not one. */
export function parseCoordinate(value: string, axis: 'lat' | 'lng'): number | null {
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return null
  const n = Number(value)
  return Math.abs(n) <= (axis === 'lat' ? 90 : 180) ? n : null
}

/** What the phone can tell before asking the server; the server has the last word on every rule. */
export function validate(f: ActivityForm): FormErrors {
  const e: FormErrors = {}
  if (!f.title.trim()) e.title = '请填写活动名称'
  if (!f.type) e.type = '请选择活动类型'
  if (!f.description.trim()) e.description = '请填写活动内容'
  if (!f.address.trim()) e.address = '请填写活动地点'
  const lat = f.lat.trim()
  const lng = f.lng.trim()
  if (lat || lng) {
    if (parseCoordinate(lat, 'lat') === null) e.lat = '纬度应为 -90 到 90 之间的数字'
    if (parseCoordinate(lng, 'lng') === null) e.lng = '经度应为 -180 到 180 之间的数字'
  }
  if (!dayjs(f.endAt).isAfter(f.startAt)) e.endAt = '结束时间应晚于开始时间'
  if (dayjs(f.signupDeadline).isAfter(f.startAt)) e.signupDeadline = '报名截止不能晚于活动开始'
  if (dayjs(f.cancelDeadline).isAfter(f.startAt)) e.cancelDeadline = '取消截止不能晚于活动开始'
  if (f.insurance === null) e.insurance = '请选择是否已为志愿者购买保险'
  return e
}

/** A new start carries the end and both deadlines along, each keeping its distance from the start. */
export function moveStart(f: ActivityForm, startAt: string): ActivityForm {
  const shift = dayjs(startAt).diff(f.startAt)
  const moved = (at: string) => dayjs(at).add(shift, 'ms').toISOString()
  return { ...f, startAt, endAt: moved(f.endAt), signupDeadline: moved(f.signupDeadline), cancelDeadline: moved(f.cancelDeadline) }
}

/** The day picked on the date picker, at the time the field already had. */
export const setDay = (at: string, [y, m, d]: number[]) => dayjs(at).year(y).month(m - 1).date(d).toISOString()

/** The time picked on the time picker, on the day the field already had. */
export const setTime = (at: string, [h, min]: number[]) => dayjs(at).hour(h).minute(min).second(0).millisecond(0).toISOString()

export function toInput(f: ActivityForm): ActivityInput {
  const lat = parseCoordinate(f.lat, 'lat')
  const lng = parseCoordinate(f.lng, 'lng')
  const located = lat !== null && lng !== null
  return {
    title: f.title.trim(),
    type: f.type as ActivityType,
    description: f.description.trim(),
    bring: f.bring.trim(),
    place: { address: f.address.trim(), lat: located ? lat : null, lng: located ? lng : null, radius: f.radius },
    startAt: f.startAt,
    endAt: f.endAt,
    capacity: f.capacity,
    signupDeadline: f.signupDeadline,
    cancelDeadline: f.cancelDeadline,
    insurance: !!f.insurance
  }
}

/** The server names nested fields with dots (place.address): each lands on the form field that holds it. */
export function fieldOf(path: string): FormField | null {
  const [head, sub] = path.split('.')
  if (head === 'place') return sub === 'address' || sub === 'lat' || sub === 'lng' || sub === 'radius' ? sub : 'address'
  const fields: FormField[] = ['title', 'type', 'description', 'bring', 'startAt', 'endAt', 'capacity', 'signupDeadline', 'cancelDeadline', 'insurance']
  return fields.find((f) => f === head) ?? null
}

const isDate = (v: unknown): v is string => typeof v === 'string' && dayjs(v).isValid()

/** Reads back a saved draft field by field, so one stored by an older version cannot break the form. */
export function restoreForm(saved: unknown, now: Date = new Date()): ActivityForm {
  const fresh = emptyForm(now)
  if (!saved || typeof saved !== 'object') return fresh
  const d = saved as Partial<Record<keyof ActivityForm, unknown>>
  const text = (k: keyof ActivityForm) => (typeof d[k] === 'string' ? (d[k] as string) : (fresh[k] as string))
  const num = (k: 'radius' | 'capacity') => (typeof d[k] === 'number' && Number.isFinite(d[k]) ? (d[k] as number) : fresh[k])
  const date = (k: 'startAt' | 'endAt' | 'signupDeadline' | 'cancelDeadline') => (isDate(d[k]) ? (d[k] as string) : fresh[k])
  return {
    requestId: text('requestId') || fresh.requestId,
    title: text('title'),
    type: (ACTIVITY_TYPES as readonly unknown[]).includes(d.type) ? (d.type as ActivityType) : '',
    description: text('description'),
    bring: text('bring'),
    address: text('address'),
    lat: text('lat'),
    lng: text('lng'),
    radius: num('radius'),
    startAt: date('startAt'),
    endAt: date('endAt'),
    capacity: num('capacity'),
    signupDeadline: date('signupDeadline'),
    cancelDeadline: date('cancelDeadline'),
    insurance: typeof d.insurance === 'boolean' ? d.insurance : fresh.insurance
  }
}

/** Whether the organizer typed anything worth keeping (the default times alone do not count). */
export const hasContent = (f: ActivityForm) => !!(f.title.trim() || f.type || f.description.trim() || f.bring.trim() || f.address.trim())

export const loadDraft = () => restoreForm(Taro.getStorageSync(KEY))
export const saveDraft = (form: ActivityForm) => Taro.setStorageSync(KEY, form)
export const clearDraft = () => Taro.removeStorageSync(KEY)
