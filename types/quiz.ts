/** 知识答题: the question bank, quizzes, attempts and the office's figures. */

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' }

/** The knowledge points the seeded bank covers; the admin may add others through import. */
export const KNOWLEDGE_POINTS = [
  '公共场所文明',
  '交通文明',
  '环境与垃圾分类',
  '文明养犬',
  '志愿服务',
  '社会主义核心价值观',
  '文明城市创建'
] as const

/** A question as written: what the seed and an import row both provide. */
export interface QuestionInput {
  kind: QuestionKind
  stem: string
  /** For judge questions exactly ['正确', '错误']. */
  options: string[]
  /** Indexes into `options`; one for single and judge, two or more for multiple. */
  answer: number[]
  explanation: string
  point: string
  /** Where the fact comes from, e.g. 《中华人民共和国道路交通安全法》第四十七条; null when it is general knowledge. */
  source: string | null
}

/** A question in the bank. `key` is the normalized stem, unique, so an import can spot duplicates. */
export interface Question extends QuestionInput {
  _id: string
  key: string
  /** Retired questions stay for the results that used them but are never drawn again. */
  active: boolean
  createdAt: string
  updatedAt: string
}

/** A school (with its classes) or a community: what students and residents bind to, and what rates are cut by. */
export interface Unit {
  _id: string
  kind: 'school' | 'community'
  name: string
  classes: string[]
  /** Enrolled students or registered residents, when the office knows it: gives a participation rate. */
  members: number | null
  /** The invitation code of each class, which its teacher hands out: a student who gives it is confirmed. Office only. */
  codes?: Record<string, string>
  createdAt: string
}

export const UNIT_KIND_LABELS: Record<Unit['kind'], string> = { school: '学校', community: '社区' }

/** What a person has bound, one per user (`_id` is the user id). */
export interface QuizProfile {
  _id: string
  schoolId: string | null
  className: string | null
  communityId: string | null
  /** The student gave the class's invitation code; without it a self-declared school is counted apart. */
  confirmed?: boolean
  updatedAt: string
}

export const AUDIENCES = ['everyone', 'residents', 'students'] as const
export type Audience = (typeof AUDIENCES)[number]
export const AUDIENCE_LABELS: Record<Audience, string> = { everyone: '所有人', residents: '已绑定社区的居民', students: '指定学校的学生' }

/**
 * When a campaign quiz shows answers and explanations, in results and the wrong-answer book: once it closes (the
 * default, so later attempts and the awareness rate stay honest), once the person has used every attempt, or at once.
 */
export const ANSWER_REVEALS = ['afterClose', 'afterLast', 'atOnce'] as const
export type AnswerReveal = (typeof ANSWER_REVEALS)[number]
export const ANSWER_REVEAL_LABELS: Record<AnswerReveal, string> = { afterClose: '答题结束后公布', afterLast: '用完答题次数后公布', atOnce: '交卷后立即公布' }

export interface QuizInput {
  title: string
  description: string
  opensAt: string
  closesAt: string
  /** How many questions to draw at random from each knowledge point. */
  quotas: { point: string; count: number }[]
  timeLimitMinutes: number
  attemptsAllowed: number
  /** Out of 100. */
  passMark: number
  audience: Audience
  /** For `students`: the schools whose students may take it. */
  schoolIds: string[]
  /** Absent on quizzes saved before it existed: afterClose. */
  reveal?: AnswerReveal
}

/** A campaign quiz the office configures. */
export interface Quiz extends QuizInput {
  _id: string
  /**
   * The questions its papers are drawn from: per knowledge point, a few times its quota at random, chosen when the
   * draw is set. Withheld from practice until the quiz closes, so practice never gives away a live paper's answers.
   * Quizzes saved before pools existed have none: they draw from, and withhold, their knowledge points whole.
   */
  pool?: string[]
  requestId: string
  createdBy: string
  createdAt: string
  updatedAt: string
}

export type AttemptKind = 'campaign' | 'practice' | 'wrong'

/** One question of an attempt: options in the order this attempt shows them (indexes into the question's). */
export interface AttemptItem {
  questionId: string
  order: number[]
  /** The chosen options as indexes into the question's own options; null until answered. */
  choice: number[] | null
  correct: boolean | null
}

