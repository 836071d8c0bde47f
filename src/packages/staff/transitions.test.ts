import { REPORT_STATUSES } from '@contract'
import { availableActions } from './transitions'

const admin = { admin: true, handlesCase: false }
const handler = { admin: false, handlesCase: true }

describe('availableActions', () => {
  it('gives the office triage, dispatch, extension and verification steps', () => {
    expect(availableActions('submitted', admin)).toEqual(['accept', 'reject', 'markDuplicate'])
    expect(availableActions('accepted', admin)).toEqual(['assign', 'fixOnSpot'])
    expect(availableActions('returned', admin)).toEqual(['assign'])
    expect(availableActions('extension_requested', admin)).toEqual(['grantExtension', 'refuseExtension'])
    expect(availableActions('fixed', admin)).toEqual(['verify', 'rework'])
  })

  it('gives the department start only before work began', () => {
    expect(availableActions('assigned', handler)).toEqual(['start', 'fix', 'requestExtension', 'sendBack'])
    expect(availableActions('in_progress', handler)).toEqual(['fix', 'requestExtension', 'sendBack'])
    // past the deadline 退回 would erase it: not offered
    expect(availableActions('in_progress', handler, true)).toEqual(['fix', 'requestExtension'])
  })

  it('gives nothing in a final status, and nothing to someone who is neither', () => {
    for (const status of ['closed', 'rejected', 'duplicate'] as const) {
      expect(availableActions(status, { admin: true, handlesCase: true })).toEqual([])
    }
    for (const status of REPORT_STATUSES) expect(availableActions(status, { admin: false, handlesCase: false })).toEqual([])
  })

  it('never lets the department act on a case waiting on the office', () => {
    expect(availableActions('submitted', handler)).toEqual([])
    expect(availableActions('fixed', handler)).toEqual([])
    expect(availableActions('extension_requested', handler)).toEqual([])
  })
})
