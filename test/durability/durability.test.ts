/**
 * Durability: a real runtime process (tsx runtime/start.ts, PGlite on disk) takes 1,000 submits, 200 accepts,
 * 200 volunteer registrations and sign-ups, on-the-spot fixes and cancellations from 12 clients at once, and is
 * killed with SIGKILL three times while they are in flight. After each kill the data folder is copied as the
 * crash left it and the runtime is started again on it. At the end the copies and the final folder are opened
 * here and checked: every write answered 200 is there, and no move is half applied (points, balances, counters,
 * quotas, seats, waitlists and notices all agree with the cases and sign-ups).
 *
 * `npm run test:durability`: 2½–3 minutes on two cores, so not part of `npm test`. DURABILITY_SEED=<n> repeats
 * the order of the writes and where the kills fall (the timing still varies); DURABILITY_KEEP=1 keeps the folder
 * (data, the copies made at each kill, each start's output) and prints where it is.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openPglite } from '../../cloudfunctions/core/adapters/postgres/databases'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { OPEN_REPORT_STATUSES } from '../../types/domain'
import { PNG, SPOT } from '../support/reports'

jest.setTimeout(15 * 60_000)

const ROOT = path.resolve(__dirname, '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const BANNER = '创文通本地运行时已启动'
const FIRST_START_MS = 180_000 // initdb and the first seeding
const RESTART_MS = 60_000
const CLIENTS = 12
const KILLS = 3

const RESIDENTS = 200
const COUNTS = { submit: 1000, accept: 200, fix: 40, register: 200, signUp: 200, cancel: 40 } as const
const ACTIVITIES = 4
const CAPACITY = 25
const ACCEPT_POINTS = 10

type Kind = keyof typeof COUNTS

interface Answer {
  status?: number
  code?: string
  data?: any
  /** The connection failed: refused, reset, or closed before the whole answer arrived. */
  error?: string
  answeredAt: number
  /** Before a resend: whether what the lost request was to do had been done (submits and accepts). */
  doneBefore?: boolean
}

interface Op {
  n: number
  kind: Kind
  fn: 'reports' | 'volunteer'
  action: string
  openid: string
  payload: Record<string, unknown>
  requestId: string
  /** What the op is about: the case id, or the activity id for sign-ups and cancellations. */
  target: string
  /** The first answer, then one per resend of a request whose answer was lost. */
  attempts: Answer[]
}

const ok = (a: Answer | undefined) => a?.status === 200
/** The client cannot know what happened: no answer, or the runtime gave up on it (503). */
const unknown = (a: Answer | undefined) => !!a && (a.error !== undefined || a.status === 503)
const okAnswer = (op: Op) => op.attempts.find(ok)
const resent = (op: Op) => op.attempts.length > 1
/** Answered 200, or resent after a lost answer and told 409 because the move had been made. */
const acknowledged = (op: Op) => !!okAnswer(op) || (resent(op) && ['accept', 'fix', 'cancel'].includes(op.kind) && op.attempts.at(-1)!.code === 'CONFLICT')