/** A paper built on the server. Grading happens here only, on what `items` held at the deadline. */
export interface Attempt {
  _id: string
  kind: AttemptKind
  quizId: string | null
  userId: string
  items: AttemptItem[]
  startedAt: string
  /** Null for practice, which has no time limit. */
  deadline: string | null
  status: 'open' | 'graded'
  submittedAt: string | null
  /** How it ended: the person submitted, or the deadline passed. */
  endedBy: 'submit' | 'deadline' | null
  score: number | null
  correct: number | null
  passed: boolean | null
  /** Seconds from start to the end of the attempt. */
  seconds: number | null
  /** Minutes the office added to this attempt's time limit (quiz.grantTime); absent when none. */
  extraMinutes?: number
  history: { at: string; from: string; to: string; note?: string }[]
}

/** Why the office gives a person more time: a 长辈, or the person asked. */
export const EXTRA_TIME_REASONS = ['elder', 'request'] as const
export type ExtraTimeReason = (typeof EXTRA_TIME_REASONS)[number]
export const EXTRA_TIME_REASON_LABELS: Record<ExtraTimeReason, string> = { elder: '长辈', request: '申请' }
/** The extra minutes one grant may give. */
export const EXTRA_MINUTES = { min: 1, max: 60 } as const

/**
 * Extra time the office granted one person for one quiz (`<quizId>:<userId>`): their paper being answered and
 * every later one get `minutes` more. A new grant replaces the minutes; the history keeps each.
 */
export interface TimeGrant {
  _id: string
  quizId: string
  userId: string
  minutes: number
  reason: ExtraTimeReason
  by: string
  at: string
  history: { at: string; by: string; minutes: number; reason: ExtraTimeReason }[]
}

/** Right answers in a row, in practice, that take a question out of the wrong-answer book. */
export const MASTERED_AFTER = 2

/** A question the person missed and is practising until answered right twice in a row. */
export interface WrongEntry {
  /** `<userId>:<questionId>` */
  _id: string
  userId: string
  questionId: string
  misses: number
  /** Right answers since the last miss; at 2 the question leaves the book. */
  streak: number
  lastMissedAt: string
  mastered: boolean
  /** When its answer may be shown (a campaign quiz may withhold it); absent on entries older than the rule: shown. */
  shownAt?: string
  /** The campaign quiz that withholds it, so using the last attempt can reveal it. */
  quizId?: string | null
  /** Its options in the order the person last saw them, so the book's letters match; absent on older entries: the question's own. */
  order?: number[]
  /** The graded attempt that missed it last, so its grading counts the miss once however often it is finished. */
  missedIn?: string
}

/** Per quiz, per person: the best graded attempt, for leaderboards (`<quizId>:<userId>`). */
export interface QuizBest {
  _id: string
  quizId: string
  userId: string
  nickname: string
  schoolId: string | null
  className: string | null
  communityId: string | null
  confirmed?: boolean
  score: number
  seconds: number
  passed: boolean
  attempts: number
  at: string
}

/**
 * Running tallies per quiz (`<quizId>:<scope>:<key>`), kept as attempts are graded, so the office's figures
 * never count the attempts themselves. scope: all | point | question | school | class | community.
 */
export interface QuizTally {
  _id: string
  quizId: string
  scope: 'all' | 'point' | 'question' | 'answers' | 'school' | 'class' | 'community' | 'unconfirmed'
  key: string
  /** People with at least one graded attempt, and of them those who passed. */
  participants: number
  passed: number
  /** Sum of participants' best scores: average = scoreSum / participants. */
  scoreSum: number
  /** Answers given and answers right (question and point scopes). */
  answered: number
  right: number
  /**
   * The answers scope (one per quiz, key ''): answers given and right per question id and per knowledge point
   * (its name escaped by `fieldKey`), so a grading adds to all it touched in one write.
   */
  questions?: Record<string, AnswerCounts>
  points?: Record<string, AnswerCounts>
}

export interface AnswerCounts {
  answered: number
  right: number
}

// ---------------------------------------------------------------- views

/** A question as a paper shows it before submission: no answer, no explanation, options in attempt order. */
export interface PaperQuestion {
  index: number
  kind: QuestionKind
  stem: string
  point: string
  options: string[]
  /** The saved choice, as indexes into `options` above. */
  choice: number[] | null
  /** Practice only: set once the person checked this question. */
  feedback: Feedback | null
}

export interface Feedback {
  correct: boolean
  /** Right options as indexes into the paper's options. */
  answer: number[]
  explanation: string
  source: string | null
}

