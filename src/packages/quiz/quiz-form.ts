import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { ANSWER_REVEALS, AUDIENCES, KNOWLEDGE_POINTS, type AnswerReveal, type Audience, type QuizInput, type QuizSummary } from '@contract'
import { newRequestId } from '@/services/api'

/** A campaign quiz as the office types it. Quotas are kept for every point shown, zero meaning "none from here". */
export interface QuizForm {
  /** Made once per new quiz and sent with every try, so a retried create never makes two quizzes. */
  requestId: string
  title: string
  description: string
  opensAt: string
  closesAt: string
  quotas: { point: string; count: number }[]
  timeLimitMinutes: number
  attemptsAllowed: number
  passMark: number
  audience: Audience
  schoolIds: string[]
  reveal: AnswerReveal
}

export type FormField = Exclude<keyof QuizForm, 'requestId'>
/** Errors by field, and by knowledge point for a quota (`quota:<point>`). */
export type ErrorKey = FormField | `quota:${string}`
export type FormErrors = Partial<Record<ErrorKey, string>>

export const quotaKey = (point: string): ErrorKey => `quota:${point}`

/** Active questions per knowledge point, as `questions` answers it. */
export type Available = { point: string; count: number }[]

export const LIMITS = { timeLimitMinutes: [1, 180], attemptsAllowed: [1, 10], passMark: [1, 100] } as const
/** The server's caps: per point, and per paper. */
export const MAX_PER_POINT = 50
export const MAX_QUESTIONS = 100

const KEY = 'cwt.quiz-draft'

/** Told by the form after a save, with the quiz's id, so the figures page can show that quiz on coming back. */
export const QUIZ_SAVED = 'cwt.quiz-saved'

/** Opens tomorrow at 08:00 and runs two weeks; 20 minutes, 3 tries, 60 to pass, open to everyone. */
export function emptyForm(now: Date = new Date()): QuizForm {
  const opens = dayjs(now).add(1, 'day').hour(8).minute(0).second(0).millisecond(0)
  return {
    requestId: newRequestId(),
    title: '',
    description: '',
    opensAt: opens.toISOString(),
    closesAt: opens.add(14, 'day').hour(22).toISOString(),
    quotas: [],
    timeLimitMinutes: 20,
    attemptsAllowed: 3,
    passMark: 60,
    audience: 'everyone',
    schoolIds: [],
    reveal: 'afterClose'
  }
}

export function fromSummary(q: QuizSummary): QuizForm {
  return {
    requestId: newRequestId(),
    title: q.title,
    description: q.description,
    opensAt: q.opensAt,
    closesAt: q.closesAt,
    quotas: q.quotas.map((x) => ({ ...x })),
    timeLimitMinutes: q.timeLimitMinutes,
    attemptsAllowed: q.attemptsAllowed,
    passMark: q.passMark,
    audience: q.audience,
    schoolIds: [...q.schoolIds],
    reveal: q.reveal ?? 'afterClose'
  }
}

const rank = (point: string) => {
  const i = (KNOWLEDGE_POINTS as readonly string[]).indexOf(point)
  return i < 0 ? KNOWLEDGE_POINTS.length : i
}

/**
 * The rows of the quota table: every point that has questions or already has a quota, the seeded points in
 * their usual order first, then any the office imported as the bank lists them, each with what it may draw from.
 */
export function quotaRows(form: QuizForm, available: Available): { point: string; count: number; available: number }[] {
  const points = [...new Set([...available.map((a) => a.point), ...form.quotas.map((q) => q.point)])]
  points.sort((a, b) => rank(a) - rank(b))
  return points.map((point) => ({
    point,
    count: form.quotas.find((q) => q.point === point)?.count ?? 0,
    available: available.find((a) => a.point === point)?.count ?? 0
  }))
}

/** Sets one point's quota, keeping the others as they are. */
export function setQuota(form: QuizForm, point: string, count: number): QuizForm {
  const others = form.quotas.filter((q) => q.point !== point)
  return { ...form, quotas: count > 0 ? [...others, { point, count }] : others }
}

export const totalQuestions = (form: QuizForm) => form.quotas.reduce((sum, q) => sum + q.count, 0)

const within = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max

