import { AnswerSaver } from './saver'

/** A send whose answers the test gives one by one, in any order. */
function server() {
  const calls: { index: number; choice: number[]; resolve: () => void; reject: (e: unknown) => void }[] = []
  const send = (index: number, choice: number[]) => new Promise<void>((resolve, reject) => void calls.push({ index, choice, resolve, reject }))
  return { calls, send }
}

const tick = () => new Promise((r) => jest.requireActual<typeof import('timers')>('timers').setImmediate(r))
const final = new Error('时间到')

function make(send: (i: number, c: number[]) => Promise<unknown>) {
  const onFinal = jest.fn()
  const saver = new AnswerSaver({ send, isFinal: (e) => e === final, onFinal, onChange: () => undefined, retryMs: [1000, 3000] })
  return { saver, onFinal }
}

afterEach(() => jest.useRealTimers())

describe('AnswerSaver', () => {
  it('when an option is tapped, then it is saving until the server answers, then saved', async () => {
    const s = server()
    const { saver } = make(s.send)
    saver.set(0, [2])
    expect(saver.status(0)).toBe('saving')
    expect(s.calls.map((c) => c.choice)).toEqual([[2]])
    s.calls[0].resolve()
    await tick()
    expect(saver.status(0)).toBe('saved')
    expect(saver.overall()).toBe('saved')
  })

  it('when the person taps again while a save is on its way, then only the latest choice follows, after the first lands', async () => {
    const s = server()
    const { saver } = make(s.send)
    saver.set(0, [1])
    saver.set(0, [2])
    saver.set(0, [3])
    expect(s.calls).toHaveLength(1)
    s.calls[0].resolve()
    await tick()
    expect(s.calls.map((c) => c.choice)).toEqual([[1], [3]])
    expect(saver.status(0)).toBe('saving')
    s.calls[1].resolve()
    await tick()
    expect(saver.status(0)).toBe('saved')
    expect(saver.unsaved()).toEqual({})
  })

  it('when a save fails, then the choice is kept as unsaved and tried again after the wait', async () => {
    jest.useFakeTimers()
    const s = server()
    const { saver } = make(s.send)
    saver.set(4, [0, 2])
    s.calls[0].reject(new Error('网络不通'))
    await tick()
    expect(saver.status(4)).toBe('failed')
    expect(saver.overall()).toBe('failed')
    expect(saver.unsaved()).toEqual({ 4: [0, 2] })
    jest.advanceTimersByTime(999)
    expect(s.calls).toHaveLength(1)
    jest.advanceTimersByTime(1)
    expect(s.calls).toHaveLength(2)
    expect(saver.status(4)).toBe('saving')
    s.calls[1].resolve()
    await tick()
    expect(saver.status(4)).toBe('saved')
  })

  it('when asked to flush with a failed save, then it retries at once and tells whether all landed', async () => {
    jest.useFakeTimers()
    const s = server()
    const { saver } = make(s.send)
    saver.set(1, [0])
    s.calls[0].reject(new Error('网络不通'))
    await tick()
    const flushed = saver.flush()
    expect(s.calls).toHaveLength(2)
    s.calls[1].resolve()
    await expect(flushed).resolves.toBe(true)
    // The retry timer set by the failure does not send again.
    jest.advanceTimersByTime(10_000)
    expect(s.calls).toHaveLength(2)
  })

  it('when a flushed save fails again, then flush answers false', async () => {
    const s = server()
    const { saver } = make(s.send)
    saver.set(1, [0])
    const flushed = saver.flush()
    s.calls[0].reject(new Error('网络不通'))
    await expect(flushed).resolves.toBe(false)
    saver.stop()
  })

  it('when the server refuses for good, then the saver stops and reports it once', async () => {
    const s = server()
    const { saver, onFinal } = make(s.send)
    saver.set(0, [1])
    saver.set(1, [0])
    s.calls[0].reject(final)
    s.calls[1].reject(final)
    await tick()
    expect(onFinal).toHaveBeenCalledTimes(1)
    saver.set(2, [1])
    expect(s.calls).toHaveLength(2)
    await expect(saver.flush()).resolves.toBe(false)
  })

  it('when the person taps back to what the server already holds, then nothing is sent', () => {
    const s = server()
    const { saver } = make(s.send)
    saver.seed(3, [1])
    saver.set(3, [1])
    expect(s.calls).toHaveLength(0)
    expect(saver.status(3)).toBe('saved')
    expect(saver.status(5)).toBeNull()
  })

  it('when a failed choice is replaced by a new tap, then the new one goes at once', async () => {
    jest.useFakeTimers()
    const s = server()
    const { saver } = make(s.send)
    saver.set(0, [1])
    s.calls[0].reject(new Error('网络不通'))
    await tick()
    saver.set(0, [2])
    expect(s.calls.map((c) => c.choice)).toEqual([[1], [2]])
    s.calls[1].resolve()
    await tick()
    jest.advanceTimersByTime(5000)
    expect(s.calls).toHaveLength(2)
    expect(saver.status(0)).toBe('saved')
  })
})
