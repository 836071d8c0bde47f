import { Workbook } from 'exceljs'
import type { ImportPreview, ImportRow, QuestionInput, QuestionKind } from '../../types/quiz'
import { QUESTION_KIND_LABELS } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { AppError, conflict } from '../core/errors'
import { saveExport } from '../core/expiring'
import { readSheet } from '../core/sheets'
import { newQuestion } from './questions'
import { quizRepository } from './repository'
import { keyOf } from './rules'
import { JUDGE_OPTIONS, question } from './schemas'

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F']
export const COLUMNS = ['题型', '题干', ...OPTION_LETTERS.map((l) => `选项${l}`), '答案', '解析', '知识点', '出处']
/** Bigger banks go in several files: a preview the admin can read row by row stays within this. */
export const MAX_ROWS = 1000

/** Marks the template's example rows in 题型: they show how to fill a row and are never imported. */
const SAMPLE = '（示例）'
const KINDS: Record<string, QuestionKind> = { 单选题: 'single', 单选: 'single', 多选题: 'multiple', 多选: 'multiple', 判断题: 'judge', 判断: 'judge' }
const JUDGE_ANSWERS: Record<string, number> = { 正确: 0, 对: 0, '√': 0, '✓': 0, A: 0, 错误: 1, 错: 1, '×': 1, '✗': 1, B: 1 }
/** Where each question field sits in the sheet, so a row's error names the column the admin sees. */
const FIELD_COLUMNS: Record<string, string> = { kind: '题型', stem: '题干', options: '选项', answer: '答案', explanation: '解析', point: '知识点', source: '出处' }

export async function template(_: unknown, ctx: ActionContext): Promise<{ fileId: string; url: string }> {
  const book = new Workbook()
  const sheet = book.addWorksheet('题目')
  sheet.addRow(COLUMNS).font = { bold: true }
  sheet.addRow([`${SAMPLE}单选题`, '机动车行经人行横道时，遇行人正在通过，应当怎么做？', '鸣喇叭提醒行人', '停车让行', '加速通过', '绕行通过', '', '', 'B', '《中华人民共和国道路交通安全法》第四十七条规定，机动车行经人行横道，遇行人正在通过人行横道，应当停车让行。', '交通文明', '《中华人民共和国道路交通安全法》第四十七条'])
  sheet.addRow([`${SAMPLE}多选题`, '下列哪些属于有害垃圾？', '废电池', '过期药品', '剩菜剩饭', '废荧光灯管', '', '', 'ABD', '废电池、过期药品、废荧光灯管属于有害垃圾；剩菜剩饭属于厨余垃圾。', '环境与垃圾分类', '《生活垃圾分类标志》（GB/T 19095-2019）'])
  sheet.addRow([`${SAMPLE}判断题`, '携带犬只出户时，应当按照规定佩戴犬牌并采取系犬绳等措施。', '', '', '', '', '', '', '正确', '《中华人民共和国动物防疫法》第三十条规定，携带犬只出户的，应当按照规定佩戴犬牌并采取系犬绳等措施。', '文明养犬', '《中华人民共和国动物防疫法》第三十条'])
  sheet.columns.forEach((c, i) => (c.width = [8, 40, 14, 14, 14, 14, 10, 10, 8, 50, 14, 30][i]))
  const notes = book.addWorksheet('填写说明')
  for (const line of [
    '1. 每行一道题，第一行是表头，请勿修改表头。',
    '2. 题型：单选题、多选题、判断题。',
    '3. 单选题、多选题从“选项A”起依次填写，至少 2 个（多选题至少 3 个），最多 6 个；判断题不填选项。',
    '4. 答案：单选题填一个字母，如 B；多选题填多个字母，如 ABD；判断题填“正确”或“错误”。',
    '5. 解析、知识点必填；出处请写明法规名称和条款，没有可不填。',
    `6. 每个文件最多 ${MAX_ROWS} 行；与题库中题干相同的题目视为重复，不会导入。`,
    `7. 题型前带“${SAMPLE}”的 3 行是示例，不会导入：可以删掉，也可以照着改成自己的题目（改时去掉“${SAMPLE}”）。`
  ])
    notes.addRow([line])
  notes.getColumn(1).width = 90
  return saveExport(ctx, Buffer.from(await book.xlsx.writeBuffer()), '题库导入模板.xlsx')
}

