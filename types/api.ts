import type { Confirmation, CounterKey, Department, Grid, ReportLocation, ReportStatus, Role } from './domain'
import type { AttemptResult, Awareness, BoardRow, ExtraTimeReason, Feedback, ImportPreview, Paper, ProfileView, QuestionInput, QuestionKind, QuestionView, QuizHome, QuizInput, QuizPerson, QuizSummary, Unit, WrongItem } from './quiz'
import type { OrdersApi, OrderThresholds } from './orders'
import type { Cockpit } from './cockpit'
import type { AssessmentWeights, BulletinsApi } from './bulletins'
import type { CaseSource, ChecklistItem, FigureFilter, FiguresBreakdown, PointChecklist, PointFilter, PointInput, PointType, PointView, RoundInput, RoundSummary, RoundView, VisitInput, VisitView } from './inspection'
import type { ActivityCard, ActivityDetail, ActivityInput, ActivityType, Certificate, CorrectionRequest, MySignup, Roster, ServiceRecord, StarsMonth, StarWinner, VolunteerMe, VolunteerSummary } from './volunteer'

/** A school or community as pickers and the office list show it. */
export interface UnitView {
  id: string
  kind: Unit['kind']
  name: string
  classes: string[]
  members: number | null
}

/** One page of a list. `page` is 1-based. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageQuery {
  page?: number
  pageSize?: number
}

export interface DepartmentRef {
  id: string
  name: string
}

/** What a caller learns about themselves. */
export interface Me {
  id: string
  nickname: string
  roles: Role[]
  department: DepartmentRef | null
  joinedAt: string
}

/** What staff see about another user: never the openid, phone or real name. */
export interface UserSummary {
  id: string
  nickname: string
  roles: Role[]
  department: DepartmentRef | null
  joinedAt: string
}

/** A row of a role list the office imports: who it found, the role and department it read, or what is wrong, by column. */
export interface RoleImportRow {
  row: number
  status: 'valid' | 'invalid'
  errors: { field: string; message: string }[]
  user: { id: string; nickname: string } | null
  role: Role | null
  department: DepartmentRef | null
  /** Already held as the row says: importing changes nothing for this row. */
  held: boolean
}

export interface RoleImportPreview {
  rows: RoleImportRow[]
  valid: number
  invalid: number
}

export interface CategoryKind {
  id: string
  name: string
  department: DepartmentRef | null
  deadlineDays: number
}

export interface CategoryGroup {
  id: string
  name: string
  kinds: CategoryKind[]
}

export interface Overview {
  counts: Record<CounterKey, number>
  departments: number
  categoryGroups: { id: string; name: string; kinds: number }[]
  generatedAt: string
}

// ---------------------------------------------------------------- 随手拍

/** A case in a list. Photo fields are URLs a client can display. */
export interface ReportCard {
  id: string
  no: string
  status: ReportStatus
  categoryName: string
  description: string
  address: string
  thumb: string | null
  createdAt: string
  deadline: string | null
  overdue: boolean
  department: DepartmentRef | null
  followers: number
  /** Staff only: the text asked for a person's look (always false for residents). */
  needsReview: boolean
  source: CaseSource
}

export interface TimelineEntry {
  at: string
  /** Who acted, as the public may know it: 市民, 创文办, a department's name, 系统. */
  actor: string
  from: ReportStatus | null
  to: ReportStatus
  note: string | null
  photos: string[]
  deadline: string | null
}

export interface ReportDetail extends ReportCard {
  photos: string[]
  afterPhotos: string[]
  location: ReportLocation
  anonymous: boolean
  categoryId: string
  grid: { id: string; name: string } | null
  fixNote: string | null
  rejectReason: string | null
  duplicateOf: string | null
  onSpot: boolean
  extension: { days: number; reason: string; requestedAt: string } | null
  confirmation: Confirmation | null
  timeline: TimelineEntry[]
  /** The caller filed it. */
  mine: boolean
  following: boolean
  /** The caller may answer 已解决 / 未解决 now. */
  canConfirm: boolean
  /** The caller may say 我也遇到 now: a public case still being worked on, not their own, not yet followed. */
  canFollow: boolean
  /** The reporter's nickname for the staff concerned; of an anonymous case for the office alone; else null. */
  reporter: string | null
}

/** Public feed: no reporter, photos only once the office accepted the case. */
export interface FeedItem {
  id: string
  categoryName: string
  status: ReportStatus
  description: string
  address: string
  photos: string[]
  createdAt: string
  /** Metres from the point asked about; null when no point was given. */
  distance: number | null
}

