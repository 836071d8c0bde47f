/** The district's cases the benchmarks write: a year of them, most closed, the newest still moving. */
import type { Report, ReportStatus } from '../types/domain'
import { userIdOf } from '../cloudfunctions/core/identity'
import { DEMO_CENTER } from '../cloudfunctions/core/geo'

export const REPORTERS = 5_000
export const NOW = Date.parse('2026-11-23T09:00:00+08:00')
export const DAY = 86_400_000

const STATUSES: ReportStatus[] = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'in_progress', 'assigned', 'submitted']
const DEPARTMENTS = ['dept-cg', 'dept-zj', 'dept-jj', 'dept-sz', 'dept-yl']

export function caseAt(i: number, size: number): Report {
  // a year of cases, oldest first; the newest are still moving
  const created = NOW - Math.round(((size - i) / size) * 365 * DAY)
  const at = new Date(created).toISOString()
  const status = i > size - 200 ? (['submitted', 'assigned', 'in_progress'] as ReportStatus[])[i % 3] : STATUSES[i % 10]
  const onSpot = status === 'closed' && i % 10 < 5
  const assigned = !onSpot && status !== 'submitted'
  const later = (h: number) => new Date(created + h * 3600_000).toISOString()
  const history: { at: string; by: string; role: string; from: string | null; to: string; note: string }[] = [{ at, by: 'r', role: 'resident', from: null, to: 'submitted', note: '提交' }]
  if (status !== 'submitted') history.push({ at: later(2), by: 'a', role: 'admin', from: 'submitted', to: 'accepted', note: '受理' })
  if (assigned) history.push({ at: later(3), by: 'a', role: 'admin', from: 'accepted', to: 'assigned', note: '交办' })
  if (status === 'closed') history.push({ at: later(30), by: 'a', role: 'admin', from: 'fixed', to: 'closed', note: '核查通过' })
  return {
    _id: `bench${String(i).padStart(7, '0')}`,
    no: `SSP-${String(i).padStart(7, '0')}`,
    requestId: `bench-${i}`,
    reporterId: userIdOf(`bench-r${i % REPORTERS}`),
    anonymous: i % 3 === 0,
    categoryId: `g${(i % 7) + 1}-01`,
    categoryName: '井盖破损/缺失',
    groupId: `g${(i % 7) + 1}`,
    description: '人行道井盖缺失，夜间容易踩空，请尽快处理',
    photos: [`photo-${i}-1`, `photo-${i}-2`],
    location: { lat: DEMO_CENTER.lat + ((i % 97) - 48) * 0.0009, lng: DEMO_CENTER.lng + ((i % 89) - 44) * 0.0009, address: `测试路 ${i % 900} 号` },
    gridId: `grid-${(i % 6) + 1}`,
    status,
    departmentId: assigned ? DEPARTMENTS[i % 5] : null,
    deadline: assigned ? later(72) : null,
    // what the hourly sweep has marked: the open past their deadline, and some that closed late
    overdue: assigned && (status === 'closed' ? i % 11 === 0 : created + 72 * 3600_000 < NOW),
    onSpot,
    afterPhotos: status === 'closed' ? [`after-${i}`] : [],
    fixNote: status === 'closed' ? '已更换井盖' : null,
    rejectReason: null,
    duplicateOf: null,
    followers: i % 13 === 0 ? [userIdOf(`bench-r${(i + 1) % REPORTERS}`)] : [],
    needsReview: false,
    extension: null,
    confirmation: status === 'closed' ? { state: 'resolved', rating: 5, at: later(40) } : null,
    remindedAt: null,
    createdAt: at,
    updatedAt: later(30),
    acceptedAt: status === 'submitted' ? null : later(2),
    assignedAt: assigned ? later(3) : null,
    fixedAt: status === 'closed' ? later(20) : null,
    closedAt: status === 'closed' ? later(30) : null,
    history,
    ...(status === 'closed' ? { hoursToFix: 18 } : {})
  } as unknown as Report
}

