import { createKeywordModeration } from './moderation'

const check = (text: string) => createKeywordModeration().checkText(text, { openid: 'o', scene: 'social' })

describe('keyword moderation', () => {
  it('when text is an ordinary report, then it passes', async () => {
    await expect(check('人行道上的井盖缺了一角')).resolves.toEqual({ verdict: 'pass', hits: [] })
  })

  it('when text reports an illegal ad by its words, then a person is asked to look rather than the resident refused', async () => {
    await expect(check('墙上贴满了代开发票的小广告')).resolves.toEqual({ verdict: 'review', hits: ['代开发票'] })
  })

  it('when text is abusive, even spaced out or in capitals, then it is risky', async () => {
    await expect(check('傻 逼')).resolves.toMatchObject({ verdict: 'risky', hits: ['傻逼'] })
    await expect(check('加VX领红包')).resolves.toMatchObject({ verdict: 'review', hits: ['加vx'] })
  })
})
