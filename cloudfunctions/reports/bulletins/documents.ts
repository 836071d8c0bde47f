import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { Workbook } from 'exceljs'
import { BULLETIN_KIND_LABELS, type BoardEntry, type BulletinUnitRow, type CaseFigures } from '../../../types/bulletins'
import { beijingDay } from '../../../types/calendar'
import { ORDER_LEVEL_LABELS, ORDER_LEVELS } from '../../../types/orders'
import type { ActionContext } from '../../core/action'
import { DOCX, saveExport } from '../../core/expiring'
import { notFound } from '../../core/errors'
import { bulletinRepository, type StoredBulletin } from './repository'
import { isOffice } from './views'

/*
 * The bulletin as the files offices forward: a .docx (title, number, date, preface, the overall and unit tables,
 * 红黑榜, the overdue list) made with the docx library, and the same tables in an .xlsx. Both write the frozen
 * figures, through the one column list below, so the two files and the app cannot disagree.
 */

type Value = number | string | null
const rate = (v: number | null) => (v === null ? null : v)
const shown = (v: Value, percent = false) => (v === null ? '—' : percent ? `${v}%` : String(v))

const CASE_COLUMNS: [header: string, value: (f: CaseFigures) => Value, percent?: boolean][] = [
  ['新增问题', (f) => f.newCases],
  ['随手拍', (f) => f.bySource['随手拍']],
  ['网格巡查', (f) => f.bySource['网格巡查']],
  ['督查', (f) => f.bySource['督查']],
  ['交办', (f) => f.assigned],
  ['立行立改', (f) => f.onSpot],
  ['限期整改', (f) => f.byDeadline],
  ['已整改', (f) => f.fixed],
  ['整改率', (f) => rate(f.fixRate), true],
  ['按期整改率', (f) => rate(f.onTimeRate), true],
  ['超期', (f) => f.overdue],
  ['平均整改工作日', (f) => f.avgDaysToFix],
  ['群众评价', (f) => f.rating],
  ['未解决占比', (f) => rate(f.unresolvedRate), true]
]

type Row = CaseFigures & Pick<BulletinUnitRow, 'orders' | 'inspection'>
const MORE_COLUMNS: [header: string, value: (r: Row) => Value, percent?: boolean][] = [
  ...ORDER_LEVELS.map((level): [string, (r: Row) => Value] => [`${ORDER_LEVEL_LABELS[level]}督办单`, (r) => r.orders[level]]),
  ['督查点位', (r) => r.inspection.inspected],
  ['达标率', (r) => rate(r.inspection.passRate), true]
]
const ROW_COLUMNS = [...CASE_COLUMNS, ...MORE_COLUMNS] as [string, (r: Row) => Value, boolean?][]
const UNIT_COLUMNS: [string, (r: BulletinUnitRow) => Value, boolean?][] = [['责任单位', (r) => r.department.name], ...ROW_COLUMNS, ['得分', (r) => r.score], ['排名', (r) => r.rank]]
const OVERDUE_HEADERS = ['案件编号', '问题类别', '地址', '责任单位', '整改时限', '超期工作日']
const dateOf = (b: StoredBulletin) => beijingDay(b.publishedAt ?? b.createdAt)
const heading = (b: StoredBulletin) => `创建全国文明城市工作${BULLETIN_KIND_LABELS[b.kind]}`
const boardLine = (e: BoardEntry) => `${e.department.name}（${e.reason}）`

function overdueRows(b: StoredBulletin) {
  return b.figures.overdueCases.map((c) => [c.no, c.categoryName, c.address, c.department?.name ?? '', beijingDay(c.deadline), c.daysOverdue])
}

// ---------------------------------------------------------------- .docx

const text = (value: string, bold = false) => new TextRun({ text: value, bold, size: 16 })
const cell = (value: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(value, bold)] })] })
const table = (headers: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))]
  })
const para = (value: string) => new Paragraph({ children: [new TextRun({ text: value, size: 24 })], spacing: { after: 120 } })
const section = (value: string) => new Paragraph({ text: value, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } })

