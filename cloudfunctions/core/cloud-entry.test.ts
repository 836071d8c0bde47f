import { COUNTER_KEYS } from '../../types/domain'
import { ERROR_MESSAGES } from '../../types/errors'
import { CATEGORIES, DEPARTMENTS } from './taxonomy'
import { BANK } from '../quiz/seed-bank'
import { questionBank } from '../quiz/seed'
import { quizHandler } from '../quiz/actions'
import { usersHandler } from '../users/actions'
import { manualClock } from './system-ports'
import { cloudMain, type Platform } from './cloud-entry'
import { categories, counters, departments, questions, secrets, settings, users } from './collections'
import { userIdOf } from './identity'
import { createLocalDeps, type LocalDeps } from './local-deps'
import type { Collection, Doc, Logger, Store } from './ports'
import type { Handler } from './router'
import { baseData, type Seed } from './seed'
import { quietLogger } from '../../test/support/runtime'
import { reportsHandler } from '../reports/actions'
import { sweep } from '../reports/daily'

/**
 * The cloud entry in-process, on the embedded store made to behave as CloudBase does for the start: writes go
 * one by one (its transactions take single records only), and the connection can drop part way.
 */
const WRITES = new Set(['insert', 'insertIfAbsent', 'update', 'remove', 'take'])

function cloudLike(store: Store, { dropAt = Infinity } = {}) {
  const made = { writes: 0 }
  const wrap = <T extends Doc>(collection: Collection<T>) =>
    new Proxy(collection, {
      get(target, key: keyof Collection<T>) {
        const method = (target[key] as (...args: unknown[]) => unknown).bind(target)
        if (!WRITES.has(key)) return method
        return async (...args: unknown[]) => {
          if (++made.writes === dropAt) throw new Error('connect ETIMEDOUT 10.0.0.1:443')
          return method(...args)
        }
      }
    })
  const cloudStore: Store = { collection: (name) => wrap(store.collection(name)), transaction: (work) => work() }
  return { store: cloudStore, made }
}

let deps: LocalDeps
let logged: string[]
beforeEach(() => {
  logged = []
  const logger: Logger = { info: () => undefined, error: (message, extra) => logged.push(`${message} ${JSON.stringify(extra)}`) }
  deps = createLocalDeps({ clock: manualClock('2026-11-23T09:00:00+08:00'), logger })
})
afterEach(() => deps.store.close())

const instance = (store: Store, caller: string, env: Platform['env'] = {}) =>
  cloudMain(usersHandler, { seed: [baseData, questionBank] }, { deps: () => ({ ...deps, store }), openid: () => caller, env })

const everything = async () => ({
  questions: await questions(deps.store).count({}),
  departments: await departments(deps.store).count({}),
  categories: await categories(deps.store).count({}),
  settings: (await settings(deps.store).find({}, { limit: 10 })).map((s) => s._id).sort(),
  secrets: await secrets(deps.store).find({}, { limit: 10 }),
  counters: Object.fromEntries((await counters(deps.store).find({}, { limit: 20 })).map((c) => [c._id, c.value]))
})

// questions, departments, categories, 3 settings, the check-in key, the counters; then the marker
const ITEMS = BANK.length + DEPARTMENTS.length + CATEGORIES.length + 3 + 1 + COUNTER_KEYS.length

describe('the first start of an environment', () => {
  it.each([1, 40, BANK.length + 5, ITEMS, ITEMS + 1])('when the connection drops at write %i, then the call answers an error and the next call finishes the seed with every item once', async (dropAt) => {
    const main = instance(cloudLike(deps.store, { dropAt }).store, 'o-first')

    expect(await main({ action: 'me' })).toEqual({ ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL })
    expect(logged.join()).toContain('ETIMEDOUT')
    expect(await settings(deps.store).findOne({ _id: 'seed' })).toBeNull()
    const key = await secrets(deps.store).findOne({ _id: 'checkin' })

    expect(await main({ action: 'me' })).toMatchObject({ ok: true, data: { roles: ['resident'] } })
    const seeded = await everything()
    expect(seeded).toMatchObject({
      questions: BANK.length,
      departments: DEPARTMENTS.length,
      categories: CATEGORIES.length,
      settings: ['holidays', 'rejectReasons', 'seed', 'volunteer'],
      counters: { ...Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])), users: 1 }
    })
    expect(seeded.secrets).toHaveLength(1)
    if (key) expect(seeded.secrets[0]).toEqual(key)
  })

  it('when the environment is seeded, then a new instance starts with reads only', async () => {
    await instance(deps.store, 'o-first')({ action: 'me' })
    const before = await everything()
    const cloud = cloudLike(deps.store)

    expect(await instance(cloud.store, 'o-first')({ action: 'me' })).toMatchObject({ ok: true })
    expect(cloud.made.writes).toBe(0)
    expect(await everything()).toEqual(before)
  })

  it('when users starts a new environment, then the question bank waits for quiz, which writes only the bank, and neither writes again', async () => {
    const start = (store: Store, handler: Handler, seed: Seed[]) => cloudMain(handler, { seed }, { deps: () => ({ ...deps, store }), openid: () => 'o-first', env: {} })
    await start(deps.store, usersHandler, [baseData])({ action: 'me' })
    expect(await questions(deps.store).count({})).toBe(0)

    const quiz = cloudLike(deps.store)
    expect(await start(quiz.store, quizHandler, [baseData, questionBank])({ action: 'home' })).toMatchObject({ ok: true })
    expect(await questions(deps.store).count({})).toBe(BANK.length)
    expect(quiz.made.writes).toBe(BANK.length + 1)

    const again = cloudLike(deps.store)
    await start(again.store, usersHandler, [baseData])({ action: 'me' })
    await start(again.store, quizHandler, [baseData, questionBank])({ action: 'home' })
    expect(again.made.writes).toBe(0)
  })

  it('when an environment was seeded before the marker existed, then the start adds only what is missing and the marker', async () => {
    await instance(deps.store, 'o-first')({ action: 'me' })
    await settings(deps.store).remove({ _id: 'seed' })
    await departments(deps.store).update({ _id: 'dept-cg' }, { $set: { name: '市城管委' } })
    await categories(deps.store).remove({ _id: CATEGORIES[0]._id })
    const cloud = cloudLike(deps.store)

    expect(await instance(cloud.store, 'o-first')({ action: 'me' })).toMatchObject({ ok: true })
    expect(cloud.made.writes).toBe(2)
    expect(await categories(deps.store).count({})).toBe(CATEGORIES.length)
    expect((await departments(deps.store).findOne({ _id: 'dept-cg' }))?.name).toBe('市城管委')
    expect(await settings(deps.store).findOne({ _id: 'seed' })).not.toBeNull()
  })
})

