import { randomBytes } from 'node:crypto'
import { Workbook } from 'exceljs'
import type { Page, UnitView } from '../../types/api'
import type { Awareness, BoardRow, QuestionInput, QuestionKind, QuestionRate, QuestionView, Quiz, QuizInput, QuizSummary, QuizTally, RateRow, Unit } from '../../types/quiz'
import type { ActionContext } from '../core/action'
import { conflict, invalid, notFound } from '../core/errors'
import type { Deps } from '../core/ports'
import { containing } from '../core/search'
import { saveExport } from '../core/expiring'
import { createdId } from '../core/idempotency'
import { drawPool } from './pool'
import { fromFieldKey, quizRepository, tallyId } from './repository'
import { newQuestion } from './questions'
import { keyOf } from './rules'
import { toQuestionView, toSummary } from './views'
import { toUnitView } from './participants'

// ---------------------------------------------------------------- question bank

export async function listQuestions(
  input: { page: number; pageSize: number; point?: string; kind?: QuestionKind; keyword?: string; active?: boolean },
  { deps }: ActionContext
): Promise<Page<QuestionView> & { points: { point: string; count: number }[] }> {
  const q = {
    ...(input.point ? { point: input.point } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(input.keyword ? { stem: containing(input.keyword) } : {})
  }
  const repo = quizRepository(deps.store)
  const [{ found, total }, points] = await Promise.all([repo.questionPage(q, input.page, input.pageSize), repo.activeByPoint()])
  return { items: found.map(toQuestionView), total, page: input.page, pageSize: input.pageSize, points: Object.entries(points).map(([point, count]) => ({ point, count })) }
}

/** Writes a question; a stem that says the same as another question's is refused, so the bank holds no twins. */
export async function saveQuestion(input: QuestionInput & { id?: string; active?: boolean }, { deps }: ActionContext): Promise<QuestionView> {
  const { id, active, ...fields } = input
  const at = deps.clock.now().toISOString()
  const key = keyOf(fields.stem)
  const repo = quizRepository(deps.store)
  const twin = await repo.questionByKey(key)
  if (twin && twin._id !== id) throw invalid('stem', '题库中已有相同题干的题目')
  if (!id) {
    const question = newQuestion(fields, at)
    if (!(await repo.addQuestion(question))) throw invalid('stem', '题库中已有相同题干的题目')
    return toQuestionView(question)
  }
  const updated = await repo.setQuestion(id, { ...fields, key, ...(active === undefined ? {} : { active }), updatedAt: at })
  if (!updated) throw notFound('该题目')
  return toQuestionView((await repo.question(id))!)
}

// ---------------------------------------------------------------- quizzes and units

export async function listQuizzes(input: { page: number; pageSize: number }, { deps }: ActionContext): Promise<Page<QuizSummary>> {
  const repo = quizRepository(deps.store)
  const { found, total } = await repo.quizPage(input.page, input.pageSize)
  const alls = await repo.totals(found.map((q) => q._id))
  const now = deps.clock.now()
  return { items: found.map((q) => toSummary(q, alls.get(q._id) ?? null, now)), total, page: input.page, pageSize: input.pageSize }
}

export async function showQuiz(input: { quizId: string }, { deps }: ActionContext): Promise<QuizSummary> {
  const quiz = await quizRepository(deps.store).quiz(input.quizId)
  return summaryOf(deps, quiz)
}

/** Creates or edits a campaign quiz; every quota must be drawable from the active bank, or the field says which. */
export async function saveQuiz(input: QuizInput & { id?: string }, ctx: ActionContext): Promise<QuizSummary> {
  const { deps, caller } = ctx
  const { id, ...fields } = input
  const repo = quizRepository(deps.store)
  const available = await repo.activeByPoint()
  fields.quotas.forEach((q, i) => {
    if ((available[q.point] ?? 0) < q.count) throw invalid(`quotas.${i}.count`, `「${q.point}」只有 ${available[q.point] ?? 0} 道可用题目，不够抽 ${q.count} 道`)
  })
  if (fields.schoolIds.length) {
    const known = await repo.units(fields.schoolIds)
    const missing = fields.schoolIds.findIndex((s) => known.get(s)?.kind !== 'school')
    if (missing >= 0) throw invalid(`schoolIds.${missing}`, '所选学校不存在，请刷新后重新选择')
  }
  const schoolIds = fields.audience === 'students' ? fields.schoolIds : []
  const at = deps.clock.now().toISOString()
  let quiz: Quiz
  if (id) {
    const current = await repo.quiz(id)
    // Papers already drawn keep their questions and graded ones their verdict: changing the draw or the pass mark
    // mid-way would make results incomparable (and 知晓率 count two marks at once).
    const redraw = drawOf(current.quotas) !== drawOf(fields.quotas)
    const graded = (redraw || fields.passMark !== current.passMark) && (await repo.anyGraded(id))
    if (graded && redraw) throw invalid('quotas', '已有人交卷，不能再修改抽题规则')
    if (graded) throw invalid('passMark', `已有人交卷，及格分不能再改（现为 ${current.passMark} 分）`)
    const pool = redraw || !current.pool ? await drawPool(deps.store, fields.quotas) : current.pool
    await repo.setQuiz(id, { ...fields, pool, schoolIds, updatedAt: at })
    // a close brought forward closes the papers still being answered with it, before answers are shown to all
    if (fields.closesAt < current.closesAt) await repo.closeOpenBy(id, fields.closesAt)
    quiz = { ...current, ...fields, pool, schoolIds, updatedAt: at }
  } else {
    const _id = createdId('z', ctx)
    quiz = { _id, requestId: ctx.requestId!, ...fields, pool: await drawPool(deps.store, fields.quotas), schoolIds, createdBy: caller._id, createdAt: at, updatedAt: at }
    if (!(await repo.addQuiz(quiz))) quiz = await repo.quiz(quiz._id)
  }
  return summaryOf(deps, quiz)
}

/** A draw's rule as text: the store may give an object's keys back in another order. */
const drawOf = (quotas: QuizInput['quotas']) => quotas.map((q) => `${q.point}:${q.count}`).join('|')

export async function saveUnit(input: { id?: string; kind: Unit['kind']; name: string; classes: string[]; members: number | null }, { deps }: ActionContext): Promise<UnitView> {
  const { id, ...fields } = input
  const classes = fields.kind === 'school' ? fields.classes : []
  const repo = quizRepository(deps.store)
  const twin = await repo.unitNamed(fields.kind, fields.name)
  if (twin && twin._id !== id) throw invalid('name', `已有同名的${fields.kind === 'school' ? '学校' : '社区'}`)
  if (id) {
    const current = await repo.unit(id)
    if (!current) throw notFound('该学校或社区')
    if (current.kind !== fields.kind) throw invalid('kind', '学校和社区不能互相转换')
    await repo.setUnit(id, { ...fields, classes })
    return toUnitView({ ...current, ...fields, classes })
  }
  const unit: Unit = { _id: deps.ids.next(), ...fields, classes, createdAt: deps.clock.now().toISOString() }
  return toUnitView(await repo.insertUnit(unit))
}

// no 0/O or 1/I/L, which a teacher reading the code aloud or a student typing it would confuse
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const newCode = () => [...randomBytes(6)].map((b) => CODE_LETTERS[b % CODE_LETTERS.length]).join('')

/** Each class's invitation code, made the first time the office asks and kept: teachers hand them to their class. */
export async function classCodes(input: { schoolId: string }, { deps }: ActionContext): Promise<Record<string, string>> {
  const repo = quizRepository(deps.store)
  const school = await repo.school(input.schoolId)
  if (!school) throw notFound('该学校')
  const codes = Object.fromEntries(school.classes.map((c) => [c, school.codes?.[c] ?? newCode()]))
  const made = school.classes.filter((c) => !school.codes?.[c])
  if (made.length) await repo.setUnit(school._id, { codes: { ...school.codes, ...codes } })
  return codes
}

// ---------------------------------------------------------------- figures

const summaryOf = async (deps: Deps, quiz: Quiz) => toSummary(quiz, (await quizRepository(deps.store).totals([quiz._id])).get(quiz._id) ?? null, deps.clock.now())

const ratio = (a: number, b: number) => (b ? a / b : null)

function rateRow(t: QuizTally, name: string, members: number | null): RateRow {
  return { key: t.key, name, participants: t.participants, passed: t.passed, rate: ratio(t.passed, t.participants), average: t.participants ? Math.round((t.scoreSum / t.participants) * 10) / 10 : null, participation: members ? t.participants / members : null }
}

/** Ranked by average score, then participation: a big school does not come first by size alone. */
const byAverage = (a: RateRow, b: RateRow) => (b.average ?? -1) - (a.average ?? -1) || (b.participation ?? -1) - (a.participation ?? -1) || b.participants - a.participants

/**
 * The tallies with the answers tally opened into one per question and per knowledge point, added to those kept
 * one a document before gradings wrote them together.
 */
function withAnswers(tallies: QuizTally[]): QuizTally[] {
  const rows = new Map<string, QuizTally>()
  const count = (t: QuizTally) => {
    const id = tallyId(t.quizId, t.scope, t.key)
    const held = rows.get(id)
    rows.set(id, held ? { ...held, answered: held.answered + t.answered, right: held.right + t.right } : t)
  }
  const open = ({ quizId }: QuizTally, scope: 'question' | 'point', counts: QuizTally['questions'] = {}) => {
    for (const [key, c] of Object.entries(counts)) count({ _id: '', quizId, scope, key: fromFieldKey(key), participants: 0, passed: 0, scoreSum: 0, answered: c.answered, right: c.right })
  }
  for (const t of tallies) {
    if (t.scope !== 'answers') count(t)
    open(t, 'question', t.questions)
    open(t, 'point', t.points)
  }
  return [...rows.values()]
}

/** 知晓率 of one campaign quiz, from the running tallies: overall, per knowledge point and question, per school, class and community. */
export async function awareness(input: { quizId: string }, { deps }: ActionContext): Promise<Awareness> {
  const repo = quizRepository(deps.store)
  const quiz = await repo.quiz(input.quizId)
  const all = withAnswers(await repo.tallies(quiz._id))
  const of = (scope: QuizTally['scope']) => all.filter((t) => t.scope === scope)
  const total = of('all')[0] ?? null
  const classTallies = of('class')
  const named = await repo.units([...of('school'), ...of('unconfirmed'), ...of('community')].map((t) => t.key).concat(classTallies.map((t) => t.key.split('/')[0])))
  const found = await repo.questions(of('question').map((t) => t.key))
  const questionRates: QuestionRate[] = of('question')
    .filter((t) => found.has(t.key))
    .map((t) => ({ questionId: t.key, stem: found.get(t.key)!.stem, point: found.get(t.key)!.point, answered: t.answered, right: t.right, rate: ratio(t.right, t.answered) }))
    .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || b.answered - a.answered)
  const unitRows = (scope: 'school' | 'community' | 'unconfirmed') => of(scope).map((t) => rateRow(t, named.get(t.key)?.name ?? '已删除', named.get(t.key)?.members ?? null)).sort(byAverage)
  return {
    quiz: toSummary(quiz, total, deps.clock.now()),
    participants: total?.participants ?? 0,
    passed: total?.passed ?? 0,
    rate: total ? ratio(total.passed, total.participants) : null,
    average: total?.participants ? Math.round((total.scoreSum / total.participants) * 10) / 10 : null,
    points: of('point')
      .map((t) => ({ point: t.key, answered: t.answered, right: t.right, rate: ratio(t.right, t.answered) }))
      .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1)),
    questions: questionRates,
    mostMissed: questionRates.filter((q) => q.answered > 0 && q.right < q.answered).slice(0, 10),
    schools: unitRows('school'),
    classes: classTallies
      .map((t) => {
        const [schoolId, className] = t.key.split('/')
        return { ...rateRow(t, className, null), schoolName: named.get(schoolId)?.name ?? '已删除' }
      })
      .sort(byAverage),
    communities: unitRows('community'),
    unconfirmed: unitRows('unconfirmed')
  }
}

