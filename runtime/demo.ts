import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ActionName, RequestOf } from '../types/api'
import type { Paper } from '../types/quiz'
import { manualClock } from '../cloudfunctions/core/system-ports'
import { activities, attempts, questions, quizzes, reports, rounds, users } from '../cloudfunctions/core/collections'
import { resolveCaller, userIdOf } from '../cloudfunctions/core/identity'
import type { Deps, Store } from '../cloudfunctions/core/ports'
import { toShown } from '../cloudfunctions/quiz/rules'
import { functions } from '../cloudfunctions/registry'
import { DEMO_CENTER } from '../cloudfunctions/core/geo'
import { beijingDay } from '../types/calendar'

/** A demo photo as `openid` would upload it. */
const photo = async (deps: Deps, name: string, openid: string) =>
  (await deps.files.put(readFileSync(path.join(__dirname, 'demo', `${name}.jpg`)), { contentType: 'image/jpeg', owner: userIdOf(openid), purpose: 'upload' })).fileId

/** A few cases at different steps, filed and handled through the real actions, so a first start has a story to show. */
export async function seedDemoReports(deps: Deps) {
  if (await reports(deps.store).count({})) return
  const call = async <A extends ActionName<'reports'>>(openid: string, action: A, payload: RequestOf<'reports', A>, requestId?: string) => {
    const answer = await functions.reports({ action, payload, requestId }, { openid, deps })
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.message}`)
    return answer.data as { id: string }
  }
  const at = (dLat: number, dLng: number, address: string) => ({ lat: DEMO_CENTER.lat + dLat, lng: DEMO_CENTER.lng + dLng, address })

  // Waiting in the office's triage queue.
  await call('demo-resident', 'submit', { categoryId: 'g1-01', description: '公交站旁边的墙上贴满了办证、开锁的小广告，很影响市容', photos: [await photo(deps, 'ads-before', 'demo-resident')], location: at(0.0004, -0.0003, '麒麟区南宁北路公交站旁'), anonymous: false }, 'demo-ads')

  // With the department, being fixed.
  const bikes = await call('demo-volunteer', 'submit', { categoryId: 'g3-01', description: '地铁口十几辆共享单车横七竖八堵住了盲道', photos: [await photo(deps, 'bikes-before', 'demo-volunteer')], location: at(-0.0006, 0.0009, '麒麟区文昌街与南宁路交叉口'), anonymous: true }, 'demo-bikes')
  await call('demo-admin', 'accept', { id: bikes.id })
  await call('demo-admin', 'assign', { id: bikes.id, departmentId: 'dept-cg', deadlineDays: 1, note: '请协调共享单车企业清运' })
  await call('demo-handler', 'start', { id: bikes.id, note: '已通知企业运维人员到场' })

  // Fixed and closed, waiting for the resident's word.
  const manhole = await call('demo-resident', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一大块，晚上很容易踩空', photos: [await photo(deps, 'manhole-before', 'demo-resident')], location: at(0.0002, 0.0005, '麒麟区南宁北路 88 号门前人行道'), anonymous: false }, 'demo-manhole')
  await call('demo-admin', 'accept', { id: manhole.id })
  await call('demo-admin', 'assign', { id: manhole.id, departmentId: 'dept-cg', deadlineDays: 1 })
  await call('demo-handler', 'fix', { id: manhole.id, afterPhotos: [await photo(deps, 'manhole-after', 'demo-handler')], note: '已更换新井盖并设置警示' })
  await call('demo-admin', 'verify', { id: manhole.id })

  // Assigned to another department, with a longer deadline.
  const cable = await call('demo-student', 'submit', { categoryId: 'g2-07', description: '居民楼外墙上的线缆乱拉乱挂，像蜘蛛网一样', photos: [await photo(deps, 'cable-before', 'demo-student')], location: at(-0.0003, -0.0008, '麒麟区建宁东路 12 号院'), anonymous: false }, 'demo-cable')
  await call('demo-admin', 'accept', { id: cable.id })
  await call('demo-admin', 'assign', { id: cable.id, departmentId: 'dept-gx', deadlineDays: 10 })
}

/**
 * Today's 暗访 for demo-inspector with three points drawn at random, the first visited: one item fixed on the
 * spot, one assigned to the point's unit. Answers the round and the visited point.
 */
export async function seedDemoInspection(deps: Deps): Promise<{ round: string; point: string } | null> {
  if (await rounds(deps.store).count({})) return null
  const call = async <A extends ActionName<'reports'>>(openid: string, action: A, payload: RequestOf<'reports', A>, requestId?: string) => {
    const answer = await functions.reports({ action, payload, requestId }, { openid, deps })
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.message}`)
    return answer.data as never
  }
  const day = beijingDay(deps.clock.now())
  const round: { id: string } = await call('demo-admin', 'planRound', { title: '本周背街小巷和公交站台暗访', kind: '暗访', day, leader: '创文办刘主任', inspectorIds: [userIdOf('demo-inspector')], pointIds: ['point-15'] }, 'demo-round')
  await call('demo-admin', 'drawPoints', { id: round.id, count: 2, typeId: 'pt-02' })
  const sheet: { checklist: { id: string }[] } = await call('demo-inspector', 'checklist', { roundId: round.id, pointId: 'point-15' })
  const marks = await Promise.all(
    sheet.checklist.map(async ({ id }) => {
      if (id === 'pt-06-1') return { itemId: id, pass: false, note: '站台广告栏贴满办证小广告', photos: [await photo(deps, 'ads-before', 'demo-inspector')], onSpot: true, afterPhotos: [await photo(deps, 'ads-after', 'demo-inspector')] }
      if (id === 'pt-06-4') return { itemId: id, pass: false, note: '站台旁共享单车堵住盲道', photos: [await photo(deps, 'bikes-before', 'demo-inspector')] }
      return { itemId: id, pass: true, photos: [] }
    })
  )
  await call('demo-inspector', 'visit', { roundId: round.id, pointId: 'point-15', marks }, 'demo-visit')
  return { round: round.id, point: 'point-15' }
}

