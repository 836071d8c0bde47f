import Taro from '@tarojs/taro'

/**
 * Subscribe-message template ids for the reporter's notices (受理, 交办, 整改完成…), comma-separated in
 * TARO_APP_REPORT_TEMPLATES of the project's .env file. Taro writes TARO_APP_* values into the code at build
 * time; when the variable is not set the expression stays and `process` does not exist at run time.
 */
function templateIds(): string[] {
  try {
    return (process.env.TARO_APP_REPORT_TEMPLATES ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  } catch {
    return []
  }
}

/**
 * Asks the reporter to let us send progress notices. WeChat only allows it inside a tap handler, so call it
 * first thing there. Refusals and failures change nothing: the in-app inbox gets every notice anyway.
 */
export async function askForNotices() {
  if (process.env.TARO_ENV !== 'weapp') return
  const tmplIds = templateIds()
  if (tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: tmplIds.slice(0, 3), entityIds: [] })
  } catch {
    // The case is filed either way.
  }
}