/** People by best score, then by less time: nicknames only. */
export async function board(input: { page: number; pageSize: number; quizId: string }, { deps }: ActionContext): Promise<Page<BoardRow>> {
  const repo = quizRepository(deps.store)
  await repo.quiz(input.quizId)
  const skip = (input.page - 1) * input.pageSize
  const { found, total } = await repo.board(input.quizId, skip, input.pageSize)
  const named = await repo.units(found.flatMap((b) => [b.schoolId, b.communityId]))
  const unitOf = (schoolId: string | null, className: string | null, communityId: string | null) =>
    schoolId && named.has(schoolId) ? `${named.get(schoolId)!.name}${className ? ` ${className}` : ''}` : communityId && named.has(communityId) ? named.get(communityId)!.name : null
  return {
    items: found.map((b, i) => ({ rank: skip + i + 1, nickname: b.nickname, unit: unitOf(b.schoolId, b.className, b.communityId), score: b.score, seconds: b.seconds, passed: b.passed })),
    total,
    page: input.page,
    pageSize: input.pageSize
  }
}

const percent = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`)

export async function exportAwareness(input: { quizId: string }, ctx: ActionContext): Promise<{ fileId: string; url: string }> {
  const a = await awareness(input, ctx)
  if (!a.participants) throw conflict('还没有人交卷，暂无可导出的数据')
  const book = new Workbook()
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], widths: number[]) => {
    const s = book.addWorksheet(name)
    s.addRow(header).font = { bold: true }
    rows.forEach((r) => s.addRow(r.map((v) => v ?? '')))
    s.columns.forEach((c, i) => (c.width = widths[i] ?? 12))
  }
  sheet('总体', ['答题活动', '参与人数', '通过人数', '知晓率', '平均分'], [[a.quiz.title, a.participants, a.passed, percent(a.rate), a.average]], [30, 10, 10, 10, 10])
  sheet('知识点', ['知识点', '作答次数', '答对次数', '正确率'], a.points.map((p) => [p.point, p.answered, p.right, percent(p.rate)]), [20, 10, 10, 10])
  sheet('题目', ['题干', '知识点', '作答次数', '答对次数', '正确率'], a.questions.map((q) => [q.stem, q.point, q.answered, q.right, percent(q.rate)]), [60, 16, 10, 10, 10])
  const unitRows = (rows: RateRow[]) => rows.map((r) => [r.name, r.participants, r.passed, percent(r.rate), r.average, percent(r.participation)])
  sheet('学校', ['学校', '参与人数', '通过人数', '知晓率', '平均分', '参与率'], unitRows(a.schools), [24, 10, 10, 10, 10, 10])
  sheet('班级', ['学校', '班级', '参与人数', '通过人数', '知晓率', '平均分'], a.classes.map((r) => [r.schoolName, r.name, r.participants, r.passed, percent(r.rate), r.average]), [24, 14, 10, 10, 10, 10])
  sheet('社区', ['社区', '参与人数', '通过人数', '知晓率', '平均分', '参与率'], unitRows(a.communities), [24, 10, 10, 10, 10, 10])
  sheet('未核实学生', ['学校', '参与人数', '通过人数', '知晓率', '平均分'], a.unconfirmed.map((r) => [r.name, r.participants, r.passed, percent(r.rate), r.average]), [24, 10, 10, 10, 10])
  return saveExport(ctx, Buffer.from(await book.xlsx.writeBuffer()), `${a.quiz.title}-知晓率.xlsx`)
}

