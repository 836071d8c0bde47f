import type { Category, Counter, DayTally, Department, Grid, Holidays, OutboxMessage, PointsEntry, RejectReasons, Report, User } from '../../types/domain'
import type { Order, OrderProposal, OrderThresholdsSetting } from '../../types/orders'
import type { AssessmentWeightsSetting, Bulletin, Ranking } from '../../types/bulletins'
import type { InspectionPoint, PointType, Round, Visit } from '../../types/inspection'
import type { Attempt, Question, Quiz, QuizBest, QuizProfile, QuizTally, TimeGrant, Unit, WrongEntry } from '../../types/quiz'
import type { Activity, ServiceRecord, Signup, StarsMonth, Volunteer, VolunteerSettings } from '../../types/volunteer'
import type { IndexSpec, Store } from './ports'

/** Typed handles on the collections, named in one place. */
export const users = (store: Store) => store.collection<User>('users')
export const departments = (store: Store) => store.collection<Department>('departments')
export const categories = (store: Store) => store.collection<Category>('categories')
export const counters = (store: Store) => store.collection<Counter>('counters')
export const outbox = (store: Store) => store.collection<OutboxMessage>('outbox')
export const reports = (store: Store) => store.collection<Report & { hoursToFix?: number }>('reports')
export const grids = (store: Store) => store.collection<Grid>('grids')
export const points = (store: Store) => store.collection<PointsEntry>('points')
/** Marks a finished seed (core/seed.ts): written last, naming (by version) each part written in full. */
export interface SeedMarker {
  _id: 'seed'
  versions: string[]
  at: string
}
export const settings = (store: Store) => store.collection<Holidays | RejectReasons | VolunteerSettings | OrderThresholdsSetting | AssessmentWeightsSetting | SeedMarker>('settings')
/** When each sweep that runs less often than its timer last ran (`_id` names the sweep). */
export const sweeps = (store: Store) => store.collection<{ _id: string; at: string; families?: number }>('sweeps')
/** The ledger's figures per day (of filing, closing or deadline), kept by every filing and move (reports/tallies.ts). */
export const dayTallies = (store: Store) => store.collection<DayTally>('dayTallies')
/** 督办单 (reports/orders), the sweep's proposals, and each year's last order number (`_id` the year). */
export const orders = (store: Store) => store.collection<Order>('orders')
export const orderProposals = (store: Store) => store.collection<OrderProposal>('orderProposals')
export const orderYears = (store: Store) => store.collection<{ _id: string; value: number }>('orderYears')
/** 通报 (reports/bulletins), each year's last bulletin number (`_id` the year), and each month's frozen ranking (`_id` YYYY-MM). */
export const bulletins = (store: Store) => store.collection<Bulletin & { period: string }>('bulletins')
export const bulletinYears = (store: Store) => store.collection<{ _id: string; value: number }>('bulletinYears')
export const rankings = (store: Store) => store.collection<Ranking & { _id: string }>('rankings')
export const activities = (store: Store) => store.collection<Activity & { waiting: number }>('activities')
export const signups = (store: Store) => store.collection<Signup>('signups')
export const volunteers = (store: Store) => store.collection<Volunteer>('volunteers')
export const serviceRecords = (store: Store) => store.collection<ServiceRecord>('serviceRecords')
/** Verified hours per volunteer per month (`<YYYY-MM>:<userId>`), kept as rosters are confirmed, for the stars. */
export const monthly = (store: Store) => store.collection<{ _id: string; userId: string; month: string; hours: number; activities: number }>('monthly')
export const stars = (store: Store) => store.collection<StarsMonth>('stars')
/** Keys the functions sign with (the check-in code), made on first start; never sent to a client. */
export const secrets = (store: Store) => store.collection<{ _id: string; value: string }>('secrets')
/** Per person per day submission counts, for the rate limit: `<userId>:<YYYY-MM-DD>`. */
export const quotas = (store: Store) => store.collection<{ _id: string; count: number }>('quotas')
/** Files that expire (exports), by file id, so the sweep finds them in any storage. */
export const expiring = (store: Store) => store.collection<{ _id: string; expiresAt: string }>('expiring')