const pad = (n: number) => String(n).padStart(4, '0')
const reportIdOf = (userId: string, requestId: string) => 'r' + createHash('sha256').update(`${userId}:${requestId}`).digest('hex').slice(0, 23)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function freePort() {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The runtime as a child process in its own process group (tsx runs the server in a child of its own). */
class Runtime {
  child?: ChildProcess
  log: string[] = []
  starts = 0

  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly logDir: string
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  /** Starts it and answers how long until it said it was listening. */
  start(timeoutMs: number): Promise<number> {
    const t0 = performance.now()
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir, SKIP_BUILD: '1', DEMO_DATA: '0', FORCE_COLOR: '0' }
    delete env.DATABASE_URL
    delete env.NODE_OPTIONS
    const child = spawn(TSX, ['runtime/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    this.child = child
    const n = ++this.starts
    const lines: string[] = []
    this.log = lines
    return new Promise((resolve, reject) => {
      let settled = false
      const done = (error?: Error) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        writeFileSync(path.join(this.logDir, `runtime-${n}.log`), lines.join(''))
        if (error) reject(error)
        else resolve(performance.now() - t0)
      }
      const timer = setTimeout(() => done(new Error(`runtime start ${n} did not listen within ${timeoutMs} ms:\n${lines.join('').slice(-3000)}`)), timeoutMs)
      const take = (chunk: Buffer) => {
        const text = chunk.toString('utf8')
        lines.push(text)
        if (text.includes(BANNER)) done()
      }
      child.stdout!.on('data', take)
      child.stderr!.on('data', take)
      child.once('exit', (code, signal) => done(new Error(`runtime start ${n} exited (${code ?? signal}) before listening:\n${lines.join('').slice(-3000)}`)))
    })
  }

  /** SIGKILL to the whole group; resolves once no process of it is left. */
  async kill() {
    const pid = this.child!.pid!
    process.kill(-pid, 'SIGKILL')
    while (alive(-pid)) await sleep(5)
  }

  /** SIGTERM to tsx, which passes it on; the runtime closes the store and exits. */
  async stop() {
    const pid = this.child!.pid!
    const t0 = performance.now()
    this.child!.kill('SIGTERM')
    while (alive(-pid)) {
      if (performance.now() - t0 > 30_000) {
        process.kill(-pid, 'SIGKILL')
        throw new Error('runtime did not stop within 30 s of SIGTERM')
      }
      await sleep(20)
    }
    return performance.now() - t0
  }
}

async function post(rt: Runtime, fn: string, openid: string, body: object): Promise<Answer> {
  try {
    const res = await fetch(`${rt.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': openid },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000)
    })
    const json = JSON.parse(await res.text()) as { ok: boolean; data?: unknown; code?: string }
    return { status: res.status, code: json.code, data: json.data, answeredAt: performance.now() }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return { error: cause?.code ?? (error as Error).name ?? String(error), answeredAt: performance.now() }
  }
}

async function must(rt: Runtime, fn: string, openid: string, action: string, payload: object) {
  const a = await post(rt, fn, openid, { action, payload, requestId: `setup-${action}-${Math.random().toString(36).slice(2)}` })
  if (a.status !== 200) throw new Error(`${fn}.${action} refused: ${JSON.stringify(a)}`)
  return a.data
}

async function upload(rt: Runtime, openid: string) {
  const form = new FormData()
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${rt.url}/files`, { method: 'POST', headers: { 'x-openid': openid }, body: form })
  const json = (await res.json()) as { ok: boolean; data: { fileId: string } }
  if (!json.ok) throw new Error(`upload refused: ${JSON.stringify(json)}`)
  return json.data.fileId
}

// ---------------------------------------------------------------------------------------------------------------
// What is in a data folder, and what must hold of it

const COLLECTIONS = ['reports', 'points', 'users', 'counters', 'quotas', 'activities', 'signups', 'volunteers', 'outbox'] as const
type Loaded = Record<(typeof COLLECTIONS)[number], any[]>

async function load(pgDir: string): Promise<{ data: Loaded; openMs: number }> {
  const t0 = performance.now()
  const db = await openPglite(pgDir)
  const openMs = performance.now() - t0
  try {
    const data = {} as Loaded
    for (const name of COLLECTIONS) data[name] = (await db.query<{ doc: any }>(`SELECT doc FROM public."${name}"`)).rows.map((r) => r.doc)
    return { data, openMs }
  } finally {
    await db.close()
  }
}

const HOLDING_SEAT = ['confirmed', 'offered']

/** Every broken promise and every half-applied move in one data folder, in words; empty when all is well. */
function violations(d: Loaded, acknowledged: Op[]): string[] {
  const out: string[] = []
  const by = <T>(list: T[], key: (x: T) => string) => new Map(list.map((x) => [key(x), x]))
  const reports = by(d.reports, (r) => r._id)
  const users = by(d.users, (u) => u._id)
  const volunteers = by(d.volunteers, (v) => v._id)
  const signups = by(d.signups, (s) => s._id)
  const counters = new Map(d.counters.map((c) => [c._id, c.value as number]))

  // 1. every write answered 200 is there
  for (const op of acknowledged) {
    const userId = userIdOf(op.openid)
    if (op.kind === 'submit') {
      const answered = okAnswer(op)!.data.id
      if (answered !== op.target) out.push(`submit by ${op.openid} answered case ${answered}, its id is ${op.target}`)
      const r = reports.get(op.target)
      if (!r) out.push(`submit ${op.target} by ${op.openid} answered 200 but the case is missing`)
      else if (r.reporterId !== userId || r.requestId !== op.requestId) out.push(`submit ${r._id}: stored for ${r.reporterId}/${r.requestId}, answered for ${userId}/${op.requestId}`)
    } else if (op.kind === 'accept') {
      const r = reports.get(op.target)
      if (!r || r.status === 'submitted' || !r.acceptedAt) out.push(`accept ${op.target} answered 200 but the case is ${r ? r.status : 'missing'}`)
    } else if (op.kind === 'fix') {
      const r = reports.get(op.target)
      if (!r || r.status !== 'closed' || !r.onSpot) out.push(`fixOnSpot ${op.target} answered 200 but the case is ${r ? r.status : 'missing'}`)
    } else if (op.kind === 'register') {
      if (!volunteers.has(userId)) out.push(`register ${op.openid} answered 200 but there is no volunteer`)
      if (!users.get(userId)?.roles.includes('volunteer')) out.push(`register ${op.openid} answered 200 but the user has no volunteer role`)
    } else if (op.kind === 'signUp') {
      if (!signups.has(`${op.target}:${userId}`)) out.push(`signUp ${op.openid} → ${op.target} answered 200 but there is no sign-up`)
    } else if (op.kind === 'cancel') {
      const s = signups.get(`${op.target}:${userId}`)
      if (s?.status !== 'cancelled') out.push(`cancel ${op.openid} → ${op.target} answered 200 but the sign-up is ${s?.status ?? 'missing'}`)
    }
  }

  // 2. each case: its history leads to its status, points once iff accepted, one notice to its reporter per step
  const pointsById = by(d.points, (p) => p._id)
  const notices = new Map<string, Map<string, number>>()
  for (const m of d.outbox) {
    const id = /[?&]id=([^&]+)$/.exec(m.page ?? '')?.[1]
    if (!id || !m.template.startsWith('report.')) continue
    // the office and departments hear of the same steps on their own pages
    const key = `${id}:${m.userId}`
    const forCase = notices.get(key) ?? new Map<string, number>()
    forCase.set(m.template, (forCase.get(m.template) ?? 0) + 1)
    notices.set(key, forCase)
  }
  for (const r of d.reports) {
    const history = r.history as { from: string | null; to: string }[]
    if (history.at(-1)?.to !== r.status) out.push(`case ${r._id}: status ${r.status} but history ends at ${history.at(-1)?.to}`)
    history.forEach((h, i) => i && h.from !== history[i - 1].to && out.push(`case ${r._id}: history step ${i} from ${h.from} after ${history[i - 1].to}`))
    const accepted = history.some((h) => h.to === 'accepted')
    if (accepted !== !!r.acceptedAt) out.push(`case ${r._id}: acceptedAt ${r.acceptedAt} but history ${accepted ? 'has' : 'has no'} accept`)
    const award = pointsById.get(`accept-${r._id}`)
    if (accepted && !award) out.push(`case ${r._id} (${r.status}) was accepted but has no points entry accept-${r._id}`)
    if (!accepted && award) out.push(`case ${r._id} (${r.status}) was never accepted but has points entry accept-${r._id}`)
    if (award && (award.userId !== r.reporterId || award.points !== ACCEPT_POINTS)) out.push(`points entry accept-${r._id}: ${award.points} for ${award.userId}, reporter ${r.reporterId}`)
    const expected = new Map<string, number>()
    for (const h of history) expected.set(`report.${h.to}`, (expected.get(`report.${h.to}`) ?? 0) + 1)
    const got = notices.get(`${r._id}:${r.reporterId}`) ?? new Map()
    for (const t of new Set([...expected.keys(), ...got.keys()])) {
      if ((expected.get(t) ?? 0) !== (got.get(t) ?? 0)) out.push(`case ${r._id}: ${got.get(t) ?? 0} notice(s) ${t}, expected ${expected.get(t) ?? 0}`)
    }
  }
  for (const p of d.points) if (p.reportId && !reports.has(p.reportId)) out.push(`points entry ${p._id} for a case that does not exist`)

  // 3. each balance is the sum of its entries
  const earned = new Map<string, number>()
  for (const p of d.points) earned.set(p.userId, (earned.get(p.userId) ?? 0) + p.points)
  for (const u of d.users) if ((u.points ?? 0) !== (earned.get(u._id) ?? 0)) out.push(`user ${u.openid}: balance ${u.points ?? 0}, entries sum to ${earned.get(u._id) ?? 0}`)
  for (const userId of earned.keys()) if (!users.has(userId)) out.push(`points for ${userId}, who does not exist`)

  // 4. the counters count what they say
  const count = (status: readonly string[]) => d.reports.filter((r) => status.includes(r.status)).length
  const truth: Record<string, number> = {
    reports: d.reports.length,
    reportsOpen: count(OPEN_REPORT_STATUSES),
    reportsClosed: count(['closed']),
    users: d.users.length,
    volunteers: d.volunteers.length,
    activities: d.activities.filter((a) => a.status !== 'draft').length
  }
  for (const [key, value] of Object.entries(truth)) if (counters.get(key) !== value) out.push(`counter ${key} is ${counters.get(key)}, the data says ${value}`)

  // 5. a day's quota counts the cases filed that day
  const filed = new Map<string, number>()
  for (const r of d.reports) {
    const day = `${r.no.slice(0, 4)}-${r.no.slice(4, 6)}-${r.no.slice(6, 8)}`
    filed.set(`${r.reporterId}:${day}`, (filed.get(`${r.reporterId}:${day}`) ?? 0) + 1)
  }
  // uploads are counted in quotas too, under upload:<user>:<day>
  const quotas = new Map(d.quotas.filter((q) => !q._id.startsWith('upload:')).map((q) => [q._id, q.count as number]))
  for (const key of new Set([...filed.keys(), ...quotas.keys()])) {
    if ((filed.get(key) ?? 0) !== (quotas.get(key) ?? 0)) out.push(`quota ${key} is ${quotas.get(key) ?? 'missing'}, cases filed ${filed.get(key) ?? 0}`)
  }

  // 6. seats and the waitlist agree with the sign-ups; nobody holds a place without being a volunteer
  for (const a of d.activities) {
    const mine = d.signups.filter((s) => s.activityId === a._id)
    const seats = mine.filter((s) => HOLDING_SEAT.includes(s.status)).length
    const waiting = mine.filter((s) => s.status === 'waitlisted').length
    if (a.taken !== seats) out.push(`activity ${a._id}: taken ${a.taken}, sign-ups holding a seat ${seats}`)
    if (a.waiting !== waiting) out.push(`activity ${a._id}: waiting ${a.waiting}, sign-ups waitlisted ${waiting}`)
    if (a.taken > a.capacity) out.push(`activity ${a._id}: taken ${a.taken} over capacity ${a.capacity}`)
    const tickets = mine.map((s) => s.ticket).filter((t) => t !== null).sort((x, y) => x - y)
    if (tickets.join() !== Array.from({ length: a.tickets }, (_, i) => i + 1).join()) out.push(`activity ${a._id}: ${a.tickets} tickets issued, sign-ups hold [${tickets.join()}]`)
  }
  const activities = by(d.activities, (a) => a._id)
  const offers = new Map<string, number>()
  for (const s of d.signups) {
    if (!activities.has(s.activityId)) out.push(`sign-up ${s._id} for an activity that does not exist`)
    if (!volunteers.has(s.userId)) out.push(`sign-up ${s._id} by someone who is not a volunteer`)
    if (s.history.at(-1)?.to !== s.status) out.push(`sign-up ${s._id}: status ${s.status} but history ends at ${s.history.at(-1)?.to}`)
    const offered = s.history.filter((h: { to: string }) => h.to === 'offered').length
    if (offered) offers.set(s.userId, (offers.get(s.userId) ?? 0) + offered)
  }
  const placeNotices = new Map<string, number>()
  for (const m of d.outbox) if (m.template === 'volunteer.place') placeNotices.set(m.userId, (placeNotices.get(m.userId) ?? 0) + 1)
  for (const userId of new Set([...offers.keys(), ...placeNotices.keys()])) {
    if ((offers.get(userId) ?? 0) !== (placeNotices.get(userId) ?? 0)) out.push(`volunteer ${userId}: offered a place ${offers.get(userId) ?? 0} time(s), told ${placeNotices.get(userId) ?? 0}`)
  }

  // 7. a volunteer record and the volunteer role come together
  for (const u of d.users) {
    const registered = (u.history as { note: string }[]).some((h) => h.note === '注册志愿者')
    if (registered !== volunteers.has(u._id)) out.push(`user ${u.openid}: ${registered ? 'given the volunteer role without a volunteer record' : 'a volunteer record without the volunteer role'}`)
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// The run

const seed = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 1e9))
const random = mulberry32(seed)
const pick = <T>(list: T[]) => list.splice(Math.floor(random() * list.length), 1)[0]

let work: string
let rt: Runtime
const ops: Op[] = []
const kills: { at: number; finished: number; inFlight: number; restartMs: number; snapshot: string }[] = []
let firstStartMs = 0
let stopMs = 0
let runMs = 0
let leftOver = 0
let finalData: Loaded
const checked: { label: string; openMs: number; acknowledged: number; cases: number; violations: string[] }[] = []

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'cwt-durability-'))
  rt = new Runtime(path.join(work, 'data'), await freePort(), work)
  console.log(`durability: seed ${seed}, data ${rt.dataDir}`)
  firstStartMs = await rt.start(FIRST_START_MS)

  // what the load needs and the kills spare: a photo for each submit and fix, uploaded by whoever sends it (a
  // case takes only its sender's uploads, and discards them), four published activities with 25 seats each
  const photos = { submit: [] as string[], fix: [] as string[] }
  for (let i = 0; i < COUNTS.submit; i++) photos.submit.push(await upload(rt, `res-${pad((i % RESIDENTS) + 1)}`))
  for (let i = 0; i < COUNTS.fix; i++) photos.fix.push(await upload(rt, 'demo-admin'))
  const hour = 3600_000
  const activityIds: string[] = []
  for (let i = 0; i < ACTIVITIES; i++) {
    const t = (h: number) => new Date(Date.now() + (72 + 3 * i + h) * hour).toISOString()
    const created = await must(rt, 'volunteer', 'demo-organizer', 'create', {
      title: `文明劝导第 ${i + 1} 班`,
      type: 'traffic',
      description: '路口劝导行人不闯红灯',
      bring: '身份证、水杯',
      place: { address: '麒麟区南宁北路与文昌街交叉口', lat: 25.5001, lng: 103.7934, radius: 300 },
      startAt: t(0),
      endAt: t(2),
      capacity: CAPACITY,
      signupDeadline: t(-24),
      cancelDeadline: t(-24),
      insurance: true
    })
    await must(rt, 'volunteer', 'demo-organizer', 'publish', { id: created.id })
    activityIds.push(created.id)
  }

  // the schedule: each kind spread over its own stretch of the run, in a random order
  const stretch: Record<Kind, [number, number]> = { submit: [0, 0.85], accept: [0.05, 1], fix: [0.2, 1], register: [0, 0.5], signUp: [0.05, 0.8], cancel: [0.3, 1] }
  const plan = (Object.keys(COUNTS) as Kind[])
    .flatMap((kind) => Array.from({ length: COUNTS[kind] }, () => ({ kind, key: stretch[kind][0] + random() * (stretch[kind][1] - stretch[kind][0]) })))
    .sort((a, b) => a.key - b.key)
    .map((p) => p.kind)
  const total = plan.length

  // what each kind can act on: only what was answered 200
  const ready = { accept: [] as Op[], fix: [] as Op[], signUp: [] as Op[], cancel: [] as Op[] }
  const resend: Op[] = []
  const made = { submit: 0, register: 0, signUp: 0 }
  const make = (kind: Kind): Omit<Op, 'n' | 'attempts'> | null => {
    if (kind === 'submit') {
      const i = made.submit++
      const openid = `res-${pad((i % RESIDENTS) + 1)}`
      const requestId = `dur-${seed}-submit-${i}`
      const payload = { categoryId: 'g2-01', description: `人行道上的井盖缺了一角，晚上容易绊倒人（第 ${i + 1} 件）`, photos: [photos.submit[i]], location: SPOT, anonymous: false }
      return { kind, fn: 'reports', action: 'submit', openid, payload, requestId, target: reportIdOf(userIdOf(openid), requestId) }
    }
    if (kind === 'register') {
      const openid = `vol-${pad(++made.register)}`
      const payload = { realName: '李志愿', phone: '13812345678', team: '南宁街道志愿服务队', birthDate: '1990-05-01' }
      return { kind, fn: 'volunteer', action: 'register', openid, payload, requestId: `dur-${seed}-register-${openid}`, target: openid }
    }
    const from = ready[kind as keyof typeof ready]
    if (!from.length) return null
    const confirmed = (o: Op) => okAnswer(o)?.data?.status === 'confirmed'
    const source = kind === 'cancel' ? pick(from.some(confirmed) ? from.filter(confirmed) : from) : pick(from)
    if (kind === 'cancel') from.splice(from.indexOf(source), 1)
    const requestId = `dur-${seed}-${kind}-${source.target}-${source.openid}`.slice(0, 64)
    if (kind === 'accept') return { kind, fn: 'reports', action: 'accept', openid: 'demo-admin', payload: { id: source.target }, requestId, target: source.target }
    if (kind === 'fix') return { kind, fn: 'reports', action: 'fixOnSpot', openid: 'demo-admin', payload: { id: source.target, afterPhotos: [photos.fix.pop()!], note: '现场已修复' }, requestId, target: source.target }
    if (kind === 'signUp') {
      const id = activityIds[made.signUp++ % ACTIVITIES]
      return { kind, fn: 'volunteer', action: 'signUp', openid: source.openid, payload: { id }, requestId, target: id }
    }
    return { kind, fn: 'volunteer', action: 'cancel', openid: source.openid, payload: { id: source.target }, requestId, target: source.target }
  }
  const follows: Partial<Record<Kind, keyof typeof ready>> = { submit: 'accept', accept: 'fix', register: 'signUp', signUp: 'cancel' }

  let gate: Promise<void> = Promise.resolve()
  let inFlight = 0
  let finished = 0

  const next = (): Op | 'wait' | null => {
    if (resend.length) return resend.shift()!
    for (let i = 0; i < plan.length; i++) {
      const made = make(plan[i])
      if (!made) continue
      plan.splice(i, 1)
      const op = { n: ops.length, ...made, attempts: [] }
      ops.push(op)
      return op
    }
    return plan.length && inFlight ? 'wait' : null
  }

  /** Whether what a lost request was to do is done, asked the way the app would ask. */
  async function doneBefore(op: Op): Promise<boolean | undefined> {
    if (op.kind !== 'submit' && op.kind !== 'accept') return undefined
    const found = await post(rt, 'reports', op.kind === 'submit' ? op.openid : 'demo-admin', { action: 'detail', payload: { id: op.target } })
    if (op.kind === 'submit') return found.status === 200 ? true : found.status === 404 ? false : undefined
    return found.status === 200 ? found.data.status !== 'submitted' : undefined
  }

  async function client() {
    for (;;) {
      await gate
      const op = next()
      if (op === null) return
      if (op === 'wait') {
        await sleep(10)
        continue
      }
      inFlight++
      // an answer that never came: the app sends the same request again once the runtime is back
      const before = op.attempts.length ? await doneBefore(op) : undefined
      const answer = await post(rt, op.fn, op.openid, { action: op.action, payload: op.payload, requestId: op.requestId })
      op.attempts.push(before === undefined ? answer : { ...answer, doneBefore: before })
      inFlight--
      finished++
      if (unknown(answer)) resend.push(op)
      const then = follows[op.kind]
      // an accept made before its answer was lost answers 409 when resent; the case is accepted all the same
      const done = ok(answer) || (op.kind === 'accept' && answer.code === 'CONFLICT' && before === true)
      if (done && then) ready[then].push(op)
    }
  }

  // three kills at random points of the run, each a little after a random request finished
  const thresholds = Array.from({ length: KILLS }, (_, k) => Math.floor(total * (0.12 + 0.27 * k + random() * 0.15)))
  async function killer() {
    for (const [k, threshold] of thresholds.entries()) {
      while (finished < threshold) await sleep(5)
      await sleep(random() * 150)
      let open!: () => void
      gate = new Promise((r) => (open = r))
      const at = performance.now()
      const inFlightAtKill = inFlight
      const finishedAtKill = finished
      await rt.kill()
      const snapshot = path.join(work, `after-kill-${k + 1}`)
      cpSync(path.join(rt.dataDir, 'pg'), snapshot, { recursive: true })
      const restartMs = await rt.start(RESTART_MS)
      kills.push({ at, finished: finishedAtKill, inFlight: inFlightAtKill, restartMs, snapshot })
      open()
    }
  }

  const t0 = performance.now()
  await Promise.all([killer(), ...Array.from({ length: CLIENTS }, client)])
  runMs = performance.now() - t0
  leftOver = plan.length
  stopMs = await rt.stop()

  // the folder as each kill left it, then as the run ended
  const answeredBy = (t: number) => ops.filter((o) => (okAnswer(o)?.answeredAt ?? Infinity) < t)
  for (const [k, kill] of kills.entries()) {
    const { data, openMs } = await load(kill.snapshot)
    const acknowledged = answeredBy(kill.at)
    checked.push({ label: `after kill ${k + 1}`, openMs, acknowledged: acknowledged.length, cases: data.reports.length, violations: violations(data, acknowledged) })
  }
  const { data, openMs } = await load(path.join(rt.dataDir, 'pg'))
  finalData = data
  const all = ops.filter(acknowledged)
  checked.push({ label: 'at the end', openMs, acknowledged: all.length, cases: data.reports.length, violations: violations(data, all) })

  report()
})

