import { Text, View } from '@tarojs/components'
import type { ITouchEvent } from '@tarojs/components'

export interface WeekFigureProps {
  label: string
  value: number | null
  last: number | null
  /** Whether a rise is good news (办结, 整改率), bad news (超期) or neither (新增). */
  rise: 'good' | 'bad' | 'neutral'
  unit?: string
  onOpen: () => void
  onOpenLast: () => void
}

const prefix = 'cockpit-week'
const shown = (value: number | null, unit = '') => (value === null ? '—' : `${value}${unit}`)

/** One of the week's figures against last week's: this week's opens its cases, last week's its own. */
export function WeekFigure({ label, value, last, rise, unit, onOpen, onOpenLast }: WeekFigureProps) {
  const change = value === null || last === null ? 0 : Math.round((value - last) * 10) / 10
  const tone = change === 0 || rise === 'neutral' ? 'flat' : (change > 0) === (rise === 'good') ? 'good' : 'bad'
  const openLast = (e: ITouchEvent) => {
    e.stopPropagation()
    onOpenLast()
  }
  return (
    <View className={`${prefix} ${rise === 'bad' && value ? `${prefix}--alert` : ''}`} onClick={onOpen}>
      <Text className={`${prefix}__label`}>{label}</Text>
      <Text className={`${prefix}__value`}>{shown(value, unit)}</Text>
      <View className={`${prefix}__last`} onClick={openLast}>
        <Text>上周 {shown(last, unit)}</Text>
        {change !== 0 && (
          <Text className={`${prefix}__change ${prefix}__change--${tone}`}>
            {change > 0 ? '↑' : '↓'}
            {Math.abs(change)}
          </Text>
        )}
      </View>
    </View>
  )
}
