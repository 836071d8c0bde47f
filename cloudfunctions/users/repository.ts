import type { PublicText, Role, User } from '../../types/domain'
import { departments, outbox, points, users, volunteers } from '../core/collections'
import { phoneMatch } from '../core/phone-search'
import { containing } from '../core/search'
import { notFound } from '../core/errors'
import { MAX_READ, type Store } from '../core/ports'

const PHONE_MATCHES = 100


/** 50,000 notices a sweep at most: a backlog (the first sweep after an upgrade) is pruned over several. */
const PRUNE_BATCHES = 50

export function userRepository(store: Store) {
  return {
    async get(id: string) {
      const user = await users(store).findOne({ _id: id })
      if (!user) throw notFound('该用户')
      return user
    },
    async page(query: { role?: Role; nickname?: string; ids?: string[] }, page: number, pageSize: number) {
      const where = {
        ...(query.role ? { roles: query.role } : {}),
        ...(query.nickname ? { nickname: containing(query.nickname) } : {}),
        ...(query.ids ? { _id: { $in: query.ids } } : {})
      }
      const [items, total] = await Promise.all([
        users(store).find(where, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
        users(store).count(where)
      ])
      return { items, total }
    },
    /** Volunteers whose phone matches; a phone's last four digits match a few of a city's 200,000. */
    async idsByPhone(word: string) {
      return (await volunteers(store).find({ phone: phoneMatch(word) }, { projection: { _id: 1 }, limit: PHONE_MATCHES })).map((v) => v._id)
    },
    async rename(user: User, nickname: PublicText, at: string) {
      await users(store).update({ _id: user._id }, { $set: { nickname, updatedAt: at } })
    },
    async departmentsById(ids: (string | undefined)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => !!id))]
      const found = wanted.length ? await departments(store).find({ _id: { $in: wanted } }, { limit: wanted.length }) : []
      return new Map(found.map((d) => [d._id, d]))
    },
    async inbox(userId: string, page: number, pageSize: number) {
      const mine = { userId }
      const [items, total] = await Promise.all([
        outbox(store).find(mine, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
        outbox(store).count(mine)
      ])
      return { items, total }
    },
    unread: (userId: string) => outbox(store).count({ userId, readAt: { $exists: false } }),
    /** Marks the user's unread notices read, all of them or those named. */
    async markRead(userId: string, ids: string[] | undefined, at: string) {
      const mine = { userId, readAt: { $exists: false }, ...(ids ? { _id: { $in: ids } } : {}) }
      await outbox(store).update(mine, { $set: { readAt: at } }, { multi: true })
    },
    async points(userId: string, page: number, pageSize: number) {
      const mine = { userId }
      const [items, total] = await Promise.all([
        points(store).find(mine, { sort: { at: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
        points(store).count(mine)
      ])
      return { items, total }
    },
    /**
     * Removes the notices filed before the cutoff, oldest first, a batch a statement so other requests go on
     * between them (one statement over a year's notices held the embedded store for half a minute); at most
     * PRUNE_BATCHES batches a sweep, the rest the next. Answers how many.
     */
    async pruneInbox(cutoff: string) {
      let pruned = 0
      for (let batch = 0; batch < PRUNE_BATCHES; batch++) {
        const old = await outbox(store).find({ createdAt: { $lt: cutoff } }, { sort: { createdAt: 1 }, limit: MAX_READ, projection: { _id: 1 } })
        if (!old.length) break
        pruned += await outbox(store).remove({ _id: { $in: old.map((n) => n._id) } }, { multi: true })
      }
      return pruned
    }
  }
}
