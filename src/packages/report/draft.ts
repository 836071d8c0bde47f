import Taro from '@tarojs/taro'
import { REPORT_DESCRIPTION_MAX } from '@contract'
import { newRequestId } from '@/services/api'
import type { Photo } from '@/services/photos'
import { CITY_CENTRE } from '@/utils/location'

/** Everything typed into 新建随手拍, kept on the phone until the case is filed. */
export interface ReportDraft {
  /** Made once per draft and sent with every try, so a retried submit never files twice. */
  requestId: string
  photos: Photo[]
  categoryId: string
  address: string
  /** Kept as typed: the H5 fields are editable and may hold half a number for a moment. */
  lat: string
  lng: string
  description: string
  anonymous: boolean
}

const KEY = 'cwt.report-draft'

/** A fresh draft; H5 starts at the city centre so the demo works without a position. */
export function emptyDraft(): ReportDraft {
  const h5 = process.env.TARO_ENV === 'h5'
  return {
    requestId: newRequestId(),
    photos: [],
    categoryId: '',
    address: '',
    lat: h5 ? String(CITY_CENTRE.lat) : '',
    lng: h5 ? String(CITY_CENTRE.lng) : '',
    description: '',
    anonymous: false
  }
}

const isPhoto = (p: unknown): p is Photo => !!p && typeof (p as Photo).fileId === 'string' && typeof (p as Photo).url === 'string'
const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)

/** Reads back a saved draft, field by field, so one stored by an older version cannot break the form. */
export function restoreDraft(saved: unknown): ReportDraft {
  const fresh = emptyDraft()
  if (!saved || typeof saved !== 'object') return fresh
  const d = saved as Partial<Record<keyof ReportDraft, unknown>>
  return {
    requestId: typeof d.requestId === 'string' && d.requestId ? d.requestId : fresh.requestId,
    photos: Array.isArray(d.photos) ? d.photos.filter(isPhoto).map(({ fileId, url }) => ({ fileId, url })) : [],
    categoryId: text(d.categoryId, ''),
    address: text(d.address, ''),
    lat: text(d.lat, fresh.lat),
    lng: text(d.lng, fresh.lng),
    description: text(d.description, '').slice(0, REPORT_DESCRIPTION_MAX),
    anonymous: d.anonymous === true
  }
}

/** Whether the draft holds anything the resident put in (the position alone does not count). */
export const hasContent = (d: ReportDraft) => d.photos.length > 0 || !!d.categoryId || !!d.address.trim() || !!d.description.trim()

/** A latitude or longitude as typed, or null when it is not one. */
export function parseCoordinate(value: string, axis: 'lat' | 'lng'): number | null {
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return null
  const n = Number(value)
  return Math.abs(n) <= (axis === 'lat' ? 90 : 180) ? n : null
}

export const loadDraft = () => restoreDraft(Taro.getStorageSync(KEY))
export const saveDraft = (draft: ReportDraft) => Taro.setStorageSync(KEY, draft)
export const clearDraft = () => Taro.removeStorageSync(KEY)
