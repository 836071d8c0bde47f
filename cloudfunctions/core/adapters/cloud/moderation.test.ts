import { createCloudModeration, type CloudOpenApi } from './moderation'

// msgSecCheck v2 answers, as wx-server-sdk hands them back (camelCased)
const answer = (suggest: string, detail: object[] = []) => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest, label: 100 }, detail, traceId: 't1' })

function setup() {
  const msgSecCheck = jest.fn(async (_params: unknown): Promise<object> => answer('pass'))
  const cloud: CloudOpenApi = { openapi: { security: { msgSecCheck } } }
  const logger = { info: jest.fn(), error: jest.fn() }
  return { msgSecCheck, logger, moderation: createCloudModeration(cloud, logger) }
}

describe('cloud moderation', () => {
  it.each([
    ['profile', 1],
    ['comment', 2],
    ['forum', 3],
    ['social', 4]
  ] as const)('when %s text is checked, then msgSecCheck v2 is asked with scene %i and the openid', async (scene, number) => {
    const { msgSecCheck, moderation } = setup()
    expect(await moderation.checkText('路口有积水', { openid: 'o-u1', scene })).toEqual({ verdict: 'pass', hits: [] })
    expect(msgSecCheck).toHaveBeenCalledWith({ content: '路口有积水', version: 2, scene: number, openid: 'o-u1' })
  })

  it('when the check finds risky words, then the verdict is risky and the keywords are the hits, once each', async () => {
    const { msgSecCheck, moderation } = setup()
    msgSecCheck.mockResolvedValue(
      answer('risky', [
        { strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20006 },
        { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: '博彩', level: 90 },
        { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: '博彩', level: 90 }
      ])
    )
    expect(await moderation.checkText('线上博彩', { openid: 'o-u1', scene: 'forum' })).toEqual({ verdict: 'risky', hits: ['博彩'] })
  })

  it('when the check suggests review, then the verdict is review', async () => {
    const { msgSecCheck, moderation } = setup()
    msgSecCheck.mockResolvedValue(answer('review'))
    expect((await moderation.checkText('加我微信', { openid: 'o-u1', scene: 'comment' })).verdict).toBe('review')
  })

  it.each([
    ['the API fails', () => Promise.reject(Object.assign(new Error('openapi.security.msgSecCheck:fail -604101'), { errCode: -604101 }))],
    ['the answer has no suggest', () => Promise.resolve({ errCode: 0, errMsg: 'ok' })]
  ])('when %s, then the text is held for review and the failure logged', async (_case, reply) => {
    const { msgSecCheck, logger, moderation } = setup()
    msgSecCheck.mockImplementation(reply)
    expect(await moderation.checkText('路口有积水', { openid: 'o-u1', scene: 'forum' })).toEqual({ verdict: 'review', hits: [] })
    expect(logger.error).toHaveBeenCalledWith('msgSecCheck failed; holding the text for review', expect.objectContaining({ scene: 'forum' }))
  })
})
