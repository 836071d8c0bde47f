import type { MySignup } from '@contract'
import { checkMove, isActive } from './moves'

const activity = { startAt: '2026-11-23T09:00:00', endAt: '2026-11-23T11:00:00', status: 'published' as const }
const signup = (patch: Partial<MySignup> = {}): MySignup => ({
  status: 'confirmed',
  position: null,
  offerExpiresAt: null,
  checkInAt: null,
  checkOutAt: null,
  placeCheck: null,
  attendance: 'pending',
  hours: null,
  ...patch
})
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00`)

describe('checkMove', () => {
  it('opens check-in half an hour before the start until the end', () => {
    expect(checkMove(activity, signup(), at('08:29'))).toBeNull()
    expect(checkMove(activity, signup(), at('08:30'))).toBe('checkIn')
    expect(checkMove(activity, signup(), at('11:00'))).toBe('checkIn')
    expect(checkMove(activity, signup(), at('11:01'))).toBeNull()
  })
  it('offers check-out once checked in, until two hours after the end', () => {
    const inside = signup({ checkInAt: '2026-11-23T08:50:00' })
    expect(checkMove(activity, inside, at('10:00'))).toBe('checkOut')
    expect(checkMove(activity, inside, at('13:00'))).toBe('checkOut')
    expect(checkMove(activity, inside, at('13:01'))).toBeNull()
  })
  it('offers nothing after check-out, without a place, or when cancelled', () => {
    expect(checkMove(activity, signup({ checkInAt: '2026-11-23T08:50:00', checkOutAt: '2026-11-23T11:00:00' }), at('11:05'))).toBeNull()
    expect(checkMove(activity, signup({ status: 'waitlisted' }), at('10:00'))).toBeNull()
    expect(checkMove(activity, null, at('10:00'))).toBeNull()
    expect(checkMove({ ...activity, status: 'cancelled' }, signup(), at('10:00'))).toBeNull()
  })
})

it('counts confirmed, waitlisted and offered sign-ups as active', () => {
  expect((['confirmed', 'waitlisted', 'offered', 'cancelled', 'passed'] as const).map((status) => isActive(signup({ status })))).toEqual([true, true, true, false, false])
  expect(isActive(null)).toBe(false)
})
