import Taro from '@tarojs/taro'
import type { Result } from '@contract'
import { ApiError } from './api'
import { currentOpenid } from './identity'
import { cancelled, cloudPathOf } from './storage'

export type SpreadsheetKind = 'xlsx' | 'csv'

/** A spreadsheet picked on the phone or in the browser, not yet uploaded. */
export interface PickedFile {
  name: string
  size: number
  kind: SpreadsheetKind
  /** weapp: the temporary path; H5: the file the browser handed over. */
  source: string | Blob
}

/** What the runtime and CloudBase accept in one upload. */
export const FILE_LIMIT_BYTES = 10 * 1024 * 1024

/** The runtime judges a file by its bytes and the declared type: a zip declared as a spreadsheet, text as CSV. */
const CONTENT_TYPES: Record<SpreadsheetKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv'
}

/** Why this file cannot be imported, in words the admin can act on, or null when it can. */
export function spreadsheetProblem(name: string, size: number): string | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase()
  if (ext === 'xls') return '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再选'
  if (ext !== 'xlsx' && ext !== 'csv') return '只能导入 .xlsx 或 .csv 文件'
  if (size === 0) return '文件是空的，请检查后重新选择'
  if (size > FILE_LIMIT_BYTES) return '文件超过 10 MB，请拆分后分批导入'
  return null
}

function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = `.xlsx,.csv,${CONTENT_TYPES.xlsx},${CONTENT_TYPES.csv}`
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    // Some browsers only open the chooser for an input that is in the document.
    document.body.appendChild(input)
    input.click()
  })
}

/**
 * Lets the admin pick one .xlsx or .csv file: from a WeChat chat on the phone (the only place a mini-program can
 * take documents from), from the disk in a browser. Null when they back out; an ApiError saying why when the
 * file is not one we import, before anything is uploaded.
 */
export async function chooseSpreadsheet(): Promise<PickedFile | null> {
  let picked: { name: string; size: number; source: string | Blob }
  if (process.env.TARO_ENV === 'h5') {
    const file = await pickInBrowser()
    if (!file) return null
    picked = { name: file.name, size: file.size, source: file }
  } else {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
      const file = res.tempFiles[0]
      if (!file) return null
      picked = { name: file.name, size: file.size, source: file.path }
    } catch (e) {
      if (cancelled(e)) return null
      throw new ApiError('INTERNAL', '无法打开聊天文件，请稍后再试')
    }
  }
  const problem = spreadsheetProblem(picked.name, picked.size)
  if (problem) throw new ApiError('UNSUPPORTED_FILE', problem)
  return { ...picked, kind: picked.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx' }
}

/** Uploads a picked spreadsheet and answers the id the back end reads it by. */
export async function uploadFile(file: PickedFile): Promise<string> {
  if (typeof file.source === 'string') {
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: await cloudPathOf('imports', file.kind), filePath: file.source })
      return res.fileID
    } catch {
      throw new ApiError('NETWORK', '文件上传失败，请检查网络后重试')
    }
  }
  const form = new FormData()
  // Browsers declare CSV as text/csv, application/vnd.ms-excel or nothing at all: say what it is.
  form.append('file', new Blob([file.source], { type: CONTENT_TYPES[file.kind] }), file.name)
  let answer: Result<{ fileId: string }>
  try {
    const res = await fetch('/files', { method: 'POST', headers: { 'x-openid': currentOpenid() }, body: form })
    answer = await res.json()
  } catch {
    throw new ApiError('NETWORK', '文件上传失败，请检查网络后重试')
  }
  if (!answer.ok) throw new ApiError(answer.code, answer.message, answer.issues)
  return answer.data.fileId
}