/** A registered demo volunteer and this week's activities, one of them already joined. */
export async function seedDemoActivities(deps: Deps): Promise<string[]> {
  if (await activities(deps.store).count({})) return []
  const call = async <A extends ActionName<'volunteer'>>(openid: string, action: A, payload: RequestOf<'volunteer', A>, requestId?: string) => {
    const answer = await functions.volunteer({ action, payload, requestId }, { openid, deps })
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.message}`)
    return answer.data as { id: string }
  }
  const day = (offset: number) => beijingDay(new Date(deps.clock.now().getTime() + offset * 86400000))
  const at = (offset: number, time: string) => new Date(`${day(offset)}T${time}:00+08:00`).toISOString()
  const place = (address: string, dLat = 0, dLng = 0) => ({ address, lat: DEMO_CENTER.lat + dLat, lng: DEMO_CENTER.lng + dLng, radius: 300 })

  await call('demo-volunteer', 'register', { realName: '李志愿', phone: '13800001234', team: '南宁街道志愿服务队', birthDate: '1995-06-18' })
  await call('demo-organizer', 'register', { realName: '陈组织', phone: '13800005678', team: '麒麟区新时代文明实践中心', birthDate: '1988-03-05' })
  const plans = [
    { title: '文昌街路口早高峰交通文明劝导', type: 'traffic', description: '在文昌街与南宁路口劝导行人、非机动车遵守信号灯，不闯红灯、不越线。每岗 2 人，佩戴志愿者红马甲。', bring: '身份证、水杯、防晒', place: place('麒麟区文昌街与南宁路交叉口', -0.0006, 0.0009), startAt: at(1, '07:30'), endAt: at(1, '09:00'), capacity: 8, signupDeadline: at(1, '06:00'), cancelDeadline: at(1, '05:00'), insurance: true },
    { title: '南宁北路沿街环境清洁', type: 'cleanup', description: '清理沿街绿化带垃圾、铲除小广告，整理共享单车。工具由街道提供。', bring: '手套、水杯', place: place('麒麟区南宁北路 88 号集合', 0.0002, 0.0005), startAt: at(5, '09:00'), endAt: at(5, '11:30'), capacity: 20, signupDeadline: at(4, '18:00'), cancelDeadline: at(4, '12:00'), insurance: true },
    { title: '社区老人智能手机使用帮扶', type: 'neighbour', description: '在社区活动室帮助老人学习手机挪车码、健康码、视频通话等常用功能。', bring: '身份证', place: place('麒麟区建宁东路社区活动室', -0.0003, -0.0008), startAt: at(3, '14:30'), endAt: at(3, '16:30'), capacity: 6, signupDeadline: at(2, '18:00'), cancelDeadline: at(2, '12:00'), insurance: false }
  ] as const
  const ids: string[] = []
  for (const plan of plans) {
    const { id } = await call('demo-organizer', 'create', plan, `demo-activity-${ids.length + 1}`)
    await call('demo-organizer', 'publish', { id })
    ids.push(id)
  }
  await call('demo-volunteer', 'signUp', { id: ids[0] })
  return ids
}

/**
 * For question `index` of an attempt, the options as the attempt shows them that answer it right, and one
 * that answers it wrong: how the demo, the benchmark and the tests play someone who knows, or does not.
 */
export async function shownAnswers(store: Store, attemptId: string, index: number) {
  const item = (await attempts(store).findOne({ _id: attemptId }))!.items[index]
  const right = toShown(item.order, (await questions(store).findOne({ _id: item.questionId }))!.answer)
  return { right, wrong: [item.order.findIndex((_, i) => !right.includes(i))] }
}

const QUIZ_PEOPLE = [
  ['刘思雨', 'school', 0, '初一(1)班', 0.95, 9],
  ['陈浩然', 'school', 0, '初一(1)班', 0.7, 12],
  ['杨子涵', 'school', 0, '初一(2)班', 0.85, 8],
  ['黄一鸣', 'school', 0, '初一(2)班', 0.5, 14],
  ['赵欣怡', 'school', 0, '初二(1)班', 0.9, 10],
  ['周子轩', 'school', 0, '初二(1)班', 0.6, 13],
  ['吴佳琪', 'school', 1, '五(1)班', 0.8, 11],
  ['徐梓涵', 'school', 1, '五(1)班', 1, 7],
  ['孙浩宇', 'school', 1, '六(1)班', 0.45, 9],
  ['马雨桐', 'school', 1, '六(1)班', 0.75, 12],
  ['朱建国', 'community', 0, null, 0.65, 14],
  ['胡秀英', 'community', 0, null, 0.4, 15],
  ['郭志强', 'community', 1, null, 0.85, 10],
  ['林桂芳', 'community', 1, null, 0.55, 13]
] as const

/**
 * Schools, communities, this month's campaign quiz with people who took it, and a practice with misses for the
 * demo resident: so the awareness page, the rankings and the wrong-answer book have something to show.
 */
export async function seedDemoQuiz(deps: Deps) {
  if (await quizzes(deps.store).count({})) return
  // Each person's time on the paper is real minutes on a clock of its own.
  const clock = manualClock(deps.clock.now())
  const local = { ...deps, clock }
  const call = async <A extends ActionName<'quiz'>>(openid: string, action: A, payload: RequestOf<'quiz', A>, requestId?: string) => {
    const answer = await functions.quiz({ action, payload, requestId }, { openid, deps: local })
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.message}`)
    return answer.data as never
  }
  const schools = [
    await call('demo-admin', 'saveUnit', { kind: 'school', name: '麒麟区第一中学', classes: ['初一(1)班', '初一(2)班', '初二(1)班'], members: 60 }),
    await call('demo-admin', 'saveUnit', { kind: 'school', name: '南宁小学', classes: ['四(1)班', '五(1)班', '六(1)班'], members: 40 })
  ] as { id: string }[]
  const communities = [
    await call('demo-admin', 'saveUnit', { kind: 'community', name: '南宁社区', classes: [], members: 300 }),
    await call('demo-admin', 'saveUnit', { kind: 'community', name: '文昌社区', classes: [], members: 200 })
  ] as { id: string }[]
  const now = clock.now().getTime()
  const day = 86400_000
  const quiz = (await call(
    'demo-admin',
    'saveQuiz',
    {
      title: '2026年创文应知应会知识竞答',
      description: '围绕文明交通、垃圾分类、文明养犬、志愿服务等应知应会内容，每人可答 3 次，取最好成绩。',
      opensAt: new Date(`${beijingDay(new Date(now - 3 * day))}T08:00:00+08:00`).toISOString(),
      closesAt: new Date(`${beijingDay(new Date(now + 18 * day))}T22:00:00+08:00`).toISOString(),
      quotas: ['公共场所文明', '交通文明', '环境与垃圾分类', '文明养犬', '志愿服务', '社会主义核心价值观', '文明城市创建'].map((point) => ({ point, count: 2 })),
      timeLimitMinutes: 15,
      attemptsAllowed: 3,
      passMark: 60,
      audience: 'everyone',
      schoolIds: []
    },
    'demo-quiz-2026'
  )) as { id: string }

  /** Right on roughly `skill` of the questions, spread evenly so the figures look like a real class. */
  const take = async (openid: string, paper: Paper, skill: number, minutes: number) => {
    for (const index of paper.questions.keys()) {
      const { right, wrong } = await shownAnswers(deps.store, paper.attemptId, index)
      const knows = (index * 0.618 + skill * 7) % 1 < skill
      await call(openid, 'answer', { attemptId: paper.attemptId, index, choice: knows ? right : wrong })
    }
    clock.advance(minutes * 60_000)
    await call(openid, 'submit', { attemptId: paper.attemptId })
  }

  const codes = await Promise.all(schools.map((school) => call('demo-admin', 'classCodes', { schoolId: school.id })))
  for (const [i, [nickname, kind, unit, className, skill, minutes]] of QUIZ_PEOPLE.entries()) {
    const openid = `demo-quiz-${String(i + 1).padStart(2, '0')}`
    const user = await resolveCaller(deps, openid)
    await users(deps.store).update({ _id: user._id }, { $set: { nickname } })
    // the demo students give their class's invitation code, so their schools count them
    await call(openid, 'bind', kind === 'school' ? { schoolId: schools[unit].id, className, code: codes[unit][className!] } : { communityId: communities[unit].id })
    clock.set(new Date(now - (i % 3) * day - (i + 1) * 3600_000))
    await take(openid, await call(openid, 'start', { quizId: quiz.id }), skill, minutes)
  }

  clock.set(new Date(now - 2 * 3600_000))
  await take('demo-resident', await call('demo-resident', 'practice', { from: 'daily' }), 0.6, 6)
  clock.set(new Date(now))
}
