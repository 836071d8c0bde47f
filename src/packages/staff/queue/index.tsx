import { Blank } from '@/components/blank'
import { useState } from 'react'
import { ArrowRight, Checked } from '@nutui/icons-react-taro'
import { Badge, Cell, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReportCard } from '@contract'
import { PagedList } from '@/components/paged-list'
import { usePages } from '@/hooks/use-pages'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CaseCard } from '@/components/case-card'
import type { WorkCalendar } from '@contract/calendar'
import { deadlineLabel } from '../deadline'
import { ModeMeta } from '@/components/mode-meta'
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
  const list = usePages((page) => api.call('reports', 'queue', { scope, page, pageSize: PAGE_SIZE }), [scope])
  const waiting = useRequest(() => api.call('reports', 'waiting', {}), [])
  useReloadOnShow(waiting.reload)

  return (
    <View className={prefix}>
      <ModeMeta />
      <Tabs
        className={`${prefix}__tabs`}
        value={scope}
        onChange={(value) => {
          setScope(value as Scope)
          list.setPage(1)
        }}
      >
        <Tabs.TabPane title="待办理" value="open" />
        <Tabs.TabPane title="全部" value="all" />
      </Tabs>
      <Cell
        className={`${prefix}__orders`}
        title="督办单"
        description="签收并回复创文办"
        extra={
          <Text className={`${prefix}__orders-extra`}>
            {!!waiting.data?.orders && <Badge value={waiting.data.orders} max={99} />}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => Taro.navigateTo({ url: '/packages/orders/list/index' })}
      />
      <PagedList
        list={list}
        pageSize={PAGE_SIZE}
        head={(data) => (
          <View className={`${prefix}__summary`}>
            <Text>
              {scope === 'open' ? '待办理' : '本单位全部'} <Text className={`${prefix}__count`}>{data.total}</Text> 件
            </Text>
            <Text className={`${prefix}__hint`}>按整改时限先后排列</Text>
          </View>
        )}
        empty={<Blank icon={<Checked size={48} color="var(--cwt-border-strong)" />} title={scope === 'open' ? '本单位没有待办的问题' : '本单位还没有交办的问题'} description="创文办交办新问题时会出现在这里，下拉可刷新" />}
        item={(card) => (
          <CaseCard key={card.id} variant="row" card={card} showDepartment={false} aside={<Due card={card} calendar={calendar.data} />} onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${card.id}` })} />
        )}
      />
    </View>
  )
}