/** Every row of the file checked: its problems by column, or whether the bank (or an earlier row) already has it. */
export async function previewImport(input: { fileId: string }, ctx: ActionContext): Promise<ImportPreview> {
  const rows = await readRows(ctx, input.fileId)
  const checked = rows.map(({ row, cells }) => checkRow(row, cells))
  const keys = checked.flatMap((r) => (r.question ? [keyOf(r.question.stem)] : []))
  const known = await quizRepository(ctx.deps.store).knownKeys(keys)
  const seen = new Map<string, number>()
  for (const r of checked) {
    if (!r.question) continue
    const key = keyOf(r.question.stem)
    if (known.has(key)) {
      r.status = 'duplicate'
      r.errors = [{ field: '题干', message: '题库中已有相同题干的题目' }]
    } else if (seen.has(key)) {
      r.status = 'duplicate'
      r.errors = [{ field: '题干', message: `与第 ${seen.get(key)} 行题干相同` }]
    } else {
      seen.set(key, r.row)
    }
  }
  return { rows: checked, valid: checked.filter((r) => r.status === 'valid').length, invalid: checked.filter((r) => r.status === 'invalid').length, duplicate: checked.filter((r) => r.status === 'duplicate').length }
}

/** All or nothing by default: one bad row stops the import unless the admin chose to take the valid rows only. */
export async function importQuestions(input: { fileId: string; validOnly: boolean }, ctx: ActionContext): Promise<{ imported: number; skipped: number }> {
  const preview = await previewImport(input, ctx)
  if (preview.invalid && !input.validOnly) {
    const first = preview.rows.find((r) => r.status === 'invalid')!
    throw conflict(`有 ${preview.invalid} 行有误（如第 ${first.row} 行${first.errors[0].field}：${first.errors[0].message}），未导入任何题目；请修改后重新上传，或选择只导入有效的行`)
  }
  const at = ctx.deps.clock.now().toISOString()
  const repo = quizRepository(ctx.deps.store)
  let imported = 0
  for (const r of preview.rows.filter((x) => x.status === 'valid')) {
    if (await repo.addQuestion(newQuestion(r.question!, at))) imported++
  }
  return { imported, skipped: preview.rows.length - imported }
}

/** The question rows of the caller's upload, without the template's samples. */
async function readRows(ctx: ActionContext, fileId: string): Promise<{ row: number; cells: string[] }[]> {
  const all = await readSheet(ctx, fileId, COLUMNS)
  const rows = all.filter(({ cells }) => !cells[0].startsWith(SAMPLE))
  if (!rows.length) {
    const message = all.length ? `文件中只有示例题：请照着示例填写自己的题目，题型去掉“${SAMPLE}”` : '文件中没有题目'
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'fileId', message }])
  }
  if (rows.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `一个文件最多 ${MAX_ROWS} 道题，请拆分后分批导入`, [{ field: 'fileId', message: `超过 ${MAX_ROWS} 行` }])
  return rows
}

function checkRow(row: number, cells: string[]): ImportRow {
  const [kindText, stem, ...rest] = cells
  const options = rest.slice(0, OPTION_LETTERS.length)
  const [answerText, explanation, point, source] = rest.slice(OPTION_LETTERS.length)
  const errors: ImportRow['errors'] = []
  const kind = KINDS[kindText.replace(/\s/g, '')]
  if (!kind) errors.push({ field: '题型', message: kindText ? `“${kindText}”不是可用的题型，应为${Object.values(QUESTION_KIND_LABELS).join('、')}` : '请填写题型' })
  const filled = options.reduce((last, o, i) => (o ? i + 1 : last), 0)
  if (kind && kind !== 'judge' && options.slice(0, filled).some((o) => !o)) errors.push({ field: '选项', message: '选项要从选项A起连续填写，中间不能空' })
  const choices = kind === 'judge' ? JUDGE_OPTIONS : options.slice(0, filled)
  const answer = kind ? parseAnswer(kind, answerText) : []
  if (kind && answer === null) {
    errors.push({ field: '答案', message: answerText ? `答案“${answerText}”看不懂，${kind === 'judge' ? '应填“正确”或“错误”' : '应填选项字母，如 B 或 ABD'}` : '请填写答案' })
  }
  const candidate = { kind: kind ?? 'single', stem, options: choices, answer: answer ?? [], explanation, point, source: source || null }
  const parsed = question.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_COLUMNS[String(issue.path[0])] ?? '题目'
      // The kind and answer columns were already judged above, in the admin's own terms; without a kind the
      // options and answer cannot be judged at all.
      if (field === '题型' || (field === '答案' && answer === null) || (!kind && (field === '选项' || field === '答案'))) continue
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message })
    }
  }
  const ok = !errors.length && parsed.success
  return { row, status: ok ? 'valid' : 'invalid', errors, question: ok ? (parsed.data as QuestionInput) : null }
}

function parseAnswer(kind: QuestionKind, text: string): number[] | null {
  const t = text.replace(/\s/g, '').toUpperCase()
  if (!t) return null
  if (kind === 'judge') return t in JUDGE_ANSWERS ? [JUDGE_ANSWERS[t]] : null
  const letters = t.replace(/[,，、;；]/g, '').split('')
  if (!letters.every((l) => OPTION_LETTERS.includes(l))) return null
  return letters.map((l) => OPTION_LETTERS.indexOf(l))
}
