import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { UnitCockpit } from '@contract'
import { StatGrid } from '@/components/stat-grid'

const go = (url: string) => Taro.navigateTo({ url })

/** 首页 for a department's handler: what their unit has on its plate now, each figure opening where it is handled. */
export function UnitPanel({ unit }: { unit: UnitCockpit }) {
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
      <Text className="home__footnote">
        本周 {dayjs(unit.week.from).format('M月D日')}–{dayjs(unit.week.to).format('M月D日')} · 待办按整改期限先后排列
      </Text>
    </View>
  )
}