/** 督查 (reports/inspection): point types with their checklists, points, rounds and visits. */
export const pointTypes = (store: Store) => store.collection<PointType>('pointTypes')
export const inspectionPoints = (store: Store) => store.collection<InspectionPoint>('inspectionPoints')
export const rounds = (store: Store) => store.collection<Round>('rounds')
export const visits = (store: Store) => store.collection<Visit>('visits')

export const questions = (store: Store) => store.collection<Question>('questions')
export const units = (store: Store) => store.collection<Unit>('units')
export const quizProfiles = (store: Store) => store.collection<QuizProfile>('quizProfiles')
export const quizzes = (store: Store) => store.collection<Quiz>('quizzes')
export const attempts = (store: Store) => store.collection<Attempt>('attempts')
export const wrongBook = (store: Store) => store.collection<WrongEntry>('wrongBook')
export const quizBest = (store: Store) => store.collection<QuizBest>('quizBest')
export const quizTallies = (store: Store) => store.collection<QuizTally>('quizTallies')
/** Extra time the office granted a person for a quiz (`<quizId>:<userId>`). */
export const quizGrants = (store: Store) => store.collection<TimeGrant>('quizGrants')

/**
 * Every collection and the indexes it needs: the Postgres store makes a table and these indexes for each (and
 * refuses a collection missing here); for CloudBase the README lists them to create. `array` marks a field
 * that holds a list, matched by element.
 */
