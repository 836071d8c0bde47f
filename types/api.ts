import type { CounterKey, Department, Role } from './domain'

/** One page of a list. `page` is 1-based. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageQuery {
  page?: number
  pageSize?: number
}

export interface DepartmentRef {
  id: string
  name: string
}

/** What a caller learns about themselves. */
export interface Me {
  id: string
  nickname: string
  roles: Role[]
  department: DepartmentRef | null
  joinedAt: string
}

/** What staff see about another user: never the openid, phone or real name. */
export interface UserSummary {
  id: string
  nickname: string
  roles: Role[]
  department: DepartmentRef | null
  joinedAt: string
}

export interface CategoryKind {
  id: string
  name: string
  department: DepartmentRef | null
  deadlineDays: number
}

export interface CategoryGroup {
  id: string
  name: string
  kinds: CategoryKind[]
}

export interface Overview {
  counts: Record<CounterKey, number>
  departments: number
  categoryGroups: { id: string; name: string; kinds: number }[]
  generatedAt: string
}

/**
 * Every action of every cloud function: its payload and its answer.
 * The api client and the function routers are both typed from this map.
 */
export interface Api {
  users: {
    me: { req: Record<string, never>; res: Me }
    updateProfile: { req: { nickname: string }; res: Me }
    list: { req: PageQuery & { role?: Role }; res: Page<UserSummary> }
    grantRole: { req: { userId: string; role: Role; departmentId?: string }; res: UserSummary }
    revokeRole: { req: { userId: string; role: Role }; res: UserSummary }
  }
  campaign: {
    overview: { req: Record<string, never>; res: Overview }
    categories: { req: Record<string, never>; res: CategoryGroup[] }
    departments: { req: Record<string, never>; res: Department[] }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: unknown; res: unknown } ? Api[F][A] : never
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req']
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res']

/** The body of `POST /api/<function>` and the event a cloud function receives. */
export interface CallEvent<P = unknown> {
  action: string
  payload?: P
  requestId?: string
}
