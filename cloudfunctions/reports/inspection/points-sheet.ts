import { Workbook, type Worksheet } from 'exceljs'
import * as z from 'zod'
import type { PointFilter, PointInput } from '../../../types/inspection'
import type { ActionContext } from '../../core/action'
import { AppError, conflict, notFound } from '../../core/errors'
import { saveExport, XLSX } from '../../core/expiring'
import { beijingDateTime } from '../../../types/calendar'
import { reportRepository } from '../repository'
import { checkedPoint, toPointViews } from './points'
import { inspectionRepository } from './repository'
import { point as pointFields } from './schemas'

/** One row a point; 点位编号 empty for a new one, filled to change that point. Names, not ids, for type and unit. */
const COLUMNS = ['点位编号', '点位名称', '点位类型', '地址', '纬度', '经度', '责任单位', '是否启用']
const FIELD_COLUMNS: Record<string, string> = { name: '点位名称', typeId: '点位类型', address: '地址', lat: '纬度', lng: '经度', departmentId: '责任单位', active: '是否启用' }
const MAX_ROWS = 1000
const rowSchema = z.strictObject(pointFields)

export async function exportPoints(filter: PointFilter, ctx: ActionContext) {
  const list = await toPointViews(ctx, await inspectionRepository(ctx.deps.store).allPoints(filter))
  const book = new Workbook()
  const sheet = book.addWorksheet('点位')
  sheet.addRow([...COLUMNS, '所属网格']).font = { bold: true }
  for (const p of list) sheet.addRow([p._id, p.name, p.typeName, p.address, p.lat, p.lng, p.departmentName, p.active ? '是' : '否', p.gridName ?? ''])
  sheet.columns.forEach((c, i) => (c.width = [14, 24, 10, 30, 11, 11, 20, 8, 18][i]))
  const now = ctx.deps.clock.now().toISOString()
  return { ...(await saveExport(ctx, Buffer.from(await book.xlsx.writeBuffer()), `测评点位-${beijingDateTime(now).slice(0, 10)}.xlsx`)), rows: list.length }
}

/** All or nothing: one bad row (named by its number and column) imports no row. */
export async function importPoints(input: { fileId: string }, ctx: ActionContext): Promise<{ imported: number; updated: number }> {
  const repo = inspectionRepository(ctx.deps.store)
  const cases = reportRepository(ctx.deps.store)
  const [types, depts] = await Promise.all([repo.types(), cases.allDepartments()])
  const typeByName = new Map(types.map((t) => [t.name, t._id]))
  const deptByName = new Map(depts.flatMap((d) => [[d.name, d._id], [d.short, d._id]]))
  const rows = await readRows(ctx, input.fileId)
  const known = await repo.pointsById(rows.flatMap((r) => (r.cells[0] ? [r.cells[0]] : [])))
  const errors: string[] = []
  const checked: { id: string | null; point: PointInput }[] = []
  for (const { row, cells } of rows) {
    const [id, name, typeName, address, lat, lng, deptName, active] = cells
    const problems: string[] = []
    if (id && !known.has(id)) problems.push(`点位编号“${id}”不存在（新点位请留空）`)
    if (!typeByName.has(typeName)) problems.push(typeName ? `点位类型“${typeName}”不存在，应为${types.map((t) => t.name).join('、')}` : '请填写点位类型')
    if (!deptByName.has(deptName)) problems.push(deptName ? `责任单位“${deptName}”不存在` : '请填写责任单位')
    if (active && !['是', '否'].includes(active)) problems.push('是否启用应填“是”或“否”')
    const parsed = rowSchema.safeParse({ name, typeId: typeByName.get(typeName) ?? '-', address, lat: lat === '' ? NaN : Number(lat), lng: lng === '' ? NaN : Number(lng), departmentId: deptByName.get(deptName) ?? '-', active: active !== '否' })
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${FIELD_COLUMNS[String(issue.path[0])] ?? '点位'}：${issue.message}`)
    if (problems.length) errors.push(`第 ${row} 行${problems[0]}`)
    else checked.push({ id: id || null, point: parsed.data! })
  }
  if (errors.length) throw conflict(`有 ${errors.length} 行有误（如${errors[0]}），未导入任何点位；请修改后重新上传`)
  let imported = 0
  let updated = 0
  for (const { id, point } of checked) {
    const stored = await checkedPoint(ctx, point)
    if (id) {
      await repo.updatePoint(id, stored)
      updated++
    } else {
      await repo.insertPoint({ _id: `point-${ctx.deps.ids.next()}`, ...stored, createdAt: stored.updatedAt })
      imported++
    }
  }
  return { imported, updated }
}

/** Only a sheet the caller uploaded is read, as the question import does. */
async function readRows({ caller, deps }: ActionContext, fileId: string) {
  const file = await deps.files.get(fileId)
  if (!file || file.owner !== caller._id || file.purpose !== 'import') throw notFound('上传的文件')
  const book = new Workbook()
  let sheet: Worksheet | undefined
  try {
    if (file.contentType === XLSX) {
      await book.xlsx.load(file.content as unknown as ArrayBuffer)
      sheet = book.worksheets[0]
    }
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '文件无法读取，请用导出的点位表另存为 .xlsx 后重新上传')
  }
  if (!sheet) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 文件')
  const header = cells(sheet, 1, COLUMNS.length + 1)
  const missing = COLUMNS.filter((c) => !header.includes(c))
  if (missing.length) throw new AppError('VALIDATION_FAILED', `表头缺少“${missing.join('、')}”列，请使用导出的点位表`, [{ field: 'fileId', message: `表头缺少“${missing.join('、')}”列` }])
  const at = COLUMNS.map((c) => header.indexOf(c))
  const rows: { row: number; cells: string[] }[] = []
  for (let n = 2; n <= sheet.rowCount; n++) {
    const read = cells(sheet, n, header.length)
    const picked = at.map((i) => read[i] ?? '')
    if (picked.some((c) => c)) rows.push({ row: n, cells: picked })
  }
  if (!rows.length) throw new AppError('VALIDATION_FAILED', '文件中没有点位', [{ field: 'fileId', message: '文件中没有点位' }])
  if (rows.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `一个文件最多 ${MAX_ROWS} 个点位，请拆分后分批导入`, [{ field: 'fileId', message: `超过 ${MAX_ROWS} 行` }])
  return rows
}

function cells(sheet: Worksheet, n: number, count: number): string[] {
  const row = sheet.getRow(n)
  const out: string[] = []
  for (let c = 1; c <= Math.max(row.cellCount, count); c++) out.push(String(row.getCell(c).text ?? '').trim())
  return out
}
