import type { HistoryEntry, PublicText, Role, User } from '../../types/domain'
import { departments, outbox, points, users, volunteers } from '../core/collections'
import { phoneMatch } from '../core/phone-search'
import { containing } from '../core/search'
import { notFound } from '../core/errors'
import { findAll } from '../core/pages'
import type { Store } from '../core/ports'

const PHONE_MATCHES = 100

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
    /** Conditional on the roles read before, so two admins editing at once cannot silently overwrite each other. */
    async setRoles(user: User, roles: Role[], departmentId: string | undefined, entry: HistoryEntry) {
      const update = departmentId
        ? { $set: { roles, departmentId, updatedAt: entry.at }, $push: { history: entry } }
        : { $set: { roles, updatedAt: entry.at }, $unset: { departmentId: true as const }, $push: { history: entry } }
      return users(store).update({ _id: user._id, updatedAt: user.updatedAt }, update)
    },
    /** Volunteers whose phone matches; a phone's last four digits match a few of a city's 200,000. */
    async idsByPhone(word: string) {
      return (await volunteers(store).find({ phone: phoneMatch(word) }, { projection: { _id: 1 }, limit: PHONE_MATCHES })).map((v) => v._id)
    },
    /** Users by a registered volunteer's whole phone number. */
    async usersByPhone(phones: string[]) {
      const found = phones.length ? await findAll(volunteers(store), { phone: { $in: [...new Set(phones)] } }) : []
      const people = new Map((found.length ? await findAll(users(store), { _id: { $in: found.map((v) => v._id) } }) : []).map((u) => [u._id, u]))
      const out = new Map<string, User[]>()
      for (const v of found) if (people.has(v._id)) out.set(v.phone, [...(out.get(v.phone) ?? []), people.get(v._id)!])
      return out
    },
    /** Users by exact nickname; a nickname two people share answers both. */
    async usersByNickname(nicknames: string[]) {
      const found = nicknames.length ? await findAll(users(store), { nickname: { $in: [...new Set(nicknames)] } }) : []
      const out = new Map<string, User[]>()
      for (const u of found) out.set(u.nickname, [...(out.get(u.nickname) ?? []), u])
      return out
    },
    departments: () => departments(store).find({}, { sort: { order: 1 }, limit: 1000 }),
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
    /** Removes the notices filed before the cutoff; answers how many. */
    pruneInbox: (cutoff: string) => outbox(store).remove({ createdAt: { $lt: cutoff } }, { multi: true })
  }
}
