import type { ReactNode } from 'react'
import { Image as ImageIcon, Location } from '@nutui/icons-react-taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import type { ReportCard } from '@contract'
import { StatusTag } from '@/components/status-tag'
import { formatDateTime, formatWhen } from '@/utils/format'
import { alt } from '@/utils/a11y'
import './index.scss'

export interface CaseCardProps {
  card: ReportCard
  onClick: () => void
  /** `card`: a resident's list, roomy; `row`: a staff list, dense, with the case number. */
  variant?: 'card' | 'row'
  /** Right end of the bottom line, e.g. the time left to the deadline. */
  aside?: ReactNode
  /** Off in a department's own queue, where it would say the same on every row. */
  showDepartment?: boolean
}

const defaultProps = { variant: 'card', aside: null, showDepartment: true } satisfies Partial<CaseCardProps>
const prefix = 'cwt-case-card'

/** One case in a list: photo, kind, status, what and where, when, and who is on it. */
export function CaseCard(props: CaseCardProps) {
  const { card, onClick, variant, aside, showDepartment } = { ...defaultProps, ...props }
  const department = showDepartment && card.department ? ` · ${card.department.name}` : ''
  const meta =
    variant === 'row'
      ? `${card.no} · ${formatDateTime(card.createdAt)}${department}`
      : `${formatWhen(card.createdAt)}${department}${card.followers > 0 ? ` · ${card.followers} 人也遇到` : ''}`
  return (
    <View className={`${prefix} ${prefix}--${variant}`} onClick={onClick}>
      {card.thumb ? (
        <Image className={`${prefix}__thumb`} {...alt(`${card.categoryName}的照片`)} src={card.thumb} mode="aspectFill" lazyLoad />
      ) : (
        <View className={`${prefix}__thumb ${prefix}__thumb--none`}>
          <ImageIcon size={20} color="var(--cwt-border-strong)" />
        </View>
      )}
      <View className={`${prefix}__body`}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__kind`}>{card.categoryName}</Text>
          <View className={`${prefix}__tags`}>
            {card.source !== '随手拍' && (
              <Tag background="var(--cwt-info-soft)" color="var(--cwt-info)">
                {card.source}
              </Tag>
            )}
            {card.needsReview && (
              <Tag background="var(--cwt-warning-soft)" color="var(--cwt-warning)">
                待复核
              </Tag>
            )}
            <StatusTag status={card.status} overdue={card.overdue} />
          </View>
        </View>
        <Text className={`${prefix}__desc`}>{card.description}</Text>
        <View className={`${prefix}__where`}>
          <Location size={10} color="var(--cwt-text-hint)" />
          <Text className={`${prefix}__address`}>{card.address}</Text>
        </View>
        <View className={`${prefix}__foot`}>
          <Text className={`${prefix}__meta`}>{meta}</Text>
          {aside}
        </View>
      </View>
    </View>
  )
}
