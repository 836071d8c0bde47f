import Taro from '@tarojs/taro'

/** The office's unsaved words for one bulletin, kept on the phone until the server has them. */
export interface EditDraft {
  preface: string
  remarks: Record<string, string>
}

const keyOf = (id: string) => `cwt.bulletin-draft.${id}`

/** Reads back a saved draft field by field, so a damaged or older one yields what it can and nothing else. */
export function restoreEditDraft(saved: unknown): EditDraft | null {
  if (!saved || typeof saved !== 'object') return null
  const d = saved as Partial<Record<keyof EditDraft, unknown>>
  if (typeof d.preface !== 'string') return null
  const remarks: Record<string, string> = {}
  for (const [unit, text] of Object.entries(d.remarks && typeof d.remarks === 'object' ? d.remarks : {})) if (typeof text === 'string') remarks[unit] = text
  return { preface: d.preface, remarks }
}

/** Whether the words differ from what the server holds (a unit without a remark holds ''). */
export const differs = (a: EditDraft, b: EditDraft) =>
  a.preface !== b.preface || [...new Set([...Object.keys(a.remarks), ...Object.keys(b.remarks)])].some((k) => (a.remarks[k] ?? '') !== (b.remarks[k] ?? ''))

export const loadEditDraft = (id: string) => restoreEditDraft(Taro.getStorageSync(keyOf(id)))
export const saveEditDraft = (id: string, draft: EditDraft) => Taro.setStorageSync(keyOf(id), draft)
export const clearEditDraft = (id: string) => Taro.removeStorageSync(keyOf(id))
