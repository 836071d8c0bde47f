import { Workbook } from 'exceljs'
import type { FigureFilter, FiguresBreakdown, InspectionFigures } from '../../../types/inspection'
import type { ActionContext } from '../../core/action'
import { saveExport } from '../../core/expiring'
import { beijingDateTime } from '../../../types/calendar'
import { reportRepository } from '../repository'
import { inspectionRepository } from './repository'

type Raw = Awaited<ReturnType<ReturnType<typeof inspectionRepository>['figures']>>

/** As the campaign documents say it: 督查点位 N 个，达标 a 个，未达标 b 个；督查问题 p 个，已完成整改 f 个，正在整改中 p − f 个. */
const toFigures = ({ inspected, passed, failed, problems, onSpot, fixed }: Raw): InspectionFigures => ({
  inspected,
  passed,
  failed,
  problems,
  onSpot,
  byDeadline: problems - onSpot,
  fixed,
  inProgress: problems - fixed
})

/** The figures over any period and scope, and the same split by unit, point type and grid (those with anything to show). */
export async function figures(filter: FigureFilter, { deps }: ActionContext): Promise<FiguresBreakdown> {
  const repo = inspectionRepository(deps.store)
  const cases = reportRepository(deps.store)
  const [types, grids, depts] = await Promise.all([repo.types(), cases.allGrids(), cases.allDepartments()])
  const splits = [
    ...(filter.departmentId ? [] : depts.map((d) => ({ by: 'department' as const, id: d._id, name: d.name, filter: { ...filter, departmentId: d._id } }))),
    ...(filter.typeId ? [] : types.map((t) => ({ by: 'type' as const, id: t._id, name: t.name, filter: { ...filter, typeId: t._id } }))),
    ...(filter.gridId ? [] : grids.map((g) => ({ by: 'grid' as const, id: g._id, name: g.name, filter: { ...filter, gridId: g._id } })))
  ]
  const total = toFigures(await repo.figures(filter))
  const rows = []
  // one split at a time: the store answers them in turn anyway, and a breakdown of none is asked for nothing
  if (total.inspected || total.problems) {
    for (const s of splits) {
      const f = toFigures(await repo.figures(s.filter))
      if (f.inspected || f.problems) rows.push({ by: s.by, id: s.id, name: s.name, figures: f })
    }
  }
  return { total, rows }
}

const BY_LABELS = { department: '责任单位', type: '点位类型', grid: '网格' }
const HEADERS: [string, keyof InspectionFigures][] = [
  ['督查点位', 'inspected'],
  ['达标', 'passed'],
  ['未达标', 'failed'],
  ['督查问题', 'problems'],
  ['立行立改', 'onSpot'],
  ['限期整改', 'byDeadline'],
  ['已整改', 'fixed'],
  ['整改中', 'inProgress']
]

/** 督查汇总表: the total and each unit, type and grid, one row each. A few dozen rows: written in memory. */
export async function exportFigures(filter: FigureFilter, ctx: ActionContext) {
  const { total, rows } = await figures(filter, ctx)
  const book = new Workbook()
  const sheet = book.addWorksheet('督查汇总')
  const now = ctx.deps.clock.now().toISOString()
  const period = filter.from || filter.to ? `${filter.from ?? '开始'} 至 ${filter.to ?? '今天'}` : '全部日期'
  sheet.addRow([`督查汇总（${period}），生成于 ${beijingDateTime(now)}`]).font = { bold: true }
  sheet.addRow(['分组', '名称', ...HEADERS.map(([label]) => label)]).font = { bold: true }
  sheet.addRow(['合计', '', ...HEADERS.map(([, key]) => total[key])])
  for (const r of rows) sheet.addRow([BY_LABELS[r.by], r.name, ...HEADERS.map(([, key]) => r.figures[key])])
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 24 : 10))
  const file = await saveExport(ctx, Buffer.from(await book.xlsx.writeBuffer()), `督查汇总-${beijingDateTime(now).slice(0, 10)}.xlsx`)
  return { ...file, rows: rows.length + 1 }
}
