import type * as sdk from 'wx-server-sdk'
import type { Logger, Moderation, Verdict } from '../../ports'

export type CloudOpenApi = Pick<typeof sdk, 'openapi'>

interface SecCheckAnswer {
  result?: { suggest?: string; label?: number }
  detail?: { keyword?: string }[]
}

type MsgSecCheck = (params: { content: string; version: 2; scene: number; openid: string }) => Promise<SecCheckAnswer>

const SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const
const VERDICTS: readonly Verdict[] = ['pass', 'review', 'risky']
const isVerdict = (value: unknown): value is Verdict => VERDICTS.includes(value as Verdict)

/** Text checks through WeChat's msgSecCheck v2. When the check itself fails the text is held for review, never passed. */
export function createCloudModeration(cloud: CloudOpenApi, logger: Logger): Moderation {
  const msgSecCheck: MsgSecCheck = (params) => cloud.openapi.security.msgSecCheck(params)

  return {
    async checkText(text, { openid, scene }) {
      try {
        const { result, detail = [] } = await msgSecCheck({ content: text, version: 2, scene: SCENES[scene], openid })
        const verdict = result?.suggest
        if (!isVerdict(verdict)) throw new Error(`unexpected suggest: ${verdict}`)
        const hits = [...new Set(detail.flatMap(({ keyword }) => (keyword ? [keyword] : [])))]
        return { verdict, hits }
      } catch (error) {
        const { errCode, errMsg, message } = error as { errCode?: number; errMsg?: string; message?: string }
        logger.error('msgSecCheck failed; holding the text for review', { scene, errCode, errMsg: errMsg ?? message })
        return { verdict: 'review', hits: [] }
      }
    }
  }
}
