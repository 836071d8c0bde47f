/** Domain types shared by the mini-program and the cloud functions. Dates travel as ISO 8601 strings. */

export const ROLES = ['resident', 'volunteer', 'student', 'handler', 'organizer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '市民',
  volunteer: '志愿者',
  student: '学生',
  handler: '责任单位办理人',
  organizer: '活动组织者',
  admin: '创文办管理员'
}

/** Appended on every change of a record's state; never rewritten. */
export interface HistoryEntry {
  at: string
  by: string
  role: Role | 'system'
  from: string | null
  to: string
  note?: string
}

export interface User {
  _id: string
  openid: string
  nickname: string
  roles: Role[]
  departmentId?: string
  createdAt: string
  updatedAt: string
  history: HistoryEntry[]
}

export interface Department {
  _id: string
  name: string
  /** Short label for dense staff tables. */
  short: string
  order: number
}

/** Two-level taxonomy: a group (市容环境) holds kinds (小广告"牛皮癣"). */
export interface Category {
  _id: string
  name: string
  parentId: string | null
  order: number
  /** Only for kinds: who handles it by default and in how many working days. */
  departmentId?: string
  deadlineDays?: number
}

export interface Counter {
  _id: CounterKey
  value: number
}

/** Counters kept up to date by the use cases, so dashboards never count whole collections. */
export const COUNTER_KEYS = ['users', 'reports', 'reportsOpen', 'reportsClosed', 'activities', 'volunteers', 'quizzes', 'quizAttempts'] as const
export type CounterKey = (typeof COUNTER_KEYS)[number]

export interface OutboxMessage {
  _id: string
  userId: string
  template: string
  title: string
  body: string
  page?: string
  createdAt: string
  readAt?: string
}

/** The identities the local runtime seeds; the H5 build lets you switch between them. */
export const DEMO_IDENTITIES = [
  { openid: 'demo-resident', nickname: '王阿姨', roles: ['resident'] },
  { openid: 'demo-volunteer', nickname: '李志愿', roles: ['resident', 'volunteer'] },
  { openid: 'demo-student', nickname: '张同学', roles: ['resident', 'student'] },
  { openid: 'demo-handler', nickname: '赵科长', roles: ['resident', 'handler'], departmentId: 'dept-cg' },
  { openid: 'demo-organizer', nickname: '陈组织', roles: ['resident', 'organizer'] },
  { openid: 'demo-admin', nickname: '创文办刘主任', roles: ['resident', 'admin'] }
] as const satisfies readonly { openid: string; nickname: string; roles: readonly Role[]; departmentId?: string }[]

export type DemoOpenid = (typeof DEMO_IDENTITIES)[number]['openid']
