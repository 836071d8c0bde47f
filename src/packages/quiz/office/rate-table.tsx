import { Location } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import type { RateRow } from '@contract'
import { Blank } from '@/components/blank'
import { percentText, rateColour, scoreText, unitFacts } from '../office-figures'

const prefix = 'quiz-office'

export interface RateTableProps<T extends RateRow> {
  rows: T[]
  /** What is ranked: 学校, 班级, 社区. */
  unit: string
  /** A line under the name, e.g. a class's school. */
  under?: (row: T) => string
  /** Whether a size can be known for this kind of unit, so a 参与率 is worth a word in the note. */
  sized: boolean
  /** Why the table is empty, when it is. */
  empty: string
}

/**
 * Schools, classes or communities as the server ranks them: by average score, then participation, never by
 * totals. A ranked list rather than a grid of columns: a phone is too narrow for five of them.
 */
export function RateTable<T extends RateRow>({ rows, unit, under, sized, empty }: RateTableProps<T>) {
  if (rows.length === 0) return <Blank icon={<Location size={48} color="var(--cwt-border-strong)" />} title={`还没有${unit}的统计`} description={`${empty}；学生绑定学校和班级、居民绑定社区后，成绩会计入这里`} />
  return (
    <View className={`cwt-section ${prefix}__card`}>
      <Text className={`${prefix}__note`}>按平均分排名，同分看参与率{sized ? '（参与人数 ÷ 登记人数）' : ''}；知晓率 = 通过人数 ÷ 参与人数</Text>
      {rows.map((r, i) => (
        <View key={r.key} className={`${prefix}__unit-row`}>
          <Text className={`${prefix}__rank ${i < 3 ? `${prefix}__rank--top` : ''}`}>{i + 1}</Text>
          <View className={`${prefix}__who`}>
            <Text className={`${prefix}__nickname`}>{r.name}</Text>
            {under && <Text className={`${prefix}__unit`}>{under(r)}</Text>}
            <View className={`${prefix}__facts`}>
              {unitFacts(r).map((fact) => (
                <Text key={fact} className={`${prefix}__fact`}>
                  {fact}
                </Text>
              ))}
            </View>
          </View>
          <View className={`${prefix}__figure`}>
            <Text className={`${prefix}__figure-value`}>{scoreText(r.average)}</Text>
            <Text className={`${prefix}__figure-label`}>平均分</Text>
          </View>
          <View className={`${prefix}__figure`}>
            <Text className={`${prefix}__figure-value`} style={{ color: rateColour(r.rate) }}>
              {percentText(r.rate)}
            </Text>
            <Text className={`${prefix}__figure-label`}>知晓率</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
