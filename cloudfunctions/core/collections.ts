import type { Category, Counter, Department, OutboxMessage, User } from '../../types/domain'
import type { Store } from './ports'

/** Typed handles on the collections, named in one place. */
export const users = (store: Store) => store.collection<User>('users')
export const departments = (store: Store) => store.collection<Department>('departments')
export const categories = (store: Store) => store.collection<Category>('categories')
export const counters = (store: Store) => store.collection<Counter>('counters')
export const outbox = (store: Store) => store.collection<OutboxMessage>('outbox')

/** Indexes each collection needs; the local store builds them, CloudBase gets them from the README's list. */
export const INDEXES: Record<string, { fields: string[]; unique?: boolean }[]> = {
  users: [{ fields: ['roles'] }, { fields: ['createdAt'] }],
  categories: [{ fields: ['parentId'] }],
  outbox: [{ fields: ['userId'] }, { fields: ['createdAt'] }]
}
