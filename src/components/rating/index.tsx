import { StarFill } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface RatingProps {
  value: number
  /** What is rated, e.g. 满意度: the group's name. */
  label: string
  onChange: (value: number) => void
}

const STARS = [1, 2, 3, 4, 5]
const prefix = 'cwt-rating'

/**
 * A 1–5 star rating, heard as a radio group whose radios say how many stars, with the value also in words. Ours
 * rather than NutUI's Rate, whose stars are 12 px views without a role or a value.
 */
export function Rating({ value, label, onChange }: RatingProps) {
  return (
    <View className={prefix}>
      <View className={`${prefix}__stars`} ariaRole="radiogroup" ariaLabel={label}>
        {STARS.map((n) => (
          <View key={n} className={`${prefix}__star ${n <= value ? `${prefix}__star--on` : ''}`} ariaRole="radio" aria-checked={n === value} ariaLabel={`${n} 星`} onClick={() => onChange(n)}>
            <StarFill />
          </View>
        ))}
      </View>
      <Text className={`${prefix}__value`} aria-hidden>
        {value} 星
      </Text>
    </View>
  )
}
