import type { ReactNode } from 'react'
import { Image as ImageIcon, Location } from '@nutui/icons-react-taro'
import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { ReportCard } from '@contract'
import { StatusTag } from '@/components/status-tag'
import './index.scss'

export interface CaseCardProps {
  card: ReportCard
  onClick: () => void
  /** Right end of the bottom line, e.g. the time left to the deadline. */
  aside?: ReactNode
  /** Off in a department's own queue, where it would say the same on every row. */
  showDepartment?: boolean
}

const defaultProps = { aside: null, showDepartment: true } satisfies Partial<CaseCardProps>
const prefix = 'staff-case-card'

/** One case in a staff list: photo, kind, status, what and where, case number, filing time and department. */
export function CaseCard(props: CaseCardProps) {
  const { card, onClick, aside, showDepartment } = { ...defaultProps, ...props }
  return (
    <View className={prefix} onClick={onClick}>
      {card.thumb ? (
        <Image className={`${prefix}__thumb`} src={card.thumb} mode="aspectFill" lazyLoad />
      ) : (
        <View className={`${prefix}__thumb ${prefix}__thumb--none`}>
          <ImageIcon size={20} color="#bfbfbf" />
        </View>
      )}
      <View className={`${prefix}__body`}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__kind`}>{card.categoryName}</Text>
          <View className={`${prefix}__tags`}>
            <StatusTag status={card.status} overdue={card.overdue} />
          </View>
        </View>
        <Text className={`${prefix}__desc`}>{card.description}</Text>
        <View className={`${prefix}__where`}>
          <Location size={10} color="#8c8c8c" />
          <Text className={`${prefix}__address`}>{card.address}</Text>
        </View>
        <View className={`${prefix}__foot`}>
          <Text className={`${prefix}__meta`}>
            {card.no} · {dayjs(card.createdAt).format('M-D HH:mm')}
            {showDepartment && card.department ? ` · ${card.department.name}` : ''}
          </Text>
          {aside}
        </View>
      </View>
    </View>
  )
}