export const INDEXES: Record<string, IndexSpec[]> = {
  users: [{ fields: ['roles'], array: true }, { fields: ['createdAt'] }, { fields: ['nickname'] }],
  departments: [],
  categories: [{ fields: ['parentId'] }],
  counters: [],
  outbox: [{ fields: ['userId', 'createdAt'] }, { fields: ['createdAt'] }],
  reports: [
    { fields: ['status', 'createdAt'] },
    { fields: ['reporterId', 'createdAt'] },
    { fields: ['followers'], array: true },
    { fields: ['departmentId', 'createdAt'] },
    { fields: ['departmentId', 'deadline'] },
    // a department's open cases, nearest deadline first, without walking its closed ones
    { fields: ['departmentId', 'status', 'deadline'] },
    { fields: ['categoryId', 'createdAt'] },
    { fields: ['gridId', 'createdAt'] },
    { fields: ['createdAt'] },
    { fields: ['deadline'] },
    { fields: ['overdue'] },
    { fields: ['location.lat'] },
    { fields: ['location.lng'] },
    // a duplicate named by its number
    { fields: ['no'] },
    // the sweep's unanswered confirmations, not every closed case
    { fields: ['confirmation.state', 'closedAt'] },
    // the ledger of cases closed within some days (the cockpit's 办结)
    { fields: ['closedAt'] },
    // moves a crash cut short (core/moves.ts)
    { fields: ['pending.at'] },
    // the ledger by source, and an inspection's cases by round and by point type
    { fields: ['source', 'createdAt'] },
    { fields: ['inspection.roundId', 'inspection.pointId'] },
    { fields: ['inspection.typeId', 'createdAt'] },
    // a bulletin's period: cases fixed after it whose deadline fell in it, and residents' confirmations in it
    { fields: ['fixedAt'] },
    { fields: ['confirmation.at'] },
    // the running month's ranking: the cases fixed late since it began, and its unresolved confirmations
    { fields: ['overdue', 'fixedAt'] },
    { fields: ['confirmation.state', 'confirmation.at'] }
  ],
  pointTypes: [],
  inspectionPoints: [],
  rounds: [{ fields: ['day'] }, { fields: ['inspectorIds'], array: true }],
  visits: [
    { fields: ['roundId', 'pointId', 'at', 'latest'] },
    { fields: ['day'] },
    { fields: ['departmentId', 'day'] },
    { fields: ['typeId', 'day'] },
    { fields: ['gridId', 'day'] }
  ],
  // the ranking so far reads each unit's overdue cases still open, on every day they were filed
  dayTallies: [{ fields: ['family', 'value', 'day'] }, { fields: ['family', 'overdue', 'status'] }],
  orders: [
    // the orders holding a case
    { fields: ['caseIds'], array: true },
    { fields: ['departmentId', 'issuedAt'] },
    // per level and period, for the assessment; and the office's list by level
    { fields: ['level', 'issuedAt'] },
    { fields: ['state', 'issuedAt'] },
    { fields: ['issuedAt'] },
    // the sweep's open orders, without walking the closed ones
    { fields: ['closedAt', 'level', 'issuedAt'] }
  ],
  orderProposals: [{ fields: ['state', 'proposedAt'] }],
  orderYears: [],
  // one bulletin per kind and period; the list newest first, units' of published ones
  bulletins: [{ fields: ['period'], unique: true }, { fields: ['createdAt'] }, { fields: ['status', 'createdAt'] }, { fields: ['kind', 'createdAt'] }, { fields: ['status', 'kind', 'createdAt'] }],
  bulletinYears: [],
  rankings: [],
  grids: [],
  points: [{ fields: ['userId', 'at'] }],
  settings: [],
  sweeps: [],
  quotas: [],
  expiring: [{ fields: ['expiresAt'] }],
  activities: [{ fields: ['status'] }, { fields: ['startAt'] }, { fields: ['organizerId'] }, { fields: ['pending.at'] }],
  signups: [
    { fields: ['activityId', 'status', 'ticket'] },
    { fields: ['userId', 'startAt'] },
    { fields: ['status', 'offerExpiresAt'] },
    // forgotten check-outs: checked in, never out
    { fields: ['status', 'checkOutAt', 'checkInAt'] },
    { fields: ['pending.at'] }
  ],
  volunteers: [{ fields: ['certificateNo'], unique: true }, { fields: ['registeredAt'] }, { fields: ['correction.requestedAt'] }, { fields: ['phone'] }],
  serviceRecords: [{ fields: ['userId', 'at'] }, { fields: ['month'] }],
  monthly: [{ fields: ['month', 'hours', 'activities'] }],
  stars: [],
  secrets: [],
  questions: [{ fields: ['key'], unique: true }, { fields: ['point', 'createdAt'] }, { fields: ['active'] }],
  units: [{ fields: ['kind'] }],
  quizProfiles: [],
  quizzes: [{ fields: ['closesAt'] }],
  attempts: [{ fields: ['userId', 'startedAt'] }, { fields: ['quizId'] }, { fields: ['status'] }, { fields: ['deadline'] }, { fields: ['pending.at'] }],
  wrongBook: [{ fields: ['userId', 'mastered', 'lastMissedAt'] }],
  // the board: a quiz's people by score, then time
  quizBest: [{ fields: ['quizId', 'score', 'seconds', 'at'] }],
  quizTallies: [{ fields: ['quizId'] }, { fields: ['scope'] }],
  // a quiz's grants, latest first
  quizGrants: [{ fields: ['quizId', 'at'] }]
}

/**
 * Collections that stay small whatever the use (configuration, geography, the year's quizzes, a city's few hundred
 * inspection points): no query over them needs an index.
 */
export const FIXED_SIZE = ['orderYears', 'bulletinYears', 'rankings', 'departments', 'categories', 'counters', 'settings', 'secrets', 'grids', 'stars', 'quizzes', 'units', 'pointTypes', 'inspectionPoints']

/** Fields of a few values that are never used up (a status, a flag): an index led by one of them alone narrows nothing. */
export const COARSE_FIELDS = ['status', 'active', 'mastered', 'kind', 'scope']
