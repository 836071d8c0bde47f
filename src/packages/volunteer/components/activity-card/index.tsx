import type { ReactNode } from 'react'
import { Clock, Location } from '@nutui/icons-react-taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { ACTIVITY_STAGE_LABELS, ACTIVITY_TYPE_LABELS, type ActivityCard as Card } from '@contract'
import { placesText } from '../../format'
import { SignupTag } from '../signup-tag'
import './index.scss'
import { formatDateTime, formatSpan } from '@/utils/format'

export interface ActivityCardProps {
  card: Card
  onClick: () => void
  /** Replaces the bottom line's right end (places and deadline), e.g. the hours a volunteer earned. */
  aside?: ReactNode
}

const defaultProps = { aside: null } satisfies Partial<ActivityCardProps>
const prefix = 'vol-activity-card'

/** One activity in a list: title, type, when, where, places left, the sign-up deadline and my sign-up. */
export function ActivityCard(props: ActivityCardProps) {
  const { card, onClick, aside } = { ...defaultProps, ...props }
  const cancelled = card.status === 'cancelled'
  const closed = dayjs().isAfter(card.signupDeadline)
  const full = card.placesLeft <= 0
  return (
    <View className={`${prefix} ${cancelled ? `${prefix}--cancelled` : ''}`} onClick={onClick}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>{card.title}</Text>
        {card.stage === 'published' ? (
          card.mine && card.mine !== 'cancelled' && <SignupTag status={card.mine} />
        ) : (
          card.stage !== 'cancelled' && (
            <Tag background={card.stage === 'completed' ? 'var(--cwt-info-soft)' : 'var(--cwt-fill-strong)'} color={card.stage === 'completed' ? 'var(--cwt-info)' : 'var(--cwt-text-2)'}>
              {ACTIVITY_STAGE_LABELS[card.stage]}
            </Tag>
          )
        )}
      </View>
      <View className={`${prefix}__tags`}>
        <Tag background="var(--cwt-brand-soft)" color="var(--cwt-brand)">
          {ACTIVITY_TYPE_LABELS[card.type]}
        </Tag>
        {cancelled && (
          <Tag background="var(--cwt-fill-strong)" color="var(--cwt-text-2)">
            已取消
          </Tag>
        )}
        <Text className={`${prefix}__team`}>{card.team}</Text>
      </View>
      <View className={`${prefix}__line`}>
        <Clock size={12} color="var(--cwt-text-hint)" />
        <Text className={`${prefix}__text`}>{formatSpan(card.startAt, card.endAt)}</Text>
      </View>
      <View className={`${prefix}__line`}>
        <Location size={12} color="var(--cwt-text-hint)" />
        <Text className={`${prefix}__text`}>{card.address}</Text>
      </View>
      <View className={`${prefix}__foot`}>
        {aside ?? (cancelled ? (
          <Text className={`${prefix}__deadline`}>活动已取消</Text>
        ) : (
          <>
            <Text className={`${prefix}__places ${full ? `${prefix}__places--full` : ''}`}>{placesText(card)}</Text>
            <Text className={`${prefix}__deadline`}>{closed ? '报名已截止' : `报名截止 ${formatDateTime(card.signupDeadline)}`}</Text>
          </>
        ))}
      </View>
    </View>
  )
}
