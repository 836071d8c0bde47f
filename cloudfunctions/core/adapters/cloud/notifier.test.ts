import { manualClock } from '../../system-ports'
import { createOutboxNotifier } from '../local/notifier'
import { scratchStore } from '../../local-deps'
import { createCloudNotifier, type CloudOpenApi } from './notifier'

const notice = { userId: 'u1', openid: 'o-u1', template: 'caseAssigned', title: '您的随手拍已交办', body: '已交办给城管局，请耐心等待整改', page: 'pages/report/detail?id=r1' }

function setup() {
  const send = jest.fn(async (_message: unknown) => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))
  const cloud: CloudOpenApi = { openapi: { subscribeMessage: { send } } }
  const store = scratchStore()
  const logger = { info: jest.fn(), error: jest.fn() }
  const inbox = createOutboxNotifier(store, { next: () => 'm1' }, manualClock('2026-03-01T08:00:00.000Z'))
  const notifier = createCloudNotifier(cloud, inbox, { templates: { caseAssigned: 'TPL-assigned' }, logger })
  return { send, store, logger, notifier }
}

describe('cloud notifier', () => {
  it('when a notice has a template ID, then it is kept in the outbox and pushed as a subscribe message', async () => {
    const { send, store, notifier } = setup()

    await notifier.notify(notice)

    expect(await store.collection('outbox').find({})).toEqual([
      { _id: 'm1', userId: 'u1', template: 'caseAssigned', title: notice.title, body: notice.body, page: notice.page, createdAt: '2026-03-01T08:00:00.000Z' }
    ])
    expect(send).toHaveBeenCalledWith({
      touser: 'o-u1',
      templateId: 'TPL-assigned',
      page: notice.page,
      data: { thing1: { value: '您的随手拍已交办' }, thing2: { value: '已交办给城管局，请耐心等待整改' } },
      miniprogramState: 'formal'
    })
  })

  it('when title or body are longer than 20 characters, then the pushed values are cut to 20 while the outbox keeps them whole', async () => {
    const { send, store, notifier } = setup()
    const body = '您反映的占道经营问题已由城管局现场处置完毕，请查看整改后照片并评价'

    await notifier.notify({ ...notice, body })

    const { data } = send.mock.calls[0][0] as { data: { thing2: { value: string } } }
    expect(Array.from(data.thing2.value)).toHaveLength(20)
    expect(data.thing2.value).toBe(`${Array.from(body).slice(0, 19).join('')}…`)
    expect((await store.collection<{ _id: string; body: string }>('outbox').findOne({ _id: 'm1' }))?.body).toBe(body)
  })

  it('when the template has no template ID, then the notice only goes to the outbox', async () => {
    const { send, store, notifier } = setup()
    await notifier.notify({ ...notice, template: 'quizReminder' })
    expect(await store.collection('outbox').count({})).toBe(1)
    expect(send).not.toHaveBeenCalled()
  })

  it('when the user has not subscribed (43101), then the failure is logged, not thrown', async () => {
    const { send, store, logger, notifier } = setup()
    send.mockRejectedValue(Object.assign(new Error('openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg'), { errCode: 43101 }))

    await expect(notifier.notify(notice)).resolves.toBe(true)

    expect(await store.collection('outbox').count({})).toBe(1)
    expect(logger.error).toHaveBeenCalledWith('subscribe message not sent', expect.objectContaining({ userId: 'u1', template: 'caseAssigned', errCode: 43101 }))
  })
})