/** What the phone can tell before asking the server; the server has the last word on every rule. */
export function validate(f: QuizForm, available: Available): FormErrors {
  const e: FormErrors = {}
  if (!f.title.trim()) e.title = '请填写答题名称'
  if (!dayjs(f.closesAt).isAfter(f.opensAt)) e.closesAt = '结束时间应晚于开始时间'
  for (const q of f.quotas) {
    const has = available.find((a) => a.point === q.point)?.count ?? 0
    if (!Number.isInteger(q.count) || q.count < 0) e[quotaKey(q.point)] = '题数应为整数'
    else if (q.count > has) e[quotaKey(q.point)] = has ? `「${q.point}」只有 ${has} 道可用的题` : `「${q.point}」没有可用的题`
    else if (q.count > MAX_PER_POINT) e[quotaKey(q.point)] = `每个知识点最多抽 ${MAX_PER_POINT} 题`
  }
  const total = totalQuestions(f)
  if (total === 0) e.quotas = '请至少为一个知识点设置抽题数量'
  else if (total > MAX_QUESTIONS) e.quotas = `一次答题最多 ${MAX_QUESTIONS} 题，现在是 ${total} 题`
  if (!within(f.timeLimitMinutes, LIMITS.timeLimitMinutes)) e.timeLimitMinutes = '答题时长应在 1 到 180 分钟之间'
  if (!within(f.attemptsAllowed, LIMITS.attemptsAllowed)) e.attemptsAllowed = '可答次数应在 1 到 10 次之间'
  if (!within(f.passMark, LIMITS.passMark)) e.passMark = '及格分应在 1 到 100 分之间'
  if (f.audience === 'students' && f.schoolIds.length === 0) e.schoolIds = '请选择可以参加的学校'
  return e
}

/** The payload, with quotas in the table's order and only the points that draw questions. */
export function toInput(f: QuizForm, available: Available): QuizInput {
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    opensAt: f.opensAt,
    closesAt: f.closesAt,
    quotas: quotaRows(f, available)
      .filter((r) => r.count > 0)
      .map(({ point, count }) => ({ point, count })),
    timeLimitMinutes: f.timeLimitMinutes,
    attemptsAllowed: f.attemptsAllowed,
    passMark: f.passMark,
    audience: f.audience,
    schoolIds: f.audience === 'students' ? f.schoolIds : [],
    reveal: f.reveal
  }
}

const FIELDS: FormField[] = ['title', 'description', 'opensAt', 'closesAt', 'quotas', 'timeLimitMinutes', 'attemptsAllowed', 'passMark', 'audience', 'schoolIds', 'reveal']

/**
 * Where a server message belongs. It names quotas by their place in what was sent (`quotas.0.count`), so
 * `sent` turns the place back into the point; a school in the list (`schoolIds.2`) lands on the list.
 */
export function fieldOf(path: string, sent: QuizInput): ErrorKey | null {
  const [head, index] = path.split('.')
  if (head === 'quotas' && index !== undefined) {
    const point = sent.quotas[Number(index)]?.point
    return point ? quotaKey(point) : 'quotas'
  }
  return FIELDS.find((f) => f === head) ?? null
}

const isDate = (v: unknown): v is string => typeof v === 'string' && dayjs(v).isValid()
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** Reads back a saved draft field by field, so one stored by an older version cannot break the form. */
export function restoreForm(saved: unknown, now: Date = new Date()): QuizForm {
  const fresh = emptyForm(now)
  if (!saved || typeof saved !== 'object') return fresh
  const d = saved as Partial<Record<keyof QuizForm, unknown>>
  const text = (k: 'requestId' | 'title' | 'description') => (typeof d[k] === 'string' ? (d[k] as string) : fresh[k])
  const num = (k: 'timeLimitMinutes' | 'attemptsAllowed' | 'passMark') => (isCount(d[k]) ? (d[k] as number) : fresh[k])
  const quotas = Array.isArray(d.quotas)
    ? (d.quotas as unknown[]).filter((q): q is { point: string; count: number } => !!q && typeof (q as { point: unknown }).point === 'string' && isCount((q as { count: unknown }).count) && (q as { count: number }).count > 0)
    : []
  return {
    requestId: text('requestId') || fresh.requestId,
    title: text('title'),
    description: text('description'),
    opensAt: isDate(d.opensAt) ? d.opensAt : fresh.opensAt,
    closesAt: isDate(d.closesAt) ? d.closesAt : fresh.closesAt,
    quotas: quotas.map(({ point, count }) => ({ point, count })),
    timeLimitMinutes: num('timeLimitMinutes'),
    attemptsAllowed: num('attemptsAllowed'),
    passMark: num('passMark'),
    audience: (AUDIENCES as readonly unknown[]).includes(d.audience) ? (d.audience as Audience) : fresh.audience,
    schoolIds: Array.isArray(d.schoolIds) ? (d.schoolIds as unknown[]).filter((s): s is string => typeof s === 'string') : [],
    reveal: (ANSWER_REVEALS as readonly unknown[]).includes(d.reveal) ? (d.reveal as AnswerReveal) : fresh.reveal
  }
}

/** Whether the office typed anything worth keeping (the defaults alone do not count). */
export const hasContent = (f: QuizForm) => !!(f.title.trim() || f.description.trim() || f.quotas.length || f.schoolIds.length)

export const loadDraft = () => restoreForm(Taro.getStorageSync(KEY))
export const saveDraft = (form: QuizForm) => Taro.setStorageSync(KEY, form)
export const clearDraft = () => Taro.removeStorageSync(KEY)