/** An open case close to a new report, offered before submitting ("我也遇到"). */
export interface NearbyMatch {
  id: string
  no: string
  categoryName: string
  status: ReportStatus
  description: string
  address: string
  thumb: string | null
  createdAt: string
  distance: number
  followers: number
  /** The caller filed it (nothing to follow) or already follows it. */
  mine: boolean
  following: boolean
}

export interface LedgerFilter {
  status?: ReportStatus | 'open'
  categoryId?: string
  departmentId?: string
  gridId?: string
  /** Filed on or after this day (YYYY-MM-DD, Beijing time). */
  from?: string
  /** Filed on or before this day. */
  to?: string
  overdue?: boolean
  source?: CaseSource
  /** Closed on or after this day (and closed now). */
  closedFrom?: string
  closedTo?: string
  /** Due on or after this day. */
  dueFrom?: string
  dueTo?: string
}

/** The office's cases waiting on it: new ones to triage, accepted or sent back to assign, fixes to verify, extension requests. */
export interface OfficeWaiting {
  triage: number
  assign: number
  verify: number
  extensions: number
}

/** What waits on the caller as staff, for the red counts on their entries; null where they hold no such role. */
export interface Waiting {
  office: OfficeWaiting | null
  /** The open cases with the caller's department. */
  department: number | null
  /** The 督办单 waiting on the caller's department: not yet replied. */
  orders: number | null
}

/** The figures the campaign documents report (交办, 立行立改, 限期整改, 已整改, 整改中, 超期, 整改率). */
export interface LedgerStats {
  total: number
  submitted: number
  assigned: number
  onSpot: number
  byDeadline: number
  fixed: number
  inProgress: number
  overdue: number
  /** Fixed share of assigned + on-the-spot cases, in percent with one decimal; null when there are none. */
  fixRate: number | null
  avgHoursToFix: number | null
}

export interface RoutingSuggestion {
  grid: { id: string; name: string; worker: string } | null
  department: DepartmentRef | null
  deadlineDays: number
  deadline: string
}

export interface Settings {
  categories: CategoryGroup[]
  departments: Department[]
  grids: Grid[]
  rejectReasons: string[]
  holidays: { off: string[]; workdays: string[] }
  orderThresholds: OrderThresholds
  assessmentWeights: AssessmentWeights
}

export interface InboxMessage {
  id: string
  title: string
  body: string
  page: string | null
  createdAt: string
  read: boolean
}

type Id = { id: string }
type Transition<P = Record<string, never>> = { req: Id & P; res: ReportDetail }

/**
 * Every action of every cloud function: its payload and its answer.
 * The api client and the function routers are both typed from this map.
 */
