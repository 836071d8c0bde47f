import type { InboxMessage, Page } from '../../types/api'
import type { ActionContext } from '../core/action'
import { userRepository } from './repository'

type Paging = { page: number; pageSize: number }

export async function inbox(input: Paging, { caller, deps }: ActionContext): Promise<Page<InboxMessage> & { unread: number }> {
  const repo = userRepository(deps.store)
  const [{ items: list, total }, unread] = await Promise.all([repo.inbox(caller._id, input.page, input.pageSize), repo.unread(caller._id)])
  const items = list.map((m) => ({ id: m._id, title: m.title, body: m.body, page: m.page ?? null, createdAt: m.createdAt, read: !!m.readAt }))
  return { items, total, page: input.page, pageSize: input.pageSize, unread }
}

export async function markRead(input: { ids?: string[] }, { caller, deps }: ActionContext) {
  const repo = userRepository(deps.store)
  await repo.markRead(caller._id, input.ids, deps.clock.now().toISOString())
  return { unread: await repo.unread(caller._id) }
}

export async function pointsLedger(input: Paging, { caller, deps }: ActionContext) {
  const { items: list, total } = await userRepository(deps.store).points(caller._id, input.page, input.pageSize)
  const items = list.map((p) => ({ points: p.points, reason: p.reason, at: p.at, reportId: p.reportId ?? null }))
  return { items, total, page: input.page, pageSize: input.pageSize, balance: caller.points ?? 0 }
}
