import { usersHandler } from '../users/actions'
import { manualClock } from './system-ports'
import { createLocalDeps } from './local-deps'
import type { Deps } from './ports'

function deps(overrides: Partial<Deps> = {}) {
  const logger = { info: jest.fn(), error: jest.fn() }
  return { ...createLocalDeps({ clock: manualClock('2026-11-23T01:00:00Z'), logger }), ...overrides, logger }
}

describe('router', () => {
  it.each([
    ['not an object', 'hello'],
    ['no action', { payload: {} }],
    ['a non-string action', { action: 42 }],
    ['a too short requestId', { action: 'me', requestId: 'x' }]
  ])('when the event has %s, then it answers BAD_REQUEST', async (_, event) => {
    const answer = await usersHandler(event, { openid: 'o1', deps: deps() })
    expect(answer).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
  })

  it('when the action is unknown (even a prototype name), then it answers UNKNOWN_ACTION', async () => {
    for (const action of ['nope', 'toString', '__proto__']) {
      expect(await usersHandler({ action }, { openid: 'o1', deps: deps() })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    }
  })

  it('when the platform gives no openid, then it answers UNAUTHENTICATED and registers nobody', async () => {
    const d = deps()
    expect(await usersHandler({ action: 'me' }, { openid: undefined, deps: d })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await d.store.collection('users').count({})).toBe(0)
  })

  it('when the payload carries a field the schema does not know (such as openid), then it is refused naming the field', async () => {
    const answer = await usersHandler({ action: 'updateProfile', payload: { nickname: '小王', openid: 'someone-else' } }, { openid: 'o1', deps: deps() })
    expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', issues: [{ field: 'openid' }] })
    expect(!answer.ok && answer.message).toContain('openid')
  })

  it('when a use case fails unexpectedly, then the caller gets INTERNAL without the details, and the error is logged', async () => {
    const d = deps()
    const broken = { ...d, store: { transaction: (work: () => Promise<unknown>) => work(), collection: () => ({ findOne: () => Promise.reject(new Error('disk on fire at /var/secret')) }) } } as unknown as Deps
    const answer = await usersHandler({ action: 'me' }, { openid: 'o1', deps: broken })
    expect(answer).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
    expect(d.logger.error).toHaveBeenCalledWith('unexpected error', expect.objectContaining({ fn: 'users', error: expect.stringContaining('disk on fire') }))
  })

  it('when the request was given up on, then the use case stops at its next store call, its writes roll back, and it answers UNAVAILABLE', async () => {
    const d = deps()
    await usersHandler({ action: 'me' }, { openid: 'o1', deps: d })
    const deadline = new AbortController()
    const users = d.store.collection<{ _id: string; nickname: string }>('users')
    const [before] = await users.find({})
    // the first write of the use case happens, then the caller goes away
    const store = {
      ...d.store,
      transaction: d.store.transaction.bind(d.store),
      collection: (name: string) => {
        const real = d.store.collection(name)
        return { ...real, find: real.find.bind(real), findOne: real.findOne.bind(real), count: real.count.bind(real), update: async (...args: Parameters<typeof real.update>) => ((await real.update(...args)), deadline.abort(), 1) }
      }
    } as unknown as Deps['store']
    const answer = await usersHandler({ action: 'updateProfile', payload: { nickname: '小王' } }, { openid: 'o1', deps: { ...d, store }, signal: deadline.signal })
    expect(answer).toEqual({ ok: false, code: 'UNAVAILABLE', message: '服务繁忙，请求没有完成，请稍后再试' })
    expect((await users.findOne({ _id: before._id }))?.nickname).toBe(before.nickname)
  })
})
