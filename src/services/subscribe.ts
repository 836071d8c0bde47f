import Taro from '@tarojs/taro'
import type { Role } from '@contract'

/**
 * Subscribe-message template ids, comma-separated in the project's .env file: TARO_APP_REPORT_TEMPLATES for the
 * reporter's notices (受理, 交办, 整改完成…), TARO_APP_OFFICE_TEMPLATES, TARO_APP_UNIT_TEMPLATES and
 * TARO_APP_INSPECTOR_TEMPLATES for what waits on the office, a department's handlers and inspectors. Taro writes
 * TARO_APP_* values into the code at build time, each by its literal name; when one is not set the expression
 * stays and `process` does not exist at run time.
 */
function ids(read: () => string | undefined): string[] {
  try {
    return (read() ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  } catch {
    return []
  }
}

/** WeChat asks for at most three templates at once. */
const PER_ASK = 3

export const reportTemplates = () => ids(() => process.env.TARO_APP_REPORT_TEMPLATES).slice(0, PER_ASK)

const STAFF: [Role, () => string[]][] = [
  ['admin', () => ids(() => process.env.TARO_APP_OFFICE_TEMPLATES)],
  ['handler', () => ids(() => process.env.TARO_APP_UNIT_TEMPLATES)],
  ['inspector', () => ids(() => process.env.TARO_APP_INSPECTOR_TEMPLATES)]
]

/** Whether anything waits on people of these roles that WeChat could tell them of. */
export const hasStaffNotices = (roles: Role[]) => STAFF.some(([role]) => roles.includes(role))

/** The templates of what waits on someone with these roles, the office's first when one person holds several. */
export function staffTemplates(roles: Role[]): string[] {
  return [...new Set(STAFF.filter(([role]) => roles.includes(role)).flatMap(([, read]) => read()))].slice(0, PER_ASK)
}

/** `unavailable`: not in WeChat, or no template set; nothing was asked. */
export type Asked = 'accepted' | 'refused' | 'unavailable'

/**
 * Asks the person to let us push these notices; each yes lets one more through (WeChat's one-time templates).
 * WeChat only allows it inside a tap handler, so call it first thing there. A refusal or failure changes
 * nothing else: the in-app inbox gets every notice anyway.
 */
export async function askForNotices(tmplIds: string[]): Promise<Asked> {
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return 'unavailable'
  try {
    // each template id keyed to 'accept', 'reject', 'ban' or 'filter'
    const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>
    return tmplIds.some((id) => answer[id] === 'accept') ? 'accepted' : 'refused'
  } catch {
    return 'refused'
  }
}

let declined = false

/**
 * Opens a page of work (a queue, the ledger, today's round) from a tap, asking first for the templates of what
 * waits on the person: opening work is when a staff member wants to hear of the next. After a no it is not
 * asked again from work entries until the app restarts; the 待办微信提醒 cell in 我的 always asks.
 */
export async function openWork(url: string, roles: Role[]) {
  if (!declined && (await askForNotices(staffTemplates(roles))) === 'refused') declined = true
  await Taro.navigateTo({ url })
}
