import type { InboxMessage, Page } from '../../types/api'
import type { ActionContext } from '../core/action'
import { outbox, points } from '../core/collections'

type Paging = { page: number; pageSize: number }

export async function inbox(input: Paging, { caller, deps }: ActionContext): Promise<Page<InboxMessage> & { unread: number }> {
  const mine = { userId: caller._id }
  const [list, total, unread] = await Promise.all([
    outbox(deps.store).find(mine, { sort: { createdAt: -1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    outbox(deps.store).count(mine),
    outbox(deps.store).count({ ...mine, readAt: { $exists: false } })
  ])
  const items = list.map((m) => ({ id: m._id, title: m.title, body: m.body, page: m.page ?? null, createdAt: m.createdAt, read: !!m.readAt }))
  return { items, total, page: input.page, pageSize: input.pageSize, unread }
}

export async function markRead(input: { ids?: string[] }, { caller, deps }: ActionContext) {
  const mine = { userId: caller._id, readAt: { $exists: false }, ...(input.ids ? { _id: { $in: input.ids } } : {}) }
  await outbox(deps.store).update(mine, { $set: { readAt: deps.clock.now().toISOString() } }, { multi: true })
  return { unread: await outbox(deps.store).count({ userId: caller._id, readAt: { $exists: false } }) }
}

export async function pointsLedger(input: Paging, { caller, deps }: ActionContext) {
  const mine = { userId: caller._id }
  const [list, total] = await Promise.all([
    points(deps.store).find(mine, { sort: { at: -1 }, skip: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    points(deps.store).count(mine)
  ])
  const items = list.map((p) => ({ points: p.points, reason: p.reason, at: p.at, reportId: p.reportId ?? null }))
  return { items, total, page: input.page, pageSize: input.pageSize, balance: caller.points ?? 0 }
}
