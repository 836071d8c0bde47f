import { useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import type { Role } from '@contract'
import { askForNotices, hasStaffNotices, staffTemplates, type Asked } from '@/services/subscribe'

const INBOX_ONLY = '新的待办请看各入口的红色数字和「消息」'

/** What the cell says, honestly: where WeChat cannot push, it says so and where to look instead. */
function noticeHint(weapp: boolean, templates: number, asked: Asked | null): string {
  if (!weapp) return `网页版不能推送微信提醒，${INBOX_ONLY}`
  if (!templates) return `尚未配置微信提醒模板，${INBOX_ONLY}`
  if (asked === 'accepted') return '已开启：下一条待办会推送到微信（每次同意收一条；勾选「总是保持以上选择」，打开待办时自动续上）'
  if (asked === 'refused') return '未开启：可在右上角「···」→ 设置 → 通知管理中打开，再点这里'
  return '有新的待办时通过微信通知您，点此开启'
}

/** 我的 for staff: the one place that always asks WeChat to push what waits on them. */
export function NoticeCell({ roles }: { roles: Role[] }) {
  const [asked, setAsked] = useState<Asked | null>(null)
  if (!hasStaffNotices(roles)) return null
  const templates = staffTemplates(roles)
  const weapp = process.env.TARO_ENV === 'weapp'
  const can = weapp && templates.length > 0
  return (
    <Cell
      title="待办微信提醒"
      description={noticeHint(weapp, templates.length, asked)}
      extra={can ? <ArrowRight size={12} /> : undefined}
      clickable={can}
      // NutUI's Cell calls its onClick on every tap, clickable or not
      onClick={async () => {
        if (can) setAsked(await askForNotices(templates))
      }}
    />
  )
}
