import type { Category, Counter, Department, Grid, Holidays, OutboxMessage, PointsEntry, RejectReasons, Report, User } from '../../types/domain'
import type { Store } from './ports'

/** Typed handles on the collections, named in one place. */
export const users = (store: Store) => store.collection<User>('users')
export const departments = (store: Store) => store.collection<Department>('departments')
export const categories = (store: Store) => store.collection<Category>('categories')
export const counters = (store: Store) => store.collection<Counter>('counters')
export const outbox = (store: Store) => store.collection<OutboxMessage>('outbox')
export const reports = (store: Store) => store.collection<Report & { hoursToFix?: number }>('reports')
export const grids = (store: Store) => store.collection<Grid>('grids')
export const points = (store: Store) => store.collection<PointsEntry>('points')
export const settings = (store: Store) => store.collection<Holidays | RejectReasons>('settings')
/** Per person per day submission counts, for the rate limit: `<userId>:<YYYY-MM-DD>`. */
export const quotas = (store: Store) => store.collection<{ _id: string; count: number }>('quotas')

/** Indexes each collection needs; the local store builds them, CloudBase gets them from the README's list. */
export const INDEXES: Record<string, { fields: string[]; unique?: boolean }[]> = {
  users: [{ fields: ['roles'] }, { fields: ['createdAt'] }],
  categories: [{ fields: ['parentId'] }],
  outbox: [{ fields: ['userId'] }, { fields: ['createdAt'] }],
  reports: [
    { fields: ['status'] },
    { fields: ['reporterId'] },
    { fields: ['followers'] },
    { fields: ['departmentId'] },
    { fields: ['categoryId'] },
    { fields: ['createdAt'] },
    { fields: ['deadline'] },
    { fields: ['overdue'] },
    { fields: ['location.lat'] }
  ],
  points: [{ fields: ['userId'] }]
}
