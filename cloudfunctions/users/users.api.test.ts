import { outbox, users } from '../core/collections'
import { userIdOf } from '../core/identity'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { sweepInbox } from './daily'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime()
})

const stored = (openid: string) => users(rt.deps.store).findOne({ _id: userIdOf(openid) })
const counter = async () => (await rt.deps.store.collection<{ _id: string; value: number }>('counters').findOne({ _id: 'users' }))!.value

describe('users.me', () => {
  it('when someone calls for the first time, then they are registered as a resident and counted once', async () => {
    const before = await counter()
    const res = await rt.call('users', 'me', {}, 'newcomer-1')
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ roles: ['resident'], department: null, joinedAt: '2026-11-23T01:00:00.000Z' })
    expect(await stored('newcomer-1')).toMatchObject({ openid: 'newcomer-1', roles: ['resident'] })
    expect(await counter()).toBe(before + 1)
    await rt.call('users', 'me', {}, 'newcomer-1')
    expect(await counter()).toBe(before + 1)
  })

  it('when answering, then the openid is not in the answer', async () => {
    const res = await rt.call('users', 'me', {}, 'demo-handler')
    expect(JSON.stringify(res.body)).not.toContain('demo-handler')
    expect(res.body.data).toMatchObject({ nickname: '赵科长', roles: ['resident', 'handler'], department: { id: 'dept-cg', name: '市城市管理局' } })
  })
})

describe('users.updateProfile', () => {
  it('when a user renames themselves, then the new nickname is stored', async () => {
    const res = await rt.call('users', 'updateProfile', { nickname: '  王大妈 ' }, 'demo-resident')
    expect(res.body.data.nickname).toBe('王大妈')
    expect((await stored('demo-resident'))?.nickname).toBe('王大妈')
  })

  it.each([
    ['empty', '   ', '请填写昵称'],
    ['too long', '一二三四五六七八九十一二三四五六七八九十一', '昵称最多 20 个字']
  ])('when the nickname is %s, then it answers 400 naming the problem and nothing changes', async (_, nickname, message) => {
    const res = await rt.call('users', 'updateProfile', { nickname }, 'demo-resident')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message, issues: [{ field: 'nickname', message }] })
    expect((await stored('demo-resident'))?.nickname).toBe('王阿姨')
  })

  it('when the nickname fails the content check, then it is refused and nothing changes', async () => {
    const res = await rt.call('users', 'updateProfile', { nickname: '代开发票找我' }, 'demo-resident')
    expect(res).toMatchObject({ status: 400, body: { code: 'CONTENT_REJECTED' } })
    expect((await stored('demo-resident'))?.nickname).toBe('王阿姨')
  })
})