export interface Paper {
  attemptId: string
  kind: AttemptKind
  title: string
  questions: PaperQuestion[]
  startedAt: string
  deadline: string | null
  /** The server's clock when answering, so the countdown does not trust the phone's. */
  now: string
  status: Attempt['status']
  passMark: number | null
  /** Minutes the office added to this paper's time; 0 when none. */
  extraMinutes: number
}

export interface ResultQuestion {
  index: number
  kind: QuestionKind
  stem: string
  point: string
  options: string[]
  choice: number[] | null
  answer: number[]
  correct: boolean
  explanation: string
  source: string | null
}

export interface AttemptResult {
  attemptId: string
  kind: AttemptKind
  /** The campaign quiz, so the result can offer another attempt; null for practice. */
  quizId: string | null
  title: string
  score: number
  correct: number
  total: number
  passed: boolean | null
  passMark: number | null
  seconds: number
  endedBy: 'submit' | 'deadline'
  submittedAt: string
  /** Empty while the quiz withholds its answers. */
  questions: ResultQuestion[]
  /** Why, and until when, the quiz withholds the questions with their answers; null once they show. */
  withheld: string | null
  /** Campaign quizzes: attempts left after this one. */
  attemptsLeft: number | null
}

export interface ProfileView {
  school: { id: string; name: string } | null
  className: string | null
  community: { id: string; name: string } | null
  /** The class was confirmed with its invitation code. */
  confirmed: boolean
}

export interface QuizCard {
  id: string
  title: string
  description: string
  opensAt: string
  closesAt: string
  questionCount: number
  timeLimitMinutes: number
  passMark: number
  attemptsAllowed: number
  attemptsUsed: number
  audience: Audience
  /** open: can be taken now; upcoming / closed by the window; not-eligible: the audience excludes the caller. */
  state: 'open' | 'upcoming' | 'closed' | 'not-eligible'
  /** Why the caller cannot take it, in Chinese, when state is not-eligible. */
  reason: string | null
  best: { score: number; passed: boolean } | null
  /** An attempt in progress, to resume. */
  openAttemptId: string | null
  lastAttemptId: string | null
}

export interface QuizHome {
  profile: ProfileView
  quizzes: QuizCard[]
  wrongCount: number
  practiced: number
}

/** A question of the book with its options as the person last saw them; `answer` indexes into those. */
export interface WrongItem {
  questionId: string
  kind: QuestionKind
  stem: string
  point: string
  options: string[]
  answer: number[]
  explanation: string
  source: string | null
  misses: number
  streak: number
  lastMissedAt: string
}

export interface QuestionView extends QuestionInput {
  id: string
  active: boolean
  updatedAt: string
}

export interface ImportRow {
  /** The spreadsheet's row number, as the admin sees it (header is row 1). */
  row: number
  status: 'valid' | 'invalid' | 'duplicate'
  errors: { field: string; message: string }[]
  question: QuestionInput | null
}

export interface ImportPreview {
  rows: ImportRow[]
  valid: number
  invalid: number
  duplicate: number
}

export interface QuizSummary extends QuizInput {
  id: string
  questionCount: number
  participants: number
  passRate: number | null
  state: 'open' | 'upcoming' | 'closed'
}

export interface RateRow {
  key: string
  name: string
  participants: number
  passed: number
  /** passed / participants, 0–1; null with no participants. */
  rate: number | null
  average: number | null
  /** participants / members when the unit's size is known. */
  participation: number | null
}

export interface QuestionRate {
  questionId: string
  stem: string
  point: string
  answered: number
  right: number
  rate: number | null
}

export interface Awareness {
  quiz: QuizSummary
  participants: number
  passed: number
  rate: number | null
  average: number | null
  points: { point: string; answered: number; right: number; rate: number | null }[]
  questions: QuestionRate[]
  mostMissed: QuestionRate[]
  schools: RateRow[]
  classes: (RateRow & { schoolName: string })[]
  communities: RateRow[]
  /** Per school, students who bound it without their class's invitation code: counted apart from the school's figures. */
  unconfirmed: RateRow[]
}

/** A person as the office finds them to grant extra time for a quiz: who, where bound, their grant and paper. */
export interface QuizPerson {
  userId: string
  nickname: string
  /** School and class, or community, when bound. */
  unit: string | null
  grant: { minutes: number; reason: ExtraTimeReason; at: string } | null
  /** The deadline of their paper being answered, if any. */
  openDeadline: string | null
}

export interface BoardRow {
  rank: number
  nickname: string
  unit: string | null
  score: number
  seconds: number
  passed: boolean
}
