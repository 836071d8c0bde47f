import { Tag } from '@nutui/nutui-react-taro'
import { ACTIVITY_STAGE_LABELS, type ActivityStage } from '@contract'
import { ACTIVITY_STAGE_COLOURS } from './labels'

/** Where an activity stands (草稿 / 已发布 / 已结束 / 已确认 / 已取消) as a coloured tag. */
export function ActivityTag({ stage }: { stage: ActivityStage }) {
  const [background, color] = ACTIVITY_STAGE_COLOURS[stage]
  return (
    <Tag className="org-activity-tag" background={background} color={color}>
      {ACTIVITY_STAGE_LABELS[stage]}
    </Tag>
  )
}
