import Taro from '@tarojs/taro'
import type { ChecklistItem, MarkInput } from '@contract'
import { newRequestId } from '@/services/api'
import type { Photo } from '@/services/photos'

/** One item as the inspector marks it on site; null until judged. */
export interface ItemDraft {
  pass: boolean | null
  note: string
  photos: Photo[]
  onSpot: boolean
  afterPhotos: Photo[]
}

/** A visit being filled in, kept on the phone until it is sent: a lost signal on site loses nothing. */
export interface VisitDraft {
  /** Made once per draft and sent with every try, so a retried send files one visit. */
  requestId: string
  items: Record<string, ItemDraft>
}

const keyOf = (roundId: string, pointId: string) => `cwt.visit-draft.${roundId}.${pointId}`
export const emptyItem = (): ItemDraft => ({ pass: null, note: '', photos: [], onSpot: false, afterPhotos: [] })
const isPhoto = (p: unknown): p is Photo => !!p && typeof (p as Photo).fileId === 'string' && typeof (p as Photo).url === 'string'
const photos = (v: unknown) => (Array.isArray(v) ? v.filter(isPhoto).map(({ fileId, url }) => ({ fileId, url })) : [])

/** Reads back a saved draft item by item, so one from an older checklist or version cannot break the form. */
export function restoreVisitDraft(saved: unknown): VisitDraft {
  const d = (saved && typeof saved === 'object' ? saved : {}) as Partial<Record<keyof VisitDraft, unknown>>
  const items: Record<string, ItemDraft> = {}
  for (const [id, raw] of Object.entries((d.items && typeof d.items === 'object' ? d.items : {}) as Record<string, Record<string, unknown>>)) {
    if (!raw || typeof raw !== 'object') continue
    items[id] = {
      pass: typeof raw.pass === 'boolean' ? raw.pass : null,
      note: typeof raw.note === 'string' ? raw.note.slice(0, 200) : '',
      photos: photos(raw.photos),
      onSpot: raw.onSpot === true,
      afterPhotos: photos(raw.afterPhotos)
    }
  }
  return { requestId: typeof d.requestId === 'string' && d.requestId ? d.requestId : newRequestId(), items }
}

/** What is still missing before the visit can be sent, item by item (the server says the same). */
export function visitProblems(checklist: ChecklistItem[], draft: VisitDraft): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const item of checklist) {
    const d = draft.items[item.id]
    if (!d || d.pass === null) problems[item.id] = '请评定达标或不达标'
    else if (!d.pass && !d.note.trim()) problems[item.id] = '请写明问题'
    else if (!d.pass && !d.photos.length) problems[item.id] = '请至少拍 1 张现场照片'
    else if (!d.pass && d.onSpot && !d.afterPhotos.length) problems[item.id] = '立行立改请上传整改后照片'
  }
  return problems
}

export function toMarks(checklist: ChecklistItem[], draft: VisitDraft): MarkInput[] {
  return checklist.map((item) => {
    const d = draft.items[item.id] ?? emptyItem()
    if (d.pass) return { itemId: item.id, pass: true, photos: [] }
    return { itemId: item.id, pass: false, note: d.note.trim(), photos: d.photos.map((p) => p.fileId), ...(d.onSpot ? { onSpot: true, afterPhotos: d.afterPhotos.map((p) => p.fileId) } : {}) }
  })
}

export const loadVisitDraft = (roundId: string, pointId: string) => restoreVisitDraft(Taro.getStorageSync(keyOf(roundId, pointId)))
export const saveVisitDraft = (roundId: string, pointId: string, draft: VisitDraft) => Taro.setStorageSync(keyOf(roundId, pointId), draft)
export const clearVisitDraft = (roundId: string, pointId: string) => Taro.removeStorageSync(keyOf(roundId, pointId))
