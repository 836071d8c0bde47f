import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StatItem {
  label: string
  value: number | string
  /** Draws the figure in the alert colour, e.g. for overdue counts. */
  alert?: boolean
  /** Opens what the figure counts (the ledger filtered to its cases). */
  onClick?: () => void
}

export interface StatGridProps {
  items: StatItem[]
  columns?: number
  className?: string
}

const defaultProps = { columns: 4, className: '' } satisfies Partial<StatGridProps>
const prefix = 'cwt-stat-grid'

/** A block of headline figures: big number over a short label. */
export function StatGrid(props: StatGridProps) {
  const { items, columns, className } = { ...defaultProps, ...props }
  return (
    <View className={`${prefix} ${className}`} style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
      {items.map((item) => (
        <View key={item.label} className={`${prefix}__item ${item.onClick ? `${prefix}__item--link` : ''}`} onClick={item.onClick}>
          <Text className={`${prefix}__value ${item.alert ? `${prefix}__value--alert` : ''}`}>{item.value}</Text>
          <Text className={`${prefix}__label`}>{item.label}</Text>
        </View>
      ))}
    </View>
  )
}
