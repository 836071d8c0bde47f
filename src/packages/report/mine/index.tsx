import { useState } from 'react'
import { Photograph } from '@nutui/icons-react-taro'
import { Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { api } from '@/services/api'
import { CaseCard } from '@/components/case-card'
import { ListFooter } from '@/components/list-footer'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { Blank } from '@/components/blank'
import { usePaged } from '@/hooks/use-paged'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

type Scope = 'all' | 'open' | 'closed'

const SCOPES: { value: Scope; title: string; empty: string }[] = [
  { value: 'all', title: '全部', empty: '还没有随手拍' },
  { value: 'open', title: '处理中', empty: '没有正在处理的问题' },
  { value: 'closed', title: '已办结', empty: '还没有办结的问题' }
]
const PAGE_SIZE = 10

export default function MyReports() {
  const [scope, setScope] = useState<Scope>('all')
  const list = usePaged((page) => api.call('reports', 'mine', { scope, page, pageSize: PAGE_SIZE }), [scope])
  // Back from a case (confirmed it, say): its status here must follow.
  useReloadOnShow(list.refresh)

  const current = SCOPES.find((s) => s.value === scope)!
  return (
    <View className="report-mine">
      <ModeMeta />
      <Tabs className="report-mine__tabs" value={scope} onChange={(v) => setScope(v as Scope)} activeType="line">
        {SCOPES.map((s) => (
          <Tabs.TabPane key={s.value} title={s.title} value={s.value} />
        ))}
      </Tabs>
      <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
        {list.items.length === 0 ? (
          <Blank
            icon={<Photograph size={56} color="var(--cwt-brand-line)" />}
            title={current.empty}
            description="看到乱贴乱画、井盖缺失、占道经营？拍下来，创文办会交给责任单位处理"
            action={{ text: '去随手拍', onClick: () => void Taro.navigateTo({ url: '/packages/report/new/index?pick=1' }) }}
          />
        ) : (
          <>
            <Text className="report-mine__total">共 {list.last?.total ?? 0} 条 · 含我关注的问题</Text>
            {list.items.map((card) => (
              <CaseCard key={card.id} card={card} onClick={() => Taro.navigateTo({ url: `/packages/report/detail/index?id=${card.id}` })} />
            ))}
            <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} />
          </>
        )}
      </LoadState>
    </View>
  )
}
