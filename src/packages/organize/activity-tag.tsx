import { Tag } from '@nutui/nutui-react-taro'
import type { ActivityStatus } from '@contract'
import { ACTIVITY_STATUS_COLOURS, ACTIVITY_STATUS_LABELS } from './labels'

/** An activity's status (草稿 / 已发布 / 已取消) as a coloured tag. */
export function ActivityTag({ status }: { status: ActivityStatus }) {
  const [background, color] = ACTIVITY_STATUS_COLOURS[status]
  return (
    <Tag className="org-activity-tag" background={background} color={color}>
      {ACTIVITY_STATUS_LABELS[status]}
    </Tag>
  )
}
