import { ApiError, createApi } from './api'
import type { Transport } from './transport'

describe('api client', () => {
  it('when the function answers ok, then the call resolves with its data and sends action, payload and requestId', async () => {
    const transport = jest.fn<ReturnType<Transport>, Parameters<Transport>>(async () => ({ ok: true, data: { id: 'u1', nickname: '小王', roles: ['resident'], department: null, joinedAt: '2026-11-23' } }))
    const api = createApi(transport)
    await expect(api.call('users', 'updateProfile', { nickname: '小王' }, { requestId: 'req-12345678' })).resolves.toMatchObject({ nickname: '小王' })
    expect(transport).toHaveBeenCalledWith('users', { action: 'updateProfile', payload: { nickname: '小王' }, requestId: 'req-12345678' })
  })

  it('when the function answers a failure, then the call rejects with its code, message and field issues', async () => {
    const api = createApi(async () => ({ ok: false, code: 'VALIDATION_FAILED', message: '请填写昵称', issues: [{ field: 'nickname', message: '请填写昵称' }] }))
    const error = await api.call('users', 'updateProfile', { nickname: '' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请填写昵称' })
    expect((error as ApiError).field('nickname')).toBe('请填写昵称')
  })

  it('when the server names fields, then byField puts the first message of each on its form field and keeps the rest', () => {
    const error = new ApiError('VALIDATION_FAILED', '填写的内容有误', [
      { field: 'place.address', message: '请填写活动地点' },
      { field: 'place.lat', message: '纬度不正确' },
      { field: 'quotas', message: '同一知识点只能设置一次' },
      { field: 'requestId', message: '缺少 requestId' }
    ])
    const sorted = error.byField((path) => (path.startsWith('place.') ? 'address' : path === 'quotas' ? 'quotas' : null))
    expect(sorted).toEqual({ fields: { address: '请填写活动地点', quotas: '同一知识点只能设置一次' }, others: ['缺少 requestId'], text: '缺少 requestId' })
    expect(new ApiError('CONFLICT', '已有人交卷').byField(() => null)).toEqual({ fields: {}, others: [], text: '已有人交卷' })
  })

  it('when the network fails, then the call rejects with a plain Chinese NETWORK error', async () => {
    const api = createApi(async () => {
      throw new Error('request:fail timeout')
    })
    await expect(api.call('campaign', 'overview')).rejects.toMatchObject({ code: 'NETWORK', message: '网络不通，请检查网络后重试' })
  })

  it('when the answer is not an envelope, then the call rejects instead of passing garbage on', async () => {
    const api = createApi(async () => '<html>502</html>' as never)
    await expect(api.call('campaign', 'overview')).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
