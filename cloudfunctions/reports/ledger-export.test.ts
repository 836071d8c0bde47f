import { Workbook } from 'exceljs'
import type { LedgerStats } from '../../types/api'
import { buildLedgerWorkbook, type LedgerRow } from './ledger-export'

const HEADERS = ['案件编号', '上报时间', '问题类别', '问题描述', '地址', '所属网格', '责任单位', '状态', '交办时间', '整改时限', '整改完成时间', '办结时间', '是否超期', '立行立改', '群众评价', '来源']

const closed: LedgerRow = {
  no: '20261120-7F3A2C',
  source: '随手拍',
  createdAt: '2026-11-20T02:15:00.000Z',
  category: '小广告"牛皮癣"',
  description: '南宁北路公交站台贴满小广告',
  address: '曲靖市麒麟区南宁北路 88 号',
  grid: '南宁街道第1网格',
  department: '市城市管理局',
  status: '已办结',
  assignedAt: '2026-11-20T03:00:00.000Z',
  deadline: '2026-11-24T15:59:59.999Z',
  fixedAt: '2026-11-21T06:40:00.000Z',
  closedAt: '2026-11-22T01:00:00.000Z',
  overdue: false,
  onSpot: false,
  rating: 5
}
const overdue: LedgerRow = {
  ...closed,
  no: '20261123-0B19E4',
  // 01:30 on the 23rd in Beijing, still the 22nd in UTC.
  createdAt: '2026-11-22T17:30:00.000Z',
  category: '井盖破损/缺失',
  description: '=井盖缺失，夜间危险',
  status: '整改中',
  assignedAt: '2026-11-23T00:10:00.000Z',
  deadline: '2026-11-24T15:59:59.999Z',
  fixedAt: null,
  closedAt: null,
  overdue: true,
  rating: null
}
const onSpot: LedgerRow = {
  ...closed,
  no: '20261123-55AA01',
  source: '督查',
  createdAt: '2026-11-23T08:00:00+08:00',
  category: '共享单车乱停放',
  status: '已整改待核查',
  department: '',
  grid: '',
  assignedAt: null,
  deadline: null,
  fixedAt: '2026-11-23T08:20:00+08:00',
  closedAt: null,
  onSpot: true,
  rating: null
}
const stats: LedgerStats = { total: 3, submitted: 0, assigned: 2, onSpot: 1, byDeadline: 2, fixed: 2, inProgress: 1, overdue: 1, fixRate: 66.66666, avgHoursToFix: 17.2666 }

async function readBack(buffer: Buffer): Promise<Workbook> {
  const book = new Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  return book
}

/** A row's cells across the sheet's columns, an empty cell as '' (the streamed file leaves blanks without a value). */
const values = (book: Workbook, name: string, row: number) => {
  const width = name === '统计' ? 2 : HEADERS.length
  return Array.from({ length: width }, (_, i) => book.getWorksheet(name)!.getRow(row).getCell(i + 1).value ?? '')
}