export function bulletinDocx(b: StoredBulletin): Promise<Buffer> {
  const f = b.figures
  const overall = f.overall as Row
  const children = [
    new Paragraph({ text: heading(b), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new TextRun({ text: b.no, size: 28 })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new TextRun({ text: `市创文办　　${dateOf(b)}`, size: 24 })], alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
    para(`通报期间：${b.title}（${b.start} 至 ${b.end}）`),
    ...b.preface.split('\n').filter((line) => line.trim()).map(para),
    section('一、总体情况'),
    table(ROW_COLUMNS.map(([h]) => h), [ROW_COLUMNS.map(([, value, percent]) => shown(value(overall), percent))]),
    section('二、各责任单位情况'),
    table(UNIT_COLUMNS.map(([h]) => h), f.units.map((u) => UNIT_COLUMNS.map(([, value, percent]) => shown(value(u), percent)))),
    ...f.units.filter((u) => u.remark).map((u) => para(`${u.department.name}：${u.remark}`)),
    section('三、红黑榜'),
    para(`红榜：${f.red.map(boardLine).join('；') || '无'}`),
    para(`黑榜：${f.black.map(boardLine).join('；') || '无'}`),
    section('四、超期问题清单'),
    f.overdueCases.length ? table(OVERDUE_HEADERS, overdueRows(b).map((r) => r.map(String))) : para('本期无超期问题。'),
    section('五、志愿服务'),
    para(`开展志愿服务活动 ${f.volunteer.activities} 场，参与 ${f.volunteer.attendances} 人次，核定服务时长 ${f.volunteer.hours} 小时。${f.volunteer.stars ? `${f.volunteer.stars.month} 志愿服务之星：${f.volunteer.stars.names.join('、')}。` : ''}`),
    section('六、知识答题'),
    para(f.quiz.quiz ? `「${f.quiz.quiz.title}」参与 ${f.quiz.participants} 人，合格 ${f.quiz.passed} 人，知晓率 ${shown(f.quiz.rate, true)}。` : '本期无知识答题活动。')
  ]
  const doc = new Document({ sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }] })
  return Packer.toBuffer(doc)
}

// ---------------------------------------------------------------- .xlsx

export async function bulletinXlsx(b: StoredBulletin): Promise<Buffer> {
  const f = b.figures
  const book = new Workbook()
  const units = book.addWorksheet('各单位')
  units.addRow([`${heading(b)} ${b.no}（${b.title}）`]).font = { bold: true }
  units.addRow(UNIT_COLUMNS.map(([h]) => h)).font = { bold: true }
  units.addRow(['全市', ...ROW_COLUMNS.map(([, value]) => value(f.overall as Row)), null, null])
  for (const u of f.units) units.addRow(UNIT_COLUMNS.map(([, value]) => value(u)))
  units.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 10))
  const boards = book.addWorksheet('红黑榜')
  boards.addRow(['榜单', '责任单位', '得分', '排名', '理由']).font = { bold: true }
  for (const [label, list] of [['红榜', f.red], ['黑榜', f.black]] as const) for (const e of list) boards.addRow([label, e.department.name, e.score, e.rank, e.reason])
  const overdue = book.addWorksheet('超期问题')
  overdue.addRow(OVERDUE_HEADERS).font = { bold: true }
  for (const r of overdueRows(b)) overdue.addRow(r)
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** The office's any bulletin, a unit's published ones, as a file kept a day for the one who asked. */
export async function exportBulletin(input: { id: string; format: 'docx' | 'xlsx' }, ctx: ActionContext) {
  const b = await bulletinRepository(ctx.deps.store).get(input.id)
  if (b.status !== 'published' && !isOffice(ctx.caller)) throw notFound('该通报')
  const name = `${heading(b)}-${b.no}`
  if (input.format === 'docx') return saveExport(ctx, await bulletinDocx(b), `${name}.docx`, DOCX)
  return saveExport(ctx, await bulletinXlsx(b), `${name}.xlsx`)
}
