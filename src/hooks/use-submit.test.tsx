/** @jest-environment ./test/support/dom-environment.ts */
import { act, renderHook } from '@testing-library/react'
import { ApiError } from '@/services/api'
import { fieldIn, useSubmit, type Submit } from './use-submit'

type Field = 'location' | 'description' | 'consent'

/** Mounts a form's submit and hands the test its latest state. */
function mount() {
  const { result } = renderHook(() => useSubmit(fieldIn<Field>(['location', 'description', 'consent'], { guardian: 'consent' }), '提交失败，请稍后再试'))
  return { get now(): Submit<Field> { return result.current } }
}

const refused = new ApiError('VALIDATION_FAILED', '输入有误', [
  { field: 'location.address', message: '请填写问题地址' },
  { field: 'location.lat', message: '纬度必须是数字' },
  { field: 'guardian', message: '请确认监护人已同意' },
  { field: 'anonymous', message: '请选择是否匿名' }
])

describe('useSubmit', () => {
  it('when the server names fields, then each message lands on the form field it belongs to, the first per field, and the rest are the form’s message', async () => {
    const form = mount()
    const failures: unknown[] = []
    await act(async () => void (await form.now.run(() => Promise.reject(refused), { failed: (e, fields) => failures.push([e, fields]) })))
    expect(failures).toEqual([[refused, { location: '请填写问题地址', consent: '请确认监护人已同意' }]])
    expect(form.now.errors).toEqual({ location: '请填写问题地址', consent: '请确认监护人已同意' })
    expect(form.now.error).toBe('请选择是否匿名')
    expect(form.now.busy).toBe(false)
  })

  it('when the call fails with something other than the server’s answer, then the form says the plain fallback', async () => {
    const form = mount()
    await act(async () => void (await form.now.run(() => Promise.reject(new TypeError('x is undefined')))))
    expect(form.now.errors).toEqual({})
    expect(form.now.error).toBe('提交失败，请稍后再试')
  })

  it('when a field is changed after a failure, then only its message goes, with the form’s', async () => {
    const form = mount()
    await act(async () => void (await form.now.run(() => Promise.reject(refused))))
    await act(async () => form.now.clear('location'))
    expect(form.now.errors).toEqual({ consent: '请确认监护人已同意' })
    expect(form.now.error).toBe('')
  })

  it('when the call goes through, then it answers the data and no message is left', async () => {
    const form = mount()
    await act(async () => void (await form.now.run(() => Promise.reject(refused))))
    const done: unknown[] = []
    let went
    await act(async () => {
      went = await form.now.run(async () => ({ id: 'r1' }), { done: (data) => done.push(data) })
    })
    expect(went).toBe(true)
    expect(done).toEqual([{ id: 'r1' }])
    expect(form.now.errors).toEqual({})
    expect(form.now.error).toBe('')
  })

  it('when a second submit comes while one is on its way, then it is not sent', async () => {
    const form = mount()
    let finish!: () => void
    const sent: string[] = []
    let first!: Promise<unknown>
    await act(async () => {
      first = form.now.run(() => new Promise<void>((done) => ((finish = done), sent.push('first'))))
    })
    expect(form.now.busy).toBe(true)
    let second
    await act(async () => {
      second = await form.now.run(async () => void sent.push('second'))
    })
    expect(second).toBe(false)
    await act(async () => {
      finish()
      await first
    })
    expect(sent).toEqual(['first'])
    expect(form.now.busy).toBe(false)
  })
})
