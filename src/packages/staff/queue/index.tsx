import { Blank } from '@/components/blank'
import { useState } from 'react'
import { Checked } from '@nutui/icons-react-taro'
import { Pagination, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ReportCard } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CaseCard } from '@/components/case-card'
import type { WorkCalendar } from '@contract/calendar'
import { deadlineLabel } from '../deadline'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import './index.scss'

const PAGE_SIZE = 20
const prefix = 'staff-queue'
type Scope = 'open' | 'all'

// Only these run against the deadline; the rest wait on the office or are done.
const RUNNING = new Set(['assigned', 'in_progress', 'extension_requested'])

function Due({ card, calendar }: { card: ReportCard; calendar?: WorkCalendar }) {
  if (!card.deadline || !RUNNING.has(card.status)) return null
  const { text, tone } = deadlineLabel(card.deadline, new Date(), calendar)
  return <Text className={`${prefix}__due ${prefix}__due--${tone}`}>{text}</Text>
}

/** 本单位待办: the department's cases, nearest deadline first, each with the time left. */
export default function StaffQueue() {
  const calendar = useRequest(() => api.call('campaign', 'calendar'), [])
  const [scope, setScope] = useState<Scope>('open')
  const [page, setPage] = useState(1)
  const list = useRequest(() => api.call('reports', 'queue', { scope, page, pageSize: PAGE_SIZE }), [scope, page])

  useReloadOnShow(list.reload)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const data = list.data
  return (
    <View className={prefix}>
      <Tabs
        className={`${prefix}__tabs`}
        value={scope}
        onChange={(value) => {
          setScope(value as Scope)
          setPage(1)
        }}
      >
        <Tabs.TabPane title="待办理" value="open" />
        <Tabs.TabPane title="全部" value="all" />
      </Tabs>
      <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={8}>
        {data && (
          <>
            <View className={`${prefix}__summary`}>
              <Text>
                {scope === 'open' ? '待办理' : '本单位全部'} <Text className={`${prefix}__count`}>{data.total}</Text> 件
              </Text>
              <Text className={`${prefix}__hint`}>按整改时限先后排列</Text>
            </View>
            {data.items.length === 0 ? (
              <Blank icon={<Checked size={48} color="#bfbfbf" />} title={scope === 'open' ? '本单位没有待办的问题' : '本单位还没有交办的问题'}
                description="创文办交办新问题时会出现在这里，下拉可刷新"
              />
            ) : (
              data.items.map((card) => (
                <CaseCard key={card.id} variant="row" card={card} showDepartment={false} aside={<Due card={card} calendar={calendar.data} />} onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${card.id}` })} />
              ))
            )}
            {data.total > PAGE_SIZE && (
              <View className={`${prefix}__pager`}>
                <Pagination value={page} total={data.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
              </View>
            )}
          </>
        )}
      </LoadState>
    </View>
  )
}
