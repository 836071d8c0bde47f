import type { CaseSource } from '../../types/inspection'
import type { Category, PublicText, ReportHistoryEntry, ReportLocation, User } from '../../types/domain'
import { beijingDay } from '../../types/calendar'
import type { StoredReport } from './repository'

export interface NewCase {
  _id: string
  requestId: string
  source: CaseSource
  reporter: User
  anonymous: boolean
  category: Category
  description: PublicText
  photos: string[]
  location: ReportLocation
  gridId: string | null
  needsReview: boolean
  at: string
  /** The filing step as the timeline shows it. */
  filed: Pick<ReportHistoryEntry, 'role' | 'note'>
}

/** Staff who file a problem they met on their rounds file it as a patrol, not as a resident's photo. */
export const sourceOfCaller = (caller: User): CaseSource => (caller.roles.some((r) => r === 'handler' || r === 'admin' || r === 'inspector') ? '网格巡查' : '随手拍')

/** Every case starts here, whoever found it: one shape for the ledger and its state machine. */
export function newCase(c: NewCase): StoredReport {
  return {
    _id: c._id,
    no: `${beijingDay(c.at).replaceAll('-', '')}-${c._id.slice(-6).toUpperCase()}`,
    requestId: c.requestId,
    source: c.source,
    reporterId: c.reporter._id,
    anonymous: c.anonymous,
    categoryId: c.category._id,
    categoryName: c.category.name,
    groupId: c.category.parentId!,
    description: c.description,
    photos: c.photos,
    location: c.location,
    gridId: c.gridId,
    status: 'submitted',
    departmentId: null,
    deadline: null,
    overdue: false,
    onSpot: false,
    afterPhotos: [],
    fixNote: null,
    rejectReason: null,
    duplicateOf: null,
    followers: [],
    needsReview: c.needsReview,
    extension: null,
    confirmation: null,
    remindedAt: null,
    createdAt: c.at,
    updatedAt: c.at,
    acceptedAt: null,
    assignedAt: null,
    fixedAt: null,
    closedAt: null,
    history: [{ at: c.at, by: c.reporter._id, ...c.filed, from: null, to: 'submitted', photos: c.photos }]
  }
}