describe('ADMIN_OPENIDS', () => {
  const stored = (openid: string) => users(deps.store).findOne({ _id: userIdOf(openid) })

  it('when the setting names people, then the first call finds them admins, registered once and the grant in their history', async () => {
    const main = instance(deps.store, 'o-boss', { ADMIN_OPENIDS: 'o-boss, o-deputy' })

    expect(await main({ action: 'me' })).toMatchObject({ ok: true, data: { roles: ['resident', 'admin'] } })
    expect(await stored('o-boss')).toMatchObject({ roles: ['resident', 'admin'] })
    expect((await stored('o-deputy'))?.history.at(-1)).toMatchObject({ by: 'system', from: 'resident', to: 'resident,admin', note: '部署时指定的管理员' })
    expect((await counters(deps.store).findOne({ _id: 'users' }))?.value).toBe(2)
  })

  it('when the setting is empty, then a first caller is a resident only', async () => {
    expect(await instance(deps.store, 'o-boss', { ADMIN_OPENIDS: '' })({ action: 'me' })).toMatchObject({ ok: true, data: { roles: ['resident'] } })
  })

  it('when an admin revoked a named admin, then the next start leaves them revoked', async () => {
    const env = { ADMIN_OPENIDS: 'o-boss,o-deputy' }
    await instance(deps.store, 'o-boss', env)({ action: 'me' })
    const revoked = await instance(deps.store, 'o-boss', env)({ action: 'revokeRole', payload: { userId: userIdOf('o-deputy'), role: 'admin' } })
    expect(revoked).toMatchObject({ ok: true, data: { roles: ['resident'] } })

    expect(await instance(deps.store, 'o-deputy', env)({ action: 'me' })).toMatchObject({ ok: true, data: { roles: ['resident'] } })
    expect(await stored('o-deputy')).toMatchObject({ roles: ['resident'] })
  })
})

/** The reports function's entry on local adapters, with the caller WeChat would vouch for. */
function entry(openid: string | undefined) {
  const deps = createLocalDeps({ clock: manualClock('2026-11-23T01:00:00Z'), logger: quietLogger })
  const main = cloudMain(reportsHandler, { seed: [baseData], timer: sweep }, { deps: () => deps, openid: () => openid, env: {} })
  const open = async () => (await counters(deps.store).findOne({ _id: 'reportsOpen' }))!.value
  // a counter off from the ledger: what the sweep sets back, so we see whether it ran
  const drift = () => counters(deps.store).update({ _id: 'reportsOpen' }, { $inc: { value: 3 } })
  return { main, open, drift, close: () => deps.store.close() }
}

describe('timers', () => {
  it('when a client sends { Type: "Timer" } with its OPENID, then no sweep runs and it is answered as a call', async () => {
    const { main, open, drift, close } = entry('o-client')
    await main({ action: 'feed', payload: {} })
    await drift()
    expect(await main({ Type: 'Timer', TriggerName: 'hourly' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    expect(await open()).toBe(3)
    await close()
  })

  it('when the timer fires (no caller OPENID), then the sweep runs', async () => {
    const { main, open, drift, close } = entry(undefined)
    await main({ Type: 'Timer', TriggerName: 'hourly' })
    await drift()
    expect(await main({ Type: 'Timer', TriggerName: 'hourly' })).toMatchObject({ ok: true, data: { repaired: 1 } })
    expect(await open()).toBe(0)
    expect(await main({ action: 'feed', payload: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    await close()
  })
})
