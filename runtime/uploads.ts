import type { Role } from '../types/domain'
import { users } from '../cloudfunctions/core/collections'
import { AppError } from '../cloudfunctions/core/errors'
import { imageType, PIXELS_REFUSED, tooManyPixels } from '../cloudfunctions/core/images'
import type { Deps } from '../cloudfunctions/core/ports'
import { takeQuota } from '../cloudfunctions/core/quota'
import { beijingDay } from '../types/calendar'

/** Ten cases of six photos a day with room for retries; beyond it is not a person photographing streets. */
export const UPLOADS_PER_DAY = 100
/** Staff photograph every fix they report and import sheets: a department's day of after photos fits. */
export const STAFF_UPLOADS_PER_DAY = 1000
const STAFF: Role[] = ['handler', 'organizer', 'admin']

/**
 * The type an upload really is, judged by its first bytes rather than by what the client claims;
 * undefined when it is not a file the product accepts.
 */
export function sniffUpload(content: Buffer, declared: string): string | undefined {
  const image = imageType(content)
  if (image) return image
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && /spreadsheetml|excel|octet-stream/.test(declared)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
  if (/^text\/csv|^application\/vnd\.ms-excel$/.test(declared) && !content.subarray(0, 1024).includes(0)) return 'text/csv'
  return undefined
}

/** The type an upload is kept as, once it is a file we take, not too many pixels, and within its owner's uploads for the day. */
export async function admitUpload(deps: Deps, owner: string, content: Buffer, declared: string): Promise<string> {
  const contentType = sniffUpload(content, declared)
  if (!contentType) throw new AppError('UNSUPPORTED_FILE', '只能上传 JPG、PNG、WebP 图片或 Excel、CSV 表格')
  if (tooManyPixels(content)) throw new AppError('PAYLOAD_TOO_LARGE', PIXELS_REFUSED)
  const staff = (await users(deps.store).findOne({ _id: owner }))?.roles.some((r) => STAFF.includes(r))
  const limit = staff ? STAFF_UPLOADS_PER_DAY : UPLOADS_PER_DAY
  await takeQuota(deps, `upload:${owner}:${beijingDay(deps.clock.now())}`, limit, `每人每天最多上传 ${limit} 个文件，请明天再来`)
  return contentType
}