afterAll(async () => {
  if (rt?.child?.pid && alive(-rt.child.pid)) await rt.kill()
  if (work && !process.env.DURABILITY_KEEP) rmSync(work, { recursive: true, force: true })
})

function report() {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const requests = ops.reduce((n, o) => n + o.attempts.length, 0)
  const lines = [`durability (seed ${seed}): ${ops.length} writes in ${requests} requests from ${CLIENTS} clients in ${s(runMs)}, ${KILLS} kills; first start ${s(firstStartMs)}, stop ${s(stopMs)}`]
  for (const kind of Object.keys(COUNTS) as Kind[]) {
    const mine = ops.filter((o) => o.kind === kind)
    const first = mine.filter((o) => ok(o.attempts[0])).length
    const later = mine.filter((o) => resent(o) && ok(o.attempts.at(-1))).length
    const conflict = mine.filter((o) => resent(o) && o.attempts.at(-1)!.code === 'CONFLICT').length
    const refused = mine.filter((o) => !resent(o) && !ok(o.attempts[0])).length
    lines.push(`  ${kind.padEnd(8)} sent ${String(mine.length).padStart(4)}: answered 200 ${String(first).padStart(4)}, lost and resent ${mine.filter(resent).length} (then 200: ${later}, 409 already done: ${conflict}), refused ${refused}`)
  }
  for (const [k, kill] of kills.entries()) {
    const until = kills[k + 1]?.at ?? Infinity
    const lost = ops.flatMap((o) => o.attempts).filter((a) => unknown(a) && a.answeredAt >= kill.at && a.answeredAt < until).length
    lines.push(`  kill ${k + 1}: after ${kill.finished} requests, ${kill.inFlight} in flight, ${lost} without an answer; restarted in ${s(kill.restartMs)}`)
  }
  const probes = ops.flatMap((o) => o.attempts.filter((a) => a.doneBefore !== undefined).map(() => o.kind))
  const done = ops.flatMap((o) => o.attempts.filter((a) => a.doneBefore === true))
  lines.push(`  of ${probes.length} lost submits and accepts, ${done.length} had committed before the kill and ${probes.length - done.length} had rolled back`)
  for (const c of checked) lines.push(`  ${c.label.padEnd(13)}: ${c.cases} cases, ${c.acknowledged} writes acknowledged before it, ${c.violations.length} violation(s) (opened in ${s(c.openMs)})`)
  for (const c of checked) for (const v of c.violations.slice(0, 20)) lines.push(`    ${c.label}: ${v}`)
  if (leftOver) lines.push(`  ${leftOver} planned writes were never sent (nothing answered 200 for them to act on)`)
  console.log(lines.join('\n'))
}

