import type { Report } from '../../types/domain'
import { familyFor, repairDue, tallyChanges } from './tallies'

const filed = {
  createdAt: '2026-11-23T17:30:00.000Z', // 01:30 on the 24th in Beijing
  status: 'assigned',
  overdue: false,
  onSpot: false,
  assignedAt: '2026-11-24T02:00:00.000Z',
  fixedAt: null,
  categoryId: 'g2-01',
  departmentId: 'dept-cg',
  gridId: null
} as Pick<Report, 'createdAt' | 'status' | 'overdue' | 'onSpot' | 'assignedAt' | 'fixedAt' | 'categoryId' | 'departmentId' | 'gridId' | 'source'>

describe('day tallies', () => {
  it('when a case is filed, then it counts once in each family on its Beijing day, a case without a grid under grid "", one without a source as 随手拍', () => {
    const changes = tallyChanges(null, filed)
    expect(changes.map((c) => c.key._id)).toEqual(['all||2026-11-24|assigned|0', 'categoryId|g2-01|2026-11-24|assigned|0', 'departmentId|dept-cg|2026-11-24|assigned|0', 'gridId||2026-11-24|assigned|0', 'source|随手拍|2026-11-24|assigned|0'])
    expect(tallyChanges(null, { ...filed, source: '督查' }).map((c) => c.key._id)).toContain('source|督查|2026-11-24|assigned|0')
    expect(changes[0].by).toEqual({ n: 1, onSpot: 0, byDeadline: 1, fixed: 0, hours: 0 })
  })

  it('when a case moves, then its old rows lose it and its new rows gain it with what changed; a move that changes nothing counted changes nothing', () => {
    const fixed = { ...filed, status: 'fixed' as const, fixedAt: '2026-11-25T02:00:00.000Z', hoursToFix: 24 }
    const changes = tallyChanges(filed, fixed)
    expect(changes.find((c) => c.key._id === 'all||2026-11-24|assigned|0')?.by).toEqual({ n: -1, onSpot: 0, byDeadline: -1, fixed: 0, hours: 0 })
    expect(changes.find((c) => c.key._id === 'all||2026-11-24|fixed|0')?.by).toEqual({ n: 1, onSpot: 0, byDeadline: 1, fixed: 1, hours: 24 })
    expect(tallyChanges(filed, { ...filed })).toEqual([])
  })

  it('when a filter names two of kind, department and grid, then no family answers it', () => {
    expect(familyFor({})).toBe('all')
    expect(familyFor({ status: 'open', gridId: 'g1' })).toBe('gridId')
    expect(familyFor({ categoryId: 'g2-01', departmentId: 'dept-cg' })).toBeNull()
    expect(familyFor({ source: '督查' })).toBe('source')
    expect(familyFor({ source: '督查', gridId: 'g1' })).toBeNull()
  })

  it('when the repair last ran yesterday, then it is due from 03:00 Beijing and not before; never run, it is due at once', () => {
    expect(repairDue(null, new Date('2026-11-24T10:00:00+08:00'))).toBe(true)
    expect(repairDue('2026-11-23T03:10:00+08:00', new Date('2026-11-24T02:50:00+08:00'))).toBe(false)
    expect(repairDue('2026-11-23T03:10:00+08:00', new Date('2026-11-24T03:00:00+08:00'))).toBe(true)
    expect(repairDue('2026-11-24T03:00:00+08:00', new Date('2026-11-24T23:00:00+08:00'))).toBe(false)
  })
})
