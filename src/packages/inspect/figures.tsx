import { Text, View } from '@tarojs/components'
import type { FiguresBreakdown, InspectionFigures } from '@contract'
import { StatGrid } from '@/components/stat-grid'
import './figures.scss'

const prefix = 'inspect-figures'
const BY = { department: '按责任单位', type: '按点位类型', grid: '按网格' } as const

export const figureItems = (f: InspectionFigures) => [
  { label: '督查点位', value: f.inspected },
  { label: '达标', value: f.passed },
  { label: '未达标', value: f.failed, alert: f.failed > 0 },
  { label: '督查问题', value: f.problems },
  { label: '立行立改', value: f.onSpot },
  { label: '限期整改', value: f.byDeadline },
  { label: '已整改', value: f.fixed },
  { label: '整改中', value: f.inProgress, alert: f.inProgress > 0 }
]

/** The campaign's sentence as figures, then the same split by unit, type and grid. */
export function Figures({ data }: { data: FiguresBreakdown }) {
  return (
    <View className={prefix}>
      <StatGrid items={figureItems(data.total)} columns={4} />
      {(Object.keys(BY) as (keyof typeof BY)[]).map((by) => {
        const rows = data.rows.filter((r) => r.by === by)
        if (!rows.length) return null
        return (
          <View key={by} className={`${prefix}__table`}>
            <Text className={`${prefix}__caption`}>{BY[by]}</Text>
            <View className={`${prefix}__row ${prefix}__row--head`}>
              <Text className={`${prefix}__name`}>名称</Text>
              <Text>点位</Text>
              <Text>达标</Text>
              <Text>问题</Text>
              <Text>已整改</Text>
            </View>
            {rows.map((r) => (
              <View key={r.id} className={`${prefix}__row`}>
                <Text className={`${prefix}__name`}>{r.name}</Text>
                <Text>{r.figures.inspected}</Text>
                <Text>{r.figures.passed}</Text>
                <Text>{r.figures.problems}</Text>
                <Text>{r.figures.fixed}</Text>
              </View>
            ))}
          </View>
        )
      })}
    </View>
  )
}
