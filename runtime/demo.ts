import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ActionName, RequestOf } from '../types/api'
import { reports } from '../cloudfunctions/core/collections'
import type { Deps } from '../cloudfunctions/core/ports'
import { functions } from '../cloudfunctions/registry'
import { DEMO_CENTER } from '../cloudfunctions/reports/geo'

const photo = async (deps: Deps, name: string) => (await deps.files.put(readFileSync(path.join(__dirname, 'demo', `${name}.jpg`)), { contentType: 'image/jpeg' })).fileId

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
  await call('demo-resident', 'submit', { categoryId: 'g1-01', description: '公交站旁边的墙上贴满了办证、开锁的小广告，很影响市容', photos: [await photo(deps, 'ads-before')], location: at(0.0004, -0.0003, '麒麟区南宁北路公交站旁'), anonymous: false }, 'demo-ads')

  // With the department, being fixed.
  const bikes = await call('demo-volunteer', 'submit', { categoryId: 'g3-01', description: '地铁口十几辆共享单车横七竖八堵住了盲道', photos: [await photo(deps, 'bikes-before')], location: at(-0.0006, 0.0009, '麒麟区文昌街与南宁路交叉口'), anonymous: true }, 'demo-bikes')
  await call('demo-admin', 'accept', { id: bikes.id })
  await call('demo-admin', 'assign', { id: bikes.id, departmentId: 'dept-cg', deadlineDays: 1, note: '请协调共享单车企业清运' })
  await call('demo-handler', 'start', { id: bikes.id, note: '已通知企业运维人员到场' })

  // Fixed and closed, waiting for the resident's word.
  const manhole = await call('demo-resident', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一大块，晚上很容易踩空', photos: [await photo(deps, 'manhole-before')], location: at(0.0002, 0.0005, '麒麟区南宁北路 88 号门前人行道'), anonymous: false }, 'demo-manhole')
  await call('demo-admin', 'accept', { id: manhole.id })
  await call('demo-admin', 'assign', { id: manhole.id, departmentId: 'dept-cg', deadlineDays: 1 })
  await call('demo-handler', 'fix', { id: manhole.id, afterPhotos: [await photo(deps, 'manhole-after')], note: '已更换新井盖并设置警示' })
  await call('demo-admin', 'verify', { id: manhole.id })

  // Assigned to another department, with a longer deadline.
  const cable = await call('demo-student', 'submit', { categoryId: 'g2-07', description: '居民楼外墙上的线缆乱拉乱挂，像蜘蛛网一样', photos: [await photo(deps, 'cable-before')], location: at(-0.0003, -0.0008, '麒麟区建宁东路 12 号院'), anonymous: false }, 'demo-cable')
  await call('demo-admin', 'accept', { id: cable.id })
  await call('demo-admin', 'assign', { id: cable.id, departmentId: 'dept-gx', deadlineDays: 10 })
}
