import { counters } from './collections'
import { manualClock } from './basics'
import { cloudMain } from './cloud-entry'
import { createLocalDeps } from './local-deps'
import { quietLogger } from '../../test/support/runtime'
import { reportsHandler } from '../reports/actions'
import { sweep } from '../reports/daily'

/** The reports function's entry on local adapters, with the caller WeChat would vouch for. */
function entry(openid: string | undefined) {
  const deps = createLocalDeps({ clock: manualClock('2026-11-23T01:00:00Z'), logger: quietLogger })
  const main = cloudMain(reportsHandler, sweep, { deps: async () => deps, openid: () => openid })
  const open = async () => (await counters(deps.store).findOne({ _id: 'reportsOpen' }))!.value
  // a counter off from the ledger: what the sweep sets back, so we see whether it ran
  const drift = () => counters(deps.store).update({ _id: 'reportsOpen' }, { $inc: { value: 3 } })
  return { main, open, drift, close: () => deps.store.close() }
}

describe('cloud entry', () => {
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
