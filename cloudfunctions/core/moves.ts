import { DuplicateKeyError, type Collection, type Deps, type Doc } from './ports'

/*
 * Moves that finish where a store cannot commit several writes together (CloudBase's transactions take one
 * record each). A move's first write changes the record and, in the same single-record write, notes on it the
 * steps still to take. Each step is idempotent (a keyed insert, a balance set from the records it sums) or, for
 * a counter many records share, claimed on the note before it runs and marked done after, so it runs at most
 * once; one begun and never done was cut inside, and the sweep recounts what it counts from the truth. Whoever
 * meets the note next (a retry of the call, the record's next move, the sweep) takes the steps; the last write
 * clears the note. On PostgreSQL all of it is one transaction.
 */
export interface Pending {
  move: string
  /** Tells this move's note from a later move's. */
  key: string
  at: string
  /** The steps to take, in order. */
  steps: string[]
  /** The run-once steps begun, and those done. */
  claimed?: Record<string, 'begun' | 'done'>
}

export type Noted<P extends Pending = Pending> = Doc & { pending?: P | null }

export interface Step<R> {
  run(deps: Deps, record: R & { pending: NonNullable<R extends Noted<infer P> ? P : never> }): Promise<void>
  /** A shared counter's change: repeating it would count twice, so it is claimed first and runs at most once. */
  once?: boolean
  /**
   * For a run-once step cut inside: sets what it counts from the truth (the sweep calls it). Answers false when
   * the truth cannot be told yet (another move is counting): the note stays for the next sweep.
   */
  repair?(deps: Deps, record: Parameters<Step<R>['run']>[1]): Promise<unknown>
}

export type Steps<R> = Record<string, Step<R>>

/** Longer than any call runs (a function is given at most 60 s): a note this old was left by a crash. */
export const STALE_MS = 5 * 60_000

/**
 * Takes the steps a record's note lists, then clears the note; answers the record without it. A run-once step
 * begun by another is left to it, and the note too, until the note is old enough to tell it was cut inside:
 * then the step's repair runs instead (and when it cannot tell yet, the note stays).
 */
export async function finish<R extends Noted>(deps: Deps, collection: Collection<R>, record: R, steps: Steps<R>): Promise<R> {
  const note = record.pending
  if (!note) return record
  const noted = record as Parameters<Step<R>['run']>[1]
  const stale = Date.parse(note.at) < deps.clock.now().getTime() - STALE_MS
  const held = { _id: record._id, 'pending.key': note.key }
  let unsure = false
  for (const name of note.steps) {
    const step = steps[name]
    if (!step) throw new Error(`no step ${name} for ${note.move}`)
    const claim = `pending.claimed.${name}`
    if (step.once && !(await collection.update({ ...held, [claim]: { $exists: false } }, { $set: { [claim]: 'begun' } }))) {
      if (note.claimed?.[name] === 'done') continue
      if (!stale) {
        unsure = true
        continue
      }
      if ((await step.repair?.(deps, noted)) === false) {
        unsure = true
        continue
      }
    } else await step.run(deps, noted)
    if (step.once) await collection.update(held, { $set: { [claim]: 'done' } })
  }
  if (unsure) return record
  await collection.update(held, { $unset: { pending: true } })
  return { ...record, pending: undefined }
}

/** The sweep's part: finishes the moves a crash left noted, a batch at a time; answers how many. */
export async function finishStale<R extends Noted>(deps: Deps, collection: Collection<R>, steps: Steps<R>, batch = 100): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - STALE_MS).toISOString()
  const stale = await collection.find({ 'pending.at': { $lt: before } }, { limit: batch })
  for (const record of stale) await finish(deps, collection, record, steps)
  return stale.length
}

/**
 * Sets counted fields of a record (a balance) to what `truth` counts from the records it sums, if nobody changed
 * them meanwhile (else counts again): taken again it changes nothing, and of two racing the later count wins.
 * A missing record is made as `fresh` when given.
 */
export async function settle<T extends Doc>(collection: Collection<T>, _id: string, truth: () => Promise<Record<string, number>>, fresh?: T) {
  for (;;) {
    const held = (await collection.findOne({ _id })) as Record<string, unknown> | null
    const want = await truth()
    if (!held) {
      if (!fresh) return
      try {
        return void (await collection.insert({ ...fresh, ...want }))
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error
        continue
      }
    }
    const fields = Object.keys(want)
    if (fields.every((f) => held[f] === want[f])) return
    const unchanged = Object.fromEntries(fields.map((f) => [f, held[f] === undefined ? { $exists: false } : held[f]]))
    if (await collection.update({ _id, ...unchanged }, { $set: want })) return
  }
}
