import type { ImportPreview, ImportRow, QuizSummary, RateRow } from '@contract'

/** 0.8333 → "83.3%", 1 → "100%"; a dash when there is nothing to divide by. */
export function percentText(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—'
  return `${Math.round(rate * 1000) / 10}%`
}

/** A rate as a progress bar's percent, 0–100. */
export const percentOf = (rate: number | null) => (rate === null || !Number.isFinite(rate) ? 0 : Math.min(100, Math.max(0, Math.round(rate * 1000) / 10)))

/** 78.46 → "78.5", 80 → "80"; a dash with no score yet. */
export const scoreText = (score: number | null) => (score === null || !Number.isFinite(score) ? '—' : String(Math.round(score * 10) / 10))

/** Time used on a paper: 45秒, 3分05秒, 1小时02分. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const pad = (n: number) => String(n).padStart(2, '0')
  if (s < 60) return `${s}秒`
  if (s < 3600) return `${Math.floor(s / 60)}分${pad(s % 60)}秒`
  return `${Math.floor(s / 3600)}小时${pad(Math.floor((s % 3600) / 60))}分`
}

/** 参与 12 人, 参与率 40% (when the unit's size is known), 通过 9 人: each kept whole when the line wraps. */
export const unitFacts = (row: Pick<RateRow, 'participants' | 'participation' | 'passed'>) => [
  `参与 ${row.participants} 人`,
  ...(row.participation === null ? [] : [`参与率 ${percentText(row.participation)}`]),
  `通过 ${row.passed} 人`
]

export const QUIZ_STATE_LABELS: Record<QuizSummary['state'], string> = { open: '进行中', upcoming: '未开始', closed: '已结束' }

// In progress: green; not yet open: amber; over: grey.
export const QUIZ_STATE_COLOURS: Record<QuizSummary['state'], [background: string, color: string]> = {
  open: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  upcoming: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  closed: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)']
}

/** The import template's columns, by the names the server may use for them. */
const FIELD_LABELS: Record<string, string> = {
  kind: '题型',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  point: '知识点',
  source: '出处',
  row: '整行'
}

/** The column a server error names, as the admin sees it in the sheet: options.2 → 选项C. */
export function fieldLabel(field: string): string {
  const [head, index] = field.split('.')
  const label = FIELD_LABELS[head] ?? field
  return head === 'options' && index !== undefined && /^\d+$/.test(index) ? `${label}${'ABCDEF'[Number(index)] ?? Number(index) + 1}` : label
}

/** One line per problem of a row: 第3行 · 答案 · 应为 A–D 中的字母. */
export function rowProblems(row: ImportRow): string[] {
  if (row.status === 'duplicate') return [`第${row.row}行 · 题干 · ${row.errors[0]?.message ?? '与题库中已有的题目重复，不会导入'}`]
  return row.errors.map((e) => `第${row.row}行 · ${fieldLabel(e.field)} · ${e.message}`)
}

/** Whether 导入 may go ahead, and when not, what the admin can do about it. */
export function importBlock(preview: ImportPreview, validOnly: boolean): string | null {
  if (preview.valid === 0) return preview.rows.length === 0 ? '表格里没有题目，请按模板填写后重新选择' : '没有可以导入的有效行'
  if (preview.invalid > 0 && !validOnly) return `有 ${preview.invalid} 行有误：请改好后重新选择文件，或勾选「只导入有效的行」`
  return null
}

/** The toast after an import. */
export const importedText = ({ imported, skipped }: { imported: number; skipped: number }) => (skipped ? `已导入 ${imported} 道，跳过 ${skipped} 行` : `已导入 ${imported} 道题`)

/** Green from 80 %, amber from 60 %, red below: how the office reads a correct rate at a glance. */
export const rateColour = (rate: number | null) => (rate === null ? 'var(--cwt-text-hint)' : rate >= 0.8 ? 'var(--cwt-success)' : rate >= 0.6 ? 'var(--cwt-warning)' : 'var(--cwt-brand)')

/** The quiz the figures open on: the one running now, else the newest. */
export const defaultQuiz = (items: Pick<QuizSummary, 'id' | 'state'>[]) => (items.find((q) => q.state === 'open') ?? items[0])?.id ?? ''
