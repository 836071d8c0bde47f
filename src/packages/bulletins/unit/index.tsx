import { useState } from 'react'
import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { List } from '@nutui/icons-react-taro'
import { monthPeriod, type Deduction } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { Behind } from '../behind'
import { Terms } from '../deductions'
import './index.scss'

const prefix = 'bulletin-unit'

/** A unit's assessment month by month: score, rank and what cost it points, each term opening its cases or orders. */
export default function UnitHistory() {
  const departmentId = useRouter().params.departmentId
  const history = useRequest(() => api.call('reports', 'unitHistory', departmentId ? { departmentId } : {}), [departmentId])
  const [open, setOpen] = useState<Deduction | null>(null)
  useReloadOnShow(history.reload)
  usePullDownRefresh(async () => {
    await history.reload()
    Taro.stopPullDownRefresh()
  })

  const months = history.data ?? []
  const unit = months[0]?.department
  return (
    <View className={prefix}>
      <LoadState loading={history.loading} error={history.error} ready={!!history.data} onRetry={history.reload} rows={8}>
        {unit && (
          <View className={`${prefix}__title`}>
            <Text className={`${prefix}__name`}>{unit.name}</Text>
            <Text className={`${prefix}__hint`}>考核得分与扣分明细，点扣分项查看对应问题或督办单</Text>
          </View>
        )}
        {months.map((m) => (
          <View key={m.month} className={`${prefix}__month`}>
            <View className={`${prefix}__head`}>
              <View className={`${prefix}__when`}>
                <Text className={`${prefix}__label`}>{monthPeriod(m.month).title}</Text>
                {m.frozen ? <Tag background="var(--cwt-brand)">已定榜</Tag> : <Tag background="var(--cwt-warning-soft)" color="var(--cwt-warning)">本月实时</Tag>}
              </View>
              <View className={`${prefix}__figures`}>
                <Text className={`${prefix}__score`}>{m.score}</Text>
                <Text className={`${prefix}__rank`}>
                  第 {m.rank} / {m.of} 名
                </Text>
              </View>
            </View>
            <Terms base={m.weights.base} deductions={m.deductions} onOpen={setOpen} />
          </View>
        ))}
        {history.data && !months.length && <Blank icon={<List size={48} color="var(--cwt-border-strong)" />} title="还没有考核记录" description="每月按通报数据计算得分，月通报发布后定榜" />}
      </LoadState>
      <Behind deduction={open} onClose={() => setOpen(null)} />
    </View>
  )
}
