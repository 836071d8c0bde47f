import { Image as ImageIcon, Location } from '@nutui/icons-react-taro'
import { Image, Text, View } from '@tarojs/components'
import type { ReportCard } from '@contract'
import { StatusTag } from '@/components/status-tag'
import { formatWhen } from '../../format'
import './index.scss'

export interface CaseItemProps {
  card: ReportCard
  onClick: () => void
}

const prefix = 'report-case-item'

/** One of my cases: photo, kind, status, what and where, when, and who is on it. */
export function CaseItem({ card, onClick }: CaseItemProps) {
  return (
    <View className={prefix} onClick={onClick}>
      {card.thumb ? (
        <Image className={`${prefix}__thumb`} src={card.thumb} mode="aspectFill" lazyLoad />
      ) : (
        <View className={`${prefix}__thumb ${prefix}__thumb--none`}>
          <ImageIcon size={22} color="#bfbfbf" />
        </View>
      )}
      <View className={`${prefix}__body`}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__kind`}>{card.categoryName}</Text>
          <View className={`${prefix}__tags`}>
            <StatusTag status={card.status} overdue={card.overdue} />
          </View>
        </View>
        <Text className={`${prefix}__desc`}>{card.description || '（未填写描述）'}</Text>
        <View className={`${prefix}__where`}>
          <Location size={10} color="#8c8c8c" />
          <Text className={`${prefix}__address`}>{card.address}</Text>
        </View>
        <Text className={`${prefix}__meta`}>
          {formatWhen(card.createdAt)}
          {card.department ? ` · ${card.department.name}` : ''}
          {card.followers > 0 ? ` · ${card.followers} 人也遇到` : ''}
        </Text>
      </View>
    </View>
  )
}
