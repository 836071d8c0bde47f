import type * as sdk from 'wx-server-sdk'
import type { Logger, Notifier } from '../../ports'

export type CloudOpenApi = Pick<typeof sdk, 'openapi'>

interface SubscribeMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState: 'developer' | 'trial' | 'formal'
}

// a template's `thing` field takes at most 20 characters
const THING_LENGTH = 20

function thing(text: string) {
  const chars = Array.from(text)
  return { value: chars.length > THING_LENGTH ? `${chars.slice(0, THING_LENGTH - 1).join('')}…` : text }
}

/**
 * Every notice goes to the outbox (the user's message list); a notice whose template has a subscribe-message
 * template ID is also pushed to WeChat, which only delivers it if the user agreed to that template beforehand.
 */
export function createCloudNotifier(cloud: CloudOpenApi, inbox: Notifier, options: { templates: Record<string, string>; logger: Logger }): Notifier {
  const { templates, logger } = options
  const send: (message: SubscribeMessage) => Promise<unknown> = (message) => cloud.openapi.subscribeMessage.send(message)

  return {
    async notify(notice) {
      // a notice given before (a step taken again) was pushed then, if at all
      if (!(await inbox.notify(notice))) return false
      const { userId, openid, template, title, body, page } = notice

      const templateId = templates[template]
      if (!templateId) return true
      try {
        await send({ touser: openid, templateId, ...(page ? { page } : {}), data: { thing1: thing(title), thing2: thing(body) }, miniprogramState: 'formal' })
      } catch (error) {
        // most often 43101: the user has not agreed to (or has used up) this template; the outbox still has it
        const { errCode, errMsg, message: text } = error as { errCode?: number; errMsg?: string; message?: string }
        logger.error('subscribe message not sent', { userId, template, errCode, errMsg: errMsg ?? text })
      }
      return true
    }
  }
}