describe('users.grantRole / revokeRole', () => {
  const residentId = userIdOf('demo-resident')

  it('when the admin grants a role, then the user holds it and the change is in their history', async () => {
    const res = await rt.call('users', 'grantRole', { userId: residentId, role: 'volunteer' }, 'demo-admin')
    expect(res.status).toBe(200)
    expect(res.body.data.roles).toEqual(['resident', 'volunteer'])
    const user = await stored('demo-resident')
    expect(user?.roles).toEqual(['resident', 'volunteer'])
    expect(user?.history.at(-1)).toMatchObject({ by: userIdOf('demo-admin'), role: 'admin', from: 'resident', to: 'resident,volunteer', note: '授予志愿者' })
  })

  it('when the admin makes someone a handler, then a department is required and kept', async () => {
    const missing = await rt.call('users', 'grantRole', { userId: residentId, role: 'handler' }, 'demo-admin')
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', issues: [{ field: 'departmentId' }] } })
    const unknown = await rt.call('users', 'grantRole', { userId: residentId, role: 'handler', departmentId: 'dept-none' }, 'demo-admin')
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: '该责任单位不存在' } })
    expect((await stored('demo-resident'))?.roles).toEqual(['resident'])

    const ok = await rt.call('users', 'grantRole', { userId: residentId, role: 'handler', departmentId: 'dept-sw' }, 'demo-admin')
    expect(ok.body.data).toMatchObject({ roles: ['resident', 'handler'], department: { id: 'dept-sw', name: '市水务局' } })
    expect((await stored('demo-resident'))?.departmentId).toBe('dept-sw')
  })

  it('when the admin revokes the handler role, then the department goes with it', async () => {
    const handlerId = userIdOf('demo-handler')
    const res = await rt.call('users', 'revokeRole', { userId: handlerId, role: 'handler' }, 'demo-admin')
    expect(res.body.data).toMatchObject({ roles: ['resident'], department: null })
    expect((await stored('demo-handler'))?.departmentId).toBeUndefined()
  })

  it.each(['demo-resident', 'demo-volunteer', 'demo-handler', 'demo-organizer'])('when %s tries to grant or revoke, then it is refused with 403 and nothing changes', async (openid) => {
    expect(await rt.call('users', 'grantRole', { userId: residentId, role: 'admin' }, openid)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } })
    expect(await rt.call('users', 'revokeRole', { userId: userIdOf('demo-admin'), role: 'admin' }, openid)).toMatchObject({ status: 403 })
    expect((await stored('demo-resident'))?.roles).toEqual(['resident'])
    expect((await stored('demo-admin'))?.roles).toEqual(['resident', 'admin'])
  })

  it('when the admin tries to revoke their own admin role or anyone\'s resident role, then it is a conflict', async () => {
    expect(await rt.call('users', 'revokeRole', { userId: userIdOf('demo-admin'), role: 'admin' }, 'demo-admin')).toMatchObject({ status: 409, body: { code: 'CONFLICT' } })
    expect(await rt.call('users', 'revokeRole', { userId: residentId, role: 'resident' }, 'demo-admin')).toMatchObject({ status: 409 })
    expect((await stored('demo-admin'))?.roles).toEqual(['resident', 'admin'])
  })

  it('when the role is not one of ours, then it answers 400 naming the field', async () => {
    const res = await rt.call('users', 'grantRole', { userId: residentId, role: 'mayor' }, 'demo-admin')
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', issues: [{ field: 'role' }] } })
  })

  it('when the user does not exist, then it answers 404', async () => {
    expect(await rt.call('users', 'grantRole', { userId: 'u-nobody', role: 'volunteer' }, 'demo-admin')).toMatchObject({ status: 404 })
  })
})

