import { useState } from 'react'
import { ArrowRight, List } from '@nutui/icons-react-taro'
import { Picker, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { monthPeriod, type RankingRow } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { formulaText, Terms } from '../deductions'
import { monthOptions } from '../format'
import { formatDateTime, formatDay } from '@/utils/format'
import './index.scss'

const prefix = 'bulletin-ranking'

function Row({ row, mine, onOpen }: { row: RankingRow; mine: boolean; onOpen?: () => void }) {
  return (
    <View className={`${prefix}__row ${mine ? `${prefix}__row--mine` : ''}`} onClick={onOpen}>
      <Text className={`${prefix}__rank ${row.rank <= 3 ? `${prefix}__rank--top` : ''}`}>{row.rank}</Text>
      <View className={`${prefix}__body`}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__unit`}>
            {row.department.name}
            {mine && <Text className={`${prefix}__me`}>本单位</Text>}
          </Text>
          <Text className={`${prefix}__score`}>{row.score}</Text>
        </View>
        <Terms base={row.weights.base} deductions={row.deductions} />
        {onOpen && (
          <Text className={`${prefix}__more`}>
            历月得分与扣分明细 <ArrowRight size={10} />
          </Text>
        )}
      </View>
    </View>
  )
}

/** 考核排名: a month's units by score, each with its formula as applied; past months as frozen by their bulletin. */
export default function Ranking() {
  const months = monthOptions(new Date())
  const [month, setMonth] = useState(useRouter().params.month ?? months[0].month)
  const [picking, setPicking] = useState(false)
  const me = useRequest(() => api.call('users', 'me'), [])
  const ranking = useRequest(() => api.call('reports', 'ranking', { month }), [month])
  // a month is frozen by its published monthly bulletin: mark those in the picker
  const monthly = useRequest(() => api.call('reports', 'bulletins', { kind: 'month', page: 1, pageSize: months.length }), [])
  const frozen = new Set((monthly.data?.items ?? []).filter((b) => b.status === 'published').map((b) => b.start.slice(0, 7)))
  useReloadOnShow(ranking.reload)
  usePullDownRefresh(async () => {
    await ranking.reload()
    Taro.stopPullDownRefresh()
  })

  const office = !!me.data?.roles.includes('admin')
  const own = me.data?.department?.id
  const r = ranking.data
  const openUnit = (id: string) => Taro.navigateTo({ url: `/packages/bulletins/unit/index?departmentId=${id}` })
  return (
    <View className={prefix}>
      <View className={`${prefix}__pick`} onClick={() => setPicking(true)}>
        <View className={`${prefix}__pick-row`}>
          <Text className={`${prefix}__month`}>{monthPeriod(month).title}考核排名</Text>
          <Text className={`${prefix}__switch`}>
            切换月份
            <ArrowRight size={12} />
          </Text>
        </View>
        {r && r.month === month && (
          <View className={`${prefix}__pick-row`}>
            {r.frozen ? <Tag background="var(--cwt-brand)">已定榜</Tag> : <Tag background="var(--cwt-warning-soft)" color="var(--cwt-warning)">进行中</Tag>}
            <Text className={`${prefix}__as-of`}>{r.frozen ? `随月通报定榜，数据截至 ${formatDay(r.asOf)}` : `截至 ${formatDateTime(r.asOf)}，月通报发布后定榜`}</Text>
          </View>
        )}
      </View>

      <LoadState loading={ranking.loading} error={ranking.error} ready={!!r && r.month === month} onRetry={ranking.reload} rows={10}>
        {r &&
          (r.rows.length ? (
            <>
              <Text className={`${prefix}__formula`}>计分办法：{formulaText(r.rows[0].weights)}</Text>
              {r.rows.map((row) => (
                <Row key={row.department.id} row={row} mine={row.department.id === own} onOpen={office || row.department.id === own ? () => openUnit(row.department.id) : undefined} />
              ))}
            </>
          ) : (
            <Blank icon={<List size={48} color="var(--cwt-border-strong)" />} title="这个月还没有可排名的单位" description="在「系统设置」中添加责任单位后，按月计算得分并排名" />
          ))}
      </LoadState>

      <Picker
        visible={picking}
        title="考核月份"
        options={[months.map((m, i) => ({ label: `${m.label}${i === 0 ? '（本月）' : frozen.has(m.month) ? '（已定榜）' : ''}`, value: m.month }))]}
        value={[month]}
        onConfirm={(_, [v]) => v && setMonth(String(v))}
        onClose={() => setPicking(false)}
      />
    </View>
  )
}