export interface Api {
  users: {
    me: { req: Record<string, never>; res: Me }
    updateProfile: { req: { nickname: string }; res: Me }
    list: { req: PageQuery & { role?: Role; keyword?: string }; res: Page<UserSummary> }
    grantRole: { req: { userId: string; role: Role; departmentId?: string }; res: UserSummary }
    revokeRole: { req: { userId: string; role: Role }; res: UserSummary }
    inbox: { req: PageQuery; res: Page<InboxMessage> & { unread: number } }
    markRead: { req: { ids?: string[] }; res: { unread: number } }
    points: { req: PageQuery; res: Page<{ points: number; reason: string; at: string; reportId: string | null }> & { balance: number } }
  }
  campaign: {
    overview: { req: Record<string, never>; res: Overview }
    categories: { req: Record<string, never>; res: CategoryGroup[] }
    departments: { req: Record<string, never>; res: Department[] }
    settings: { req: Record<string, never>; res: Settings }
    rejectReasons: { req: Record<string, never>; res: string[] }
    calendar: { req: Record<string, never>; res: { off: string[]; workdays: string[] } }
    saveCategory: { req: { id?: string; name: string; parentId: string | null; departmentId?: string; deadlineDays?: number }; res: CategoryGroup[] }
    saveDepartment: { req: { id?: string; name: string; short: string }; res: Department[] }
    saveGrid: { req: { id?: string; name: string; worker: string; polygon: [number, number][] }; res: Grid[] }
    setRejectReasons: { req: { reasons: string[] }; res: string[] }
    setHolidays: { req: { off: string[]; workdays: string[] }; res: { off: string[]; workdays: string[] } }
    setOrderThresholds: { req: OrderThresholds; res: OrderThresholds }
    setAssessmentWeights: { req: AssessmentWeights; res: AssessmentWeights }
  }
  reports: {
    // residents
    submit: { req: { categoryId: string; description: string; photos: string[]; location: ReportLocation; anonymous: boolean }; res: ReportDetail }
    nearby: { req: { categoryId: string; lat: number; lng: number }; res: NearbyMatch[] }
    follow: { req: Id; res: { followers: number } }
    mine: { req: PageQuery & { scope?: 'open' | 'closed' | 'all' }; res: Page<ReportCard> }
    detail: { req: Id; res: ReportDetail }
    confirm: Transition<{ resolved: boolean; rating?: number; comment?: string; reason?: string }>
    feed: { req: PageQuery & { lat?: number; lng?: number }; res: Page<FeedItem> }
    // office
    ledger: { req: PageQuery & LedgerFilter; res: Page<ReportCard> }
    stats: { req: LedgerFilter; res: LedgerStats }
    export: { req: LedgerFilter; res: { fileId: string; url: string; rows: number } }
    suggest: { req: Id; res: RoutingSuggestion }
    accept: Transition<{ note?: string }>
    reject: Transition<{ reason: string; note?: string }>
    markDuplicate: Transition<{ duplicateOf: string }>
    assign: Transition<{ departmentId: string; gridId?: string; deadlineDays: number; note?: string }>
    fixOnSpot: Transition<{ afterPhotos: string[]; note: string }>
    verify: Transition<{ note?: string }>
    rework: Transition<{ reason: string }>
    grantExtension: Transition<{ note?: string }>
    refuseExtension: Transition<{ note: string }>
    // departments
    queue: { req: PageQuery & { scope?: 'open' | 'all' }; res: Page<ReportCard> }
    start: Transition<{ note?: string }>
    fix: Transition<{ afterPhotos: string[]; note: string }>
    sendBack: Transition<{ reason: string }>
    requestExtension: Transition<{ days: number; reason: string }>
    // either
    waiting: { req: Record<string, never>; res: Waiting }
    cockpit: { req: Record<string, never>; res: Cockpit }
    // 督查 (reports/inspection)
    pointTypes: { req: Record<string, never>; res: PointType[] }
    savePointType: { req: { id?: string; name: string; checklist: ChecklistItem[] }; res: PointType[] }
    points: { req: PageQuery & PointFilter; res: Page<PointView> }
    savePoint: { req: PointInput & { id?: string }; res: PointView }
    exportPoints: { req: PointFilter; res: { fileId: string; url: string; rows: number } }
    importPoints: { req: { fileId: string }; res: { imported: number; updated: number } }
    rounds: { req: PageQuery; res: Page<RoundSummary> }
    round: { req: Id; res: RoundView }
    planRound: { req: RoundInput; res: RoundView }
    drawPoints: { req: Id & { count: number; typeId?: string; gridId?: string }; res: RoundView }
    myRounds: { req: Record<string, never>; res: RoundView[] }
    checklist: { req: { roundId: string; pointId: string }; res: PointChecklist }
    visit: { req: VisitInput; res: VisitView }
    figures: { req: FigureFilter; res: FiguresBreakdown }
    exportFigures: { req: FigureFilter; res: { fileId: string; url: string; rows: number } }
  } & OrdersApi & BulletinsApi
  volunteer: {
    // volunteers
    register: { req: { realName: string; phone: string; team: string; birthDate: string; guardian?: { name: string; phone: string; consent: boolean } }; res: VolunteerMe }
    me: { req: Record<string, never>; res: VolunteerMe | null }
    activities: { req: PageQuery & { month?: string; type?: ActivityType; scope?: 'upcoming' | 'month' }; res: Page<ActivityCard> }
    activity: { req: Id; res: ActivityDetail }
    signUp: { req: Id; res: MySignup }
    cancel: { req: Id; res: MySignup }
    acceptOffer: { req: Id; res: MySignup }
    checkIn: { req: Id & { code: string; lat?: number; lng?: number }; res: MySignup }
    checkOut: { req: Id & { code: string; lat?: number; lng?: number }; res: MySignup }
    mine: { req: PageQuery; res: Page<ActivityCard & { signup: MySignup }> }
    hours: { req: PageQuery; res: Page<Pick<ServiceRecord, 'hours' | 'kind' | 'reason' | 'activityTitle' | 'at'>> & { me: VolunteerMe } }
    certificate: { req: Record<string, never>; res: Certificate }
    verify: { req: { no: string }; res: { valid: boolean; name: string | null; hours: number | null; activities: number | null } }
    stars: { req: Record<string, never>; res: { month: string; status: StarsMonth['status']; noticeUntil: string; note: string | null; winners: Omit<StarWinner, 'userId'>[] }[] }
    // organizers
    create: { req: ActivityInput; res: ActivityDetail }
    update: { req: Id & ActivityInput; res: ActivityDetail }
    publish: { req: Id; res: ActivityDetail }
    cancelActivity: { req: Id & { reason: string }; res: ActivityDetail }
    organized: { req: PageQuery; res: Page<ActivityCard> }
    code: { req: Id; res: { code: string; qr: string; expiresAt: string } }
    roster: { req: Id; res: Roster }
    reviewAttendance: { req: Id & { userId: string; approve: boolean }; res: Roster }
    confirmRoster: { req: Id; res: Roster }
    exportRoster: { req: Id; res: { fileId: string; url: string; rows: number } }
    // office
    volunteers: { req: PageQuery & { keyword?: string }; res: Page<VolunteerSummary> }
    previewRoles: { req: { fileId: string }; res: RoleImportPreview }
    importRoles: { req: { fileId: string }; res: { granted: number; unchanged: number } }
    makeup: { req: { userId: string; hours: number; reason: string }; res: VolunteerSummary }
    corrections: { req: PageQuery; res: Page<CorrectionRequest> }
    decideCorrection: { req: { userId: string; approve: boolean; reason?: string }; res: VolunteerSummary }
    starCandidates: { req: { month: string }; res: StarWinner[] }
    publishStars: { req: { month: string; userIds: string[] }; res: StarsMonth }
    finalizeStars: { req: { month: string }; res: StarsMonth }
  }
  quiz: {
    // people
    home: { req: Record<string, never>; res: QuizHome }
    profile: { req: Record<string, never>; res: ProfileView }
    units: { req: { kind: Unit['kind'] }; res: UnitView[] }
    bind: { req: { schoolId?: string | null; className?: string | null; communityId?: string | null; code?: string }; res: ProfileView }
    start: { req: { quizId: string }; res: Paper }
    practice: { req: { from: 'daily' | 'wrong' }; res: Paper }
    paper: { req: { attemptId: string }; res: Paper }
    answer: { req: { attemptId: string; index: number; choice: number[] }; res: { savedAt: string; feedback: Feedback | null } }
    submit: { req: { attemptId: string }; res: AttemptResult }
    result: { req: { attemptId: string }; res: AttemptResult }
    wrongBook: { req: PageQuery; res: Page<WrongItem> }
    // office
    questions: { req: PageQuery & { point?: string; kind?: QuestionKind; keyword?: string; active?: boolean }; res: Page<QuestionView> & { points: { point: string; count: number }[] } }
    saveQuestion: { req: QuestionInput & { id?: string; active?: boolean }; res: QuestionView }
    template: { req: Record<string, never>; res: { fileId: string; url: string } }
    previewImport: { req: { fileId: string }; res: ImportPreview }
    importQuestions: { req: { fileId: string; validOnly: boolean }; res: { imported: number; skipped: number } }
    quizzes: { req: PageQuery; res: Page<QuizSummary> }
    quiz: { req: { quizId: string }; res: QuizSummary }
    saveQuiz: { req: QuizInput & { id?: string }; res: QuizSummary }
    saveUnit: { req: { id?: string; kind: Unit['kind']; name: string; classes: string[]; members: number | null }; res: UnitView }
    classCodes: { req: { schoolId: string }; res: Record<string, string> }
    awareness: { req: { quizId: string }; res: Awareness }
    board: { req: PageQuery & { quizId: string }; res: Page<BoardRow> }
    exportAwareness: { req: { quizId: string }; res: { fileId: string; url: string } }
    /** Without a keyword, the people granted extra time for the quiz; with one, people by nickname or phone. */
    people: { req: { quizId: string; keyword?: string }; res: QuizPerson[] }
    grantTime: { req: { quizId: string; userId: string; minutes: number; reason: ExtraTimeReason }; res: QuizPerson }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: unknown; res: unknown } ? Api[F][A] : never
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req']
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res']

/** The body of `POST /api/<function>` and the event a cloud function receives. */
export interface CallEvent<P = unknown> {
  action: string
  payload?: P
  requestId?: string
}
