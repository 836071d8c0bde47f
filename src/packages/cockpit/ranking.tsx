import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Ranking, RankingRow } from '@contract'
import { ledgerUrl } from '../staff/ledger-filter'

const prefix = 'cockpit-ranking'
const SHOWN = 5

/** What cost a unit most this month, as the assessment wrote it. */
const costliest = (row: RankingRow) => [...row.deductions].sort((a, b) => a.points - b.points).find((d) => d.points < 0)?.label ?? '本月暂无扣分'

/**
 * 本月考核排名 so far (reports.ranking, the assessment's own scores): the best units and, when the list is longer,
 * the last; a unit opens the ledger of its cases filed this month.
 */
export function RankingCard({ ranking }: { ranking: Ranking }) {
  const { rows, month } = ranking
  const shown = rows.length > SHOWN + 1 ? [...rows.slice(0, SHOWN - 1), null, rows[rows.length - 1]] : rows
  const from = `${month}-01`
  const open = (row: RankingRow) => Taro.navigateTo({ url: ledgerUrl({ departmentId: row.department.id, from }) })
  return (
    <View className={prefix}>
      {shown.map((row) =>
        row ? (
          <View key={row.department.id} className={`${prefix}__row`} onClick={() => open(row)}>
            <Text className={`${prefix}__rank ${row.rank <= 3 ? `${prefix}__rank--top` : ''}`}>{row.rank}</Text>
            <View className={`${prefix}__unit`}>
              <Text className={`${prefix}__name`}>{row.department.name}</Text>
              <Text className={`${prefix}__why`}>{costliest(row)}</Text>
            </View>
            <Text className={`${prefix}__score`}>{row.score}</Text>
          </View>
        ) : (
          <Text key="gap" className={`${prefix}__gap`}>
            ⋯ 共 {rows.length} 个单位
          </Text>
        )
      )}
      <View className={`${prefix}__foot`}>
        <Tag background={ranking.frozen ? 'var(--cwt-border)' : 'var(--cwt-brand-soft)'} color={ranking.frozen ? 'var(--cwt-text-2)' : 'var(--cwt-brand)'}>
          {ranking.frozen ? '已随月通报发布' : '本月至今，实时计算'}
        </Tag>
        <Text className={`${prefix}__hint`}>按考核得分排列，点单位查看其本月问题</Text>
      </View>
    </View>
  )
}
