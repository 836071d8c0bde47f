import type { ReportDetail } from '../../types/api'
import { userIdOf } from '../../cloudfunctions/core/identity'
import { DEMO_CENTER } from '../../cloudfunctions/core/geo'
import type { TestRuntime } from './runtime'

/** A 1x1 PNG: the smallest real photo. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** Inside demo grid 1 (南宁街道第1网格). */
export const SPOT = { ...DEMO_CENTER, address: '曲靖市麒麟区南宁北路 88 号' }

let seq = 0
export const requestId = () => `req-${Date.now().toString(36)}-${++seq}`

/** A photo `openid` uploaded, ready to be filed. */
export async function photo(rt: TestRuntime, openid = 'demo-resident') {
  return (await rt.deps.files.put(PNG, { contentType: 'image/png', owner: userIdOf(openid), purpose: 'upload' })).fileId
}

/** Files a report as `openid` and answers the case; fails the test if the runtime refuses. */
export async function fileReport(rt: TestRuntime, openid = 'demo-resident', overrides: Record<string, unknown> = {}): Promise<ReportDetail> {
  const payload = { categoryId: 'g2-01', description: '人行道上的井盖缺了一角，晚上容易绊倒人', photos: [await photo(rt, openid)], location: SPOT, anonymous: false, ...overrides }
  const res = await rt.call('reports', 'submit', payload, openid, requestId())
  if (res.status !== 200) throw new Error(`submit refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}

/** Runs an action and insists it worked. */
export async function act(rt: TestRuntime, action: string, payload: Record<string, unknown>, openid: string): Promise<ReportDetail> {
  const res = await rt.call('reports', action as 'accept', payload as { id: string }, openid)
  if (res.status !== 200) throw new Error(`${action} refused: ${JSON.stringify(res.body)}`)
  return res.body.data
}
