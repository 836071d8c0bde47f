import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { Ranking, UnitCockpit } from '@contract'
import { StatGrid } from '@/components/stat-grid'
import { openWork } from '@/services/subscribe'

// the workbench is opened to work: each figure asks WeChat to push the unit's next notice (services/subscribe)
const go = (url: string) => void openWork(url, ['handler'])

/** 首页 for a department's handler: what their unit has on its plate now, each figure opening where it is handled, and its rank this month. */
export function UnitPanel({ unit, ranking }: { unit: UnitCockpit; ranking: Ranking | null }) {
  const mine = ranking?.rows.find((r) => r.department.id === unit.department.id)
  return (
    <View className="cwt-section home__unit">
      <View className="cwt-section__title">
        <Text>本单位工作台</Text>
        <Text className="cwt-section__hint">{unit.department.name}</Text>
      </View>
      <StatGrid
        items={[
          { label: '在办问题', value: unit.open, onClick: () => go('/packages/staff/queue/index') },
          { label: '已超期', value: unit.overdue, alert: unit.overdue > 0, onClick: () => go('/packages/staff/queue/index') },
          { label: '本周到期', value: unit.dueThisWeek, alert: unit.dueThisWeek > 0, onClick: () => go('/packages/staff/queue/index') },
          { label: '待回复督办', value: unit.orders, alert: unit.orders > 0, onClick: () => go('/packages/orders/list/index?tab=orders') }
        ]}
      />
      {ranking && mine && (
        <View className="home__rank">
          <Text>本月考核</Text>
          <Text className="home__rank-place">
            第 <Text className="home__rank-em">{mine.rank}</Text> 名 / 共 {ranking.rows.length} 个单位
          </Text>
          <Text className="home__rank-score">{mine.score} 分</Text>
        </View>
      )}
      <Text className="home__footnote">
        本周 {dayjs(unit.week.from).format('M月D日')}–{dayjs(unit.week.to).format('M月D日')} · 待办按整改期限先后排列
      </Text>
    </View>
  )
}
