import { prompt, shown } from '../../test/support/taro'
import { askForNotices, openWork, staffTemplates } from './subscribe'

const env = process.env
beforeEach(() => {
  process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_OFFICE_TEMPLATES: 'T-triage, T-verify,T-extension', TARO_APP_UNIT_TEMPLATES: 'T-unit', TARO_APP_INSPECTOR_TEMPLATES: 'T-round' }
  prompt.asked = []
  prompt.answer = 'accept'
  shown.pages = []
})
afterAll(() => {
  process.env = env
})

describe('asking staff for WeChat notices', () => {
  it('when someone holds staff roles, then they are asked for their roles\' templates, at most the three WeChat allows', () => {
    expect(staffTemplates(['resident', 'handler'])).toEqual(['T-unit'])
    expect(staffTemplates(['resident', 'inspector'])).toEqual(['T-round'])
    expect(staffTemplates(['resident', 'handler', 'admin'])).toEqual(['T-triage', 'T-verify', 'T-extension'])
    expect(staffTemplates(['resident', 'organizer', 'volunteer'])).toEqual([])
  })

  it('when no template is set, or the app runs in a browser, then nothing is asked and the answer says so', async () => {
    process.env.TARO_APP_UNIT_TEMPLATES = ''
    expect(await askForNotices(staffTemplates(['handler']))).toBe('unavailable')
    process.env.TARO_ENV = 'h5'
    expect(await askForNotices(['T-unit'])).toBe('unavailable')
    expect(prompt.asked).toEqual([])
  })

  it('when the person accepts one template, then it counts as accepted; rejecting all or a failed prompt counts as refused', async () => {
    expect(await askForNotices(['T-unit'])).toBe('accepted')
    prompt.answer = 'reject'
    expect(await askForNotices(['T-unit'])).toBe('refused')
    prompt.answer = new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.')
    expect(await askForNotices(['T-unit'])).toBe('refused')
  })

  it('when staff open their work, then they are asked and the page opens; after a refusal pages open without asking again', async () => {
    await openWork('/packages/staff/queue/index', ['resident', 'handler'])
    expect(prompt.asked).toEqual([['T-unit']])
    prompt.answer = 'reject'
    await openWork('/packages/staff/queue/index', ['resident', 'handler'])
    await openWork('/packages/orders/list/index', ['resident', 'handler'])
    expect(prompt.asked).toHaveLength(2)
    expect(shown.pages).toEqual(['/packages/staff/queue/index', '/packages/staff/queue/index', '/packages/orders/list/index'])
  })
})
