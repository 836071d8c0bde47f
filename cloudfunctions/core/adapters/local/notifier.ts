import type { OutboxMessage } from '../../../../types/domain'
import { outbox } from '../../collections'
import { DuplicateKeyError, type Clock, type Ids, type Notifier, type Store } from '../../ports'

/** Writes a notice to the outbox, the user's in-app message list; locally that is all a notice does. */
export function createOutboxNotifier(store: Store, ids: Ids, clock: Clock): Notifier {
  return {
    async notify({ userId, template, title, body, page, key }) {
      const message: OutboxMessage = { _id: key ?? ids.next(), userId, template, title, body, createdAt: clock.now().toISOString(), ...(page ? { page } : {}) }
      try {
        await outbox(store).insert(message)
        return true
      } catch (error) {
        if (key && error instanceof DuplicateKeyError) return false
        throw error
      }
    }
  }
}
