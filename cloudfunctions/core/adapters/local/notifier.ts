import type { OutboxMessage } from '../../../../types/domain'
import { outbox } from '../../collections'
import type { Clock, Ids, Notifier, Store } from '../../ports'

/** Writes a notice to the outbox, the user's in-app message list; locally that is all a notice does. */
export function createOutboxNotifier(store: Store, ids: Ids, clock: Clock): Notifier {
  return {
    async notify({ userId, template, title, body, page }) {
      const message: OutboxMessage = { _id: ids.next(), userId, template, title, body, createdAt: clock.now().toISOString(), ...(page ? { page } : {}) }
      await outbox(store).insert(message)
    }
  }
}