describe('buildLedgerWorkbook', () => {
  let book: Workbook
  beforeAll(async () => {
    const buffer = await buildLedgerWorkbook({ rows: [closed, overdue, onSpot], stats, title: '麒麟区创文问题台账（2026 年 11 月）', generatedAt: '2026-11-23T01:05:30.000Z' })
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK')
    book = await readBack(buffer)
  })

  it('when read back, then it has the 问题台账 and 统计 sheets in that order', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['问题台账', '统计'])
  })

  it('when read back, then the title is bold and merged across all 16 columns, with the export time in Beijing below it', () => {
    const sheet = book.getWorksheet('问题台账')!
    expect(sheet.getCell('A1').value).toBe('麒麟区创文问题台账（2026 年 11 月）')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    expect(sheet.getCell('P1').master.address).toBe('A1')
    expect(sheet.getCell('Q1').master.address).toBe('Q1')
    expect(sheet.getCell('A2').value).toBe('导出时间 2026-11-23 09:05')
    expect(sheet.getCell('P2').master.address).toBe('A2')
  })

  it('when read back, then row 3 holds the headers, is frozen and carries the autofilter', () => {
    const sheet = book.getWorksheet('问题台账')!
    expect(values(book, '问题台账', 3)).toEqual(HEADERS)
    expect(sheet.getCell('A3').font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.autoFilter).toBe('A3:P3')
  })

  it('when read back, then a closed case shows Beijing times, 否/否 and its rating in stars', () => {
    expect(values(book, '问题台账', 4)).toEqual([
      '20261120-7F3A2C', '2026-11-20 10:15', '小广告"牛皮癣"', '南宁北路公交站台贴满小广告', '曲靖市麒麟区南宁北路 88 号', '南宁街道第1网格', '市城市管理局', '已办结',
      '2026-11-20 11:00', '2026-11-24 23:59', '2026-11-21 14:40', '2026-11-22 09:00', '否', '否', '5 星', '随手拍'
    ])
  })

  it('when read back, then an overdue case is 是 in red, its report time is on the Beijing day, and a leading = stays text', () => {
    const sheet = book.getWorksheet('问题台账')!
    const row = values(book, '问题台账', 5)
    expect(row.slice(0, 4)).toEqual(['20261123-0B19E4', '2026-11-23 01:30', '井盖破损/缺失', '=井盖缺失，夜间危险'])
    expect(row.slice(10)).toEqual(['', '', '是', '否', '', '随手拍'])
    expect(sheet.getCell('M5').font?.color?.argb).toBe('FFFF0000')
    expect(sheet.getCell('M4').font?.color?.argb).toBeUndefined()
    expect(sheet.getCell('D5').formula).toBeUndefined()
  })

  it('when read back, then an on-the-spot case is 立行立改 是 with blank assignment and deadline', () => {
    expect(values(book, '问题台账', 6)).toEqual([
      '20261123-55AA01', '2026-11-23 08:00', '共享单车乱停放', '南宁北路公交站台贴满小广告', '曲靖市麒麟区南宁北路 88 号', '', '', '已整改待核查',
      '', '', '2026-11-23 08:20', '', '否', '是', '', '督查'
    ])
    expect(book.getWorksheet('问题台账')!.rowCount).toBe(6)
  })

  it('when read back, then long text columns are wide and wrap', () => {
    const sheet = book.getWorksheet('问题台账')!
    expect(sheet.getColumn(4).width).toBe(40)
    expect(sheet.getColumn(1).width).toBe(18)
    expect(sheet.getCell('D4').alignment?.wrapText).toBe(true)
  })

  it('when read back, then 统计 lists each figure, the rate with one decimal and the hours rounded', () => {
    const sheet = book.getWorksheet('统计')!
    expect(sheet.getRow(1).values).toEqual([undefined, '指标', '数值'])
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    const figures = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(book, '统计', i + 2))
    expect(figures).toEqual([
      ['问题总数', 3], ['待受理', 0], ['交办', 2], ['立行立改', 1], ['限期整改', 2], ['已整改', 2], ['整改中', 1], ['超期', 1],
      ['整改率', '66.7%'], ['平均整改时长（小时）', 17.3]
    ])
  })

  it('when nothing was assigned or fixed yet, then the rate and the average read —', async () => {
    const empty = await readBack(await buildLedgerWorkbook({
      rows: [],
      stats: { total: 0, submitted: 0, assigned: 0, onSpot: 0, byDeadline: 0, fixed: 0, inProgress: 0, overdue: 0, fixRate: null, avgHoursToFix: null },
      title: '空台账',
      generatedAt: '2026-11-23T01:05:00Z'
    }))
    expect(values(empty, '统计', 10)).toEqual(['整改率', '—'])
    expect(values(empty, '统计', 11)).toEqual(['平均整改时长（小时）', '—'])
    expect(values(empty, '问题台账', 3)).toEqual(HEADERS)
    expect(empty.getWorksheet('问题台账')!.rowCount).toBe(3)
  })

  it('when a time has no zone, then it throws RangeError instead of guessing', async () => {
    await expect(buildLedgerWorkbook({ rows: [{ ...closed, fixedAt: '2026-11-21 14:40' }], stats, title: 't', generatedAt: '2026-11-23T01:05:00Z' })).rejects.toThrow(RangeError)
  })
})
