import { PassThrough } from 'node:stream'
import ExcelJS, { type Worksheet } from 'exceljs'
import type { LedgerStats } from '../../types/api'
import { beijingDateTime } from '../../types/calendar'

/** One case as the 台账 shows it: names and labels already resolved, times as ISO instants. */
export interface LedgerRow {
  no: string
  source: string
  createdAt: string
  category: string
  description: string
  address: string
  grid: string
  department: string
  status: string
  assignedAt: string | null
  deadline: string | null
  fixedAt: string | null
  closedAt: string | null
  overdue: boolean
  onSpot: boolean
  rating: number | null
}

const time = (at: string | null) => (at === null ? '' : beijingDateTime(at))
const yesNo = (flag: boolean) => (flag ? '是' : '否')

const COLUMNS: { header: string; width: number; wrap?: boolean; value: (r: LedgerRow) => string }[] = [
  { header: '案件编号', width: 18, value: (r) => r.no },
  { header: '上报时间', width: 17, value: (r) => time(r.createdAt) },
  { header: '问题类别', width: 16, value: (r) => r.category },
  { header: '问题描述', width: 40, wrap: true, value: (r) => r.description },
  { header: '地址', width: 30, wrap: true, value: (r) => r.address },
  { header: '所属网格', width: 18, value: (r) => r.grid },
  { header: '责任单位', width: 20, value: (r) => r.department },
  { header: '状态', width: 13, value: (r) => r.status },
  { header: '交办时间', width: 17, value: (r) => time(r.assignedAt) },
  { header: '整改时限', width: 17, value: (r) => time(r.deadline) },
  { header: '整改完成时间', width: 17, value: (r) => time(r.fixedAt) },
  { header: '办结时间', width: 17, value: (r) => time(r.closedAt) },
  { header: '是否超期', width: 10, value: (r) => yesNo(r.overdue) },
  { header: '立行立改', width: 10, value: (r) => yesNo(r.onSpot) },
  { header: '群众评价', width: 10, value: (r) => (r.rating === null ? '' : `${r.rating} 星`) },
  { header: '来源', width: 10, value: (r) => r.source }
]
const OVERDUE_COLUMN = COLUMNS.findIndex((c) => c.header === '是否超期') + 1
const HEADER_ROW = 3

const STATS: [label: string, value: (s: LedgerStats) => number | string][] = [
  ['问题总数', (s) => s.total],
  ['待受理', (s) => s.submitted],
  ['交办', (s) => s.assigned],
  ['立行立改', (s) => s.onSpot],
  ['限期整改', (s) => s.byDeadline],
  ['已整改', (s) => s.fixed],
  ['整改中', (s) => s.inProgress],
  ['超期', (s) => s.overdue],
  ['整改率', (s) => (s.fixRate === null ? '—' : `${s.fixRate.toFixed(1)}%`)],
  ['平均整改时长（小时）', (s) => (s.avgHoursToFix === null ? '—' : Math.round(s.avgHoursToFix * 10) / 10)]
]

function boldHeader(sheet: Worksheet, row: number) {
  const header = sheet.getRow(row)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }))
}

/**
 * The .xlsx the office files: 「问题台账」 (one row per case) and 「统计」 (the campaign figures). Rows are written as
 * they come and only the compressed file is kept, so a city's whole ledger fits a function's memory; texts are
 * written in their cells, not in a shared table that would hold every distinct one until the end (so a blank
 * is an empty cell).
 * Throws RangeError if a time is not an ISO instant with a zone.
 */
export async function buildLedgerWorkbook(input: { rows: Iterable<LedgerRow> | AsyncIterable<LedgerRow>; stats: LedgerStats; title: string; generatedAt: string }): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  book.creator = '创文通'
  book.created = book.modified = new Date(input.generatedAt)

  const ledger = book.addWorksheet('问题台账', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
  ledger.columns = COLUMNS.map((c) => ({ width: c.width, style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {} }))
  const last = COLUMNS.length
  ledger.mergeCells(1, 1, 1, last)
  ledger.getCell(1, 1).value = input.title
  ledger.getCell(1, 1).font = { bold: true, size: 16 }
  ledger.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' }
  ledger.getRow(1).height = 28
  ledger.mergeCells(2, 1, 2, last)
  ledger.getCell(2, 1).value = `导出时间 ${beijingDateTime(input.generatedAt)}`
  ledger.getCell(2, 1).alignment = { horizontal: 'right' }
  ledger.getRow(HEADER_ROW).values = COLUMNS.map((c) => c.header)
  boldHeader(ledger, HEADER_ROW)
  ledger.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } }
  for await (const r of input.rows) {
    const row = ledger.addRow(COLUMNS.map((c) => c.value(r)))
    if (r.overdue) row.getCell(OVERDUE_COLUMN).font = { bold: true, color: { argb: 'FFFF0000' } }
    row.commit()
  }
  ledger.commit()

  const stats = book.addWorksheet('统计')
  stats.columns = [{ width: 24 }, { width: 14 }]
  stats.addRow(['指标', '数值'])
  boldHeader(stats, 1)
  for (const [label, value] of STATS) stats.addRow([label, value(input.stats)])
  stats.commit()

  await book.commit()
  return Buffer.concat(chunks)
}