describe('a runtime killed with SIGKILL under load', () => {
  it('when it is killed three times mid-load, then it starts again on the same data each time within 60 s', () => {
    expect(kills).toHaveLength(KILLS)
    for (const kill of kills) expect(kill.restartMs).toBeLessThan(RESTART_MS)
    expect(kills.reduce((n, k) => n + k.inFlight, 0)).toBeGreaterThan(0)
  })

  it('when the load has run, then 1,000 submits, 200 accepts and 200 sign-ups were sent and each was answered 200, or lost and resent until answered', () => {
    const sent = (kind: Kind) => ops.filter((o) => o.kind === kind).length
    expect({ submit: sent('submit'), accept: sent('accept'), signUp: sent('signUp'), register: sent('register') }).toEqual({ submit: 1000, accept: 200, signUp: 200, register: 200 })
    const refused = ops.filter((o) => !acknowledged(o)).map((o) => `${o.kind} ${o.openid} ${o.target}: ${o.attempts.map((a) => a.status ?? a.error).join(' → ')} ${o.attempts.at(-1)!.code ?? ''}`)
    expect(refused).toEqual([])
  })

  it('when the data folder is opened as each kill left it, then every write answered 200 before the kill is there and no move is half applied', () => {
    expect(checked.filter((c) => c.label.startsWith('after kill'))).toHaveLength(KILLS)
    for (const c of checked.slice(0, KILLS)) expect({ label: c.label, violations: c.violations }).toEqual({ label: c.label, violations: [] })
  })

  it('when a request whose answer was lost is sent again, then it lands once: a submit answers the same case, a move already made answers 409', () => {
    const lost = ops.filter(resent)
    expect(lost.length).toBeGreaterThan(0)
    for (const op of lost) {
      const last = op.attempts.at(-1)!
      const made = last.doneBefore ?? last.status === 409
      const expected =
        op.kind === 'submit'
          ? { status: 200, id: op.target }
          : op.kind === 'register' || op.kind === 'signUp'
            ? { status: 200 }
            : op.kind === 'accept'
              ? { status: made ? 409 : 200 }
              : { status: last.status === 409 ? 409 : 200 }
      const got = op.kind === 'submit' ? { status: last.status, id: last.data?.id } : { status: last.status }
      expect({ op: `${op.kind} ${op.target}`, ...got }).toEqual({ op: `${op.kind} ${op.target}`, ...expected })
    }
  })

  it('when a points entry, a balance, a counter, a seat or an acknowledged case is taken out of the final data, then the check names each', () => {
    const broken: Loaded = JSON.parse(JSON.stringify(finalData))
    const award = broken.points.shift()
    broken.users.find((u) => u.points)!.points += 1
    broken.counters.find((c) => c._id === 'reportsOpen')!.value += 1
    broken.activities[0].taken -= 1
    const gone = broken.reports.splice(broken.reports.findIndex((r) => r.status === 'submitted'), 1)[0]
    const found = violations(broken, ops.filter(acknowledged))
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`has no points entry accept-${award.reportId}`),
        expect.stringMatching(/^user .*: balance \d+, entries sum to \d+$/),
        expect.stringMatching(/^counter reportsOpen is \d+, the data says \d+$/),
        expect.stringContaining(`activity ${broken.activities[0]._id}: taken`),
        expect.stringContaining(`submit ${gone._id} by`),
        expect.stringMatching(/^counter reports is \d+, the data says \d+$/)
      ])
    )
  })

  it('when the run is over, then the final data holds every write acknowledged and agrees with itself', () => {
    const end = checked.at(-1)!
    expect(end.label).toBe('at the end')
    expect(end.cases).toBe(ops.filter((o) => o.kind === 'submit' && okAnswer(o)).length)
    expect(end.violations).toEqual([])
  })
})
