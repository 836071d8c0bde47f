/** Where one question's answer stands: on the server, on its way, or waiting to be tried again. */
export type SaveStatus = 'saved' | 'saving' | 'failed'

export interface SaverOptions {
  send: (index: number, choice: number[]) => Promise<unknown>
  /** An error no retry can mend (time is up, handed in already): the saver stops and says so once. */
  isFinal: (error: unknown) => boolean
  onFinal: (error: unknown) => void
  /** Anything changed: a save started, landed or failed. */
  onChange: () => void
  /** Waits before each retry after consecutive failures; the last one repeats. */
  retryMs?: number[]
}

const same = (a: number[] | undefined, b: number[] | undefined) => !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i])

/**
 * Saves answers as the person taps, one request per question at a time so a slow save can never land after
 * a later one and put an older choice back. A failed save keeps the choice and is tried again, sooner when
 * the person taps again or asks for it; nothing chosen is dropped.
 */
export class AnswerSaver {
  private wanted = new Map<number, number[]>()
  private saved = new Map<number, number[]>()
  private inFlight = new Set<number>()
  private failed = new Map<number, number>()
  private timers = new Map<number, ReturnType<typeof setTimeout>>()
  private waiters: ((ok: boolean) => void)[] = []
  private stopped = false
  /** The last failure's message, for the page to show beside 保存失败. */
  lastError: unknown = null

  constructor(private readonly options: SaverOptions) {}

  /** What the server already holds, so tapping back to it sends nothing. */
  seed(index: number, choice: number[] | null) {
    if (!choice) return
    this.saved.set(index, choice)
    this.wanted.set(index, choice)
  }

  set(index: number, choice: number[]) {
    if (this.stopped) return
    this.wanted.set(index, choice)
    this.clearRetry(index)
    this.pump(index)
    this.options.onChange()
  }

  status(index: number): SaveStatus | null {
    if (!this.wanted.has(index)) return null
    if (this.failed.has(index) && !this.inFlight.has(index)) return 'failed'
    return same(this.wanted.get(index), this.saved.get(index)) && !this.inFlight.has(index) ? 'saved' : 'saving'
  }

  /** The whole paper: failed wins over saving, saving over saved; null before the first tap. */
  overall(): SaveStatus | null {
    const all = [...this.wanted.keys()].map((i) => this.status(i))
    if (all.includes('failed')) return 'failed'
    if (all.includes('saving')) return 'saving'
    return all.includes('saved') ? 'saved' : null
  }

  /** Choices the server does not hold yet, by question, to keep on the phone until it does. */
  unsaved(): Record<number, number[]> {
    const out: Record<number, number[]> = {}
    for (const [index, choice] of this.wanted) if (!same(choice, this.saved.get(index))) out[index] = choice
    return out
  }

  /** Tries every failed save now and resolves once nothing is on its way: true when everything is saved. */
  flush(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false)
    for (const index of [...this.failed.keys()]) {
      this.clearRetry(index)
      this.pump(index)
    }
    this.options.onChange()
    if (this.inFlight.size === 0) return Promise.resolve(this.allSaved())
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Stops retrying, e.g. when the page goes away; what is on its way still lands. */
  stop() {
    this.stopped = true
    for (const index of [...this.timers.keys()]) this.clearRetry(index)
    this.wake()
  }

  private allSaved() {
    return [...this.wanted.keys()].every((i) => this.status(i) === 'saved')
  }

  private pump(index: number) {
    if (this.stopped || this.inFlight.has(index)) return
    const choice = this.wanted.get(index)
    if (!choice || same(choice, this.saved.get(index))) {
      this.failed.delete(index)
      return
    }
    this.inFlight.add(index)
    this.options.send(index, choice).then(
      () => {
        this.saved.set(index, choice)
        this.failed.delete(index)
        this.inFlight.delete(index)
        // The person may have tapped again while this one was on its way.
        this.pump(index)
        this.settled()
      },
      (error: unknown) => {
        this.inFlight.delete(index)
        this.lastError = error
        if (this.options.isFinal(error)) {
          this.failed.set(index, (this.failed.get(index) ?? 0) + 1)
          if (!this.stopped) {
            this.stop()
            this.options.onFinal(error)
          }
        } else if (!same(choice, this.wanted.get(index))) {
          // A newer choice is waiting: send that at once rather than retrying the old one.
          this.pump(index)
        } else {
          const failures = (this.failed.get(index) ?? 0) + 1
          this.failed.set(index, failures)
          this.retryLater(index, failures)
        }
        this.settled()
      }
    )
  }

  private retryLater(index: number, failures: number) {
    if (this.stopped) return
    const waits = this.options.retryMs ?? [2000, 5000, 10000, 20000]
    const wait = waits[Math.min(failures, waits.length) - 1]
    this.timers.set(
      index,
      setTimeout(() => {
        this.timers.delete(index)
        this.pump(index)
        this.options.onChange()
      }, wait)
    )
  }

  private clearRetry(index: number) {
    const timer = this.timers.get(index)
    if (timer !== undefined) clearTimeout(timer)
    this.timers.delete(index)
  }

  private settled() {
    this.options.onChange()
    if (this.inFlight.size === 0) this.wake()
  }

  private wake() {
    const ok = !this.stopped && this.allSaved()
    for (const resolve of this.waiters.splice(0)) resolve(ok)
  }
}
