import { Readable } from 'node:stream'
import { Workbook, type Worksheet } from 'exceljs'
import type { ActionContext } from './action'
import { AppError, notFound } from './errors'
import { XLSX } from './expiring'

/**
 * The rows of a sheet the caller uploaded (.xlsx, or .csv in UTF-8 or GBK), each with its row number and its cells
 * in the order of `columns`, found by header; empty rows left out. Only the caller's own upload is read: a file
 * id alone opens nobody else's file. The header must hold every column, so a row's error can name the one the
 * person sees.
 */
export async function readSheet({ caller, deps }: Pick<ActionContext, 'caller' | 'deps'>, fileId: string, columns: readonly string[]): Promise<{ row: number; cells: string[] }[]> {
  const file = await deps.files.get(fileId)
  if (!file || file.owner !== caller._id || file.purpose !== 'import') throw notFound('上传的文件')
  const book = new Workbook()
  let sheet: Worksheet | undefined
  try {
    if (file.contentType === XLSX) {
      await book.xlsx.load(file.content as unknown as ArrayBuffer)
      sheet = book.worksheets[0]
    } else if (file.contentType === 'text/csv') {
      sheet = await book.csv.read(Readable.from([decodeCsv(file.content)]))
    }
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '文件无法读取，请用模板另存为 .xlsx 或 .csv 后重新上传')
  }
  if (!sheet) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 或 .csv 文件')
  const width = columns.length
  const header = cellsOf(sheet, 1, width)
  const missing = columns.filter((c) => !header.includes(c))
  if (missing.length) throw new AppError('VALIDATION_FAILED', `表头缺少“${missing.join('、')}”列，请使用下载的模板`, [{ field: 'fileId', message: `表头缺少“${missing.join('、')}”列` }])
  const at = columns.map((c) => header.indexOf(c))
  const rows: { row: number; cells: string[] }[] = []
  for (let n = 2; n <= sheet.rowCount; n++) {
    const read = cellsOf(sheet, n, width)
    const cells = at.map((i) => read[i] ?? '')
    if (cells.some(Boolean)) rows.push({ row: n, cells })
  }
  return rows
}

/** Excel on Chinese Windows saves CSV in GBK; anything that is not valid UTF-8 is read as GBK. */
function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gbk').decode(content)
  }
}

function cellsOf(sheet: Worksheet, n: number, width: number): string[] {
  const row = sheet.getRow(n)
  const out: string[] = []
  for (let c = 1; c <= Math.max(row.cellCount, width); c++) out.push(String(row.getCell(c).text ?? '').trim())
  return out
}