describe('users.list', () => {
  it('when the admin pages through users by role, then pages and totals agree with the store and no openid leaks', async () => {
    for (let i = 0; i < 5; i++) {
      rt.clock.advance(1000)
      await rt.call('users', 'me', {}, `vol-${i}`)
      await rt.call('users', 'grantRole', { userId: userIdOf(`vol-${i}`), role: 'volunteer' }, 'demo-admin')
    }
    const first = await rt.call('users', 'list', { role: 'volunteer', page: 1, pageSize: 4 }, 'demo-admin')
    const second = await rt.call('users', 'list', { role: 'volunteer', page: 2, pageSize: 4 }, 'demo-admin')
    expect(first.body.data.total).toBe(6)
    expect(first.body.data.items).toHaveLength(4)
    expect(second.body.data.items).toHaveLength(2)
    expect(first.body.data.items[0].id).toBe(userIdOf('vol-4'))
    expect(JSON.stringify([first.body, second.body])).not.toMatch(/openid|vol-\d|demo-/)
  })

  it('when the page size is out of range, then it answers 400', async () => {
    expect(await rt.call('users', 'list', { pageSize: 1000 }, 'demo-admin')).toMatchObject({ status: 400, body: { message: '每页最多 100 条' } })
  })

  it('when the admin searches by part of a nickname, then only those users come back, counted alike', async () => {
    await rt.call('users', 'updateProfile', { nickname: '南宁街道王科长' }, 'k-1')
    await rt.call('users', 'updateProfile', { nickname: '王阿姨' }, 'k-2')
    const res = await rt.call('users', 'list', { keyword: '王', page: 1, pageSize: 20 }, 'demo-admin')
    const stored = await users(rt.deps.store).find({ nickname: /王/ })
    expect(res.body.data.items.map((u: { nickname: string }) => u.nickname).sort()).toEqual(stored.map((u) => u.nickname).sort())
    expect(res.body.data.total).toBe(stored.length)
    expect(res.body.data.items.map((u: { nickname: string }) => u.nickname)).toEqual(expect.arrayContaining(['南宁街道王科长', '王阿姨']))
  })

  it('when the admin searches by a phone\'s last four digits, then the volunteer with that phone comes back without the phone', async () => {
    await rt.call('volunteer', 'register', { realName: '周大海', phone: '13912349876', team: '文昌社区志愿队', birthDate: '1988-03-04' }, 'p-1')
    const res = await rt.call('users', 'list', { keyword: '9876', page: 1, pageSize: 20 }, 'demo-admin')
    expect(res.body.data).toMatchObject({ total: 1, items: [{ id: userIdOf('p-1') }] })
    expect(JSON.stringify(res.body)).not.toContain('13912349876')
  })

  it('when a phone search gives more than four digits but not the whole number, or passes the hourly quota, then it is refused', async () => {
    expect(await rt.call('users', 'list', { keyword: '49876', page: 1, pageSize: 20 }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'keyword' }] } })
    for (let i = 0; i < 20; i++) expect((await rt.call('users', 'list', { keyword: '0000', page: 1, pageSize: 20 }, 'demo-admin')).status).toBe(200)
    expect(await rt.call('users', 'list', { keyword: '0000', page: 1, pageSize: 20 }, 'demo-admin')).toMatchObject({ status: 429 })
    // one quota for every phone search the office makes
    expect(await rt.call('volunteer', 'volunteers', { keyword: '0000', page: 1, pageSize: 20 }, 'demo-admin')).toMatchObject({ status: 429 })
    expect((await rt.call('users', 'list', { keyword: '王', page: 1, pageSize: 20 }, 'demo-admin')).status).toBe(200)
  })

  it('when a non-admin lists users, then it is refused', async () => {
    expect(await rt.call('users', 'list', {}, 'demo-organizer')).toMatchObject({ status: 403 })
  })
})

describe('the nightly inbox sweep', () => {
  it('when notices are older than the 90 days the inbox keeps, then the sweep removes them and keeps the recent ones', async () => {
    const userId = userIdOf('demo-resident')
    const notice = (id: string, createdAt: string) => ({ _id: id, userId, template: 'report.closed', title: '随手拍进展：已办结', body: '核查通过', createdAt })
    await outbox(rt.deps.store).insert(notice('old', '2026-08-24T00:00:00.000Z'))
    await outbox(rt.deps.store).insert(notice('recent', '2026-08-25T12:00:00.000Z'))
    expect(await sweepInbox(rt.deps)).toEqual({ pruned: 1 })
    expect((await outbox(rt.deps.store).find({ userId })).map((m) => m._id)).toEqual(['recent'])
    expect((await rt.call('users', 'inbox', {}, 'demo-resident')).body.data.items.map((m: { id: string }) => m.id)).toEqual(['recent'])
  })

  it('when more old notices wait than one read takes, then one sweep removes them all in batches and keeps the recent', async () => {
    const userId = userIdOf('demo-resident')
    const old = Array.from({ length: 2500 }, (_, i) => ({ _id: `old-${i}`, userId, template: 'report.closed', title: '随手拍进展：已办结', body: '核查通过', createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }))
    await insertAll(rt.deps.store, outbox(rt.deps.store), [...old, { ...old[0], _id: 'recent', createdAt: '2026-11-20T00:00:00.000Z' }])
    expect(await sweepInbox(rt.deps)).toEqual({ pruned: 2500 })
    expect((await outbox(rt.deps.store).find({ userId }, { limit: 10 })).map((m) => m._id)).toEqual(['recent'])
  })
})
