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
