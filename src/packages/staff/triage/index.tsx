import { Blank } from '@/components/blank'
import { useState } from 'react'
import { Checked } from '@nutui/icons-react-taro'
import { Pagination } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CaseCard } from '@/components/case-card'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import './index.scss'

const PAGE_SIZE = 20
const prefix = 'staff-triage'

/** 待受理: new reports, oldest first (the ledger sorts submitted cases that way), each opening the case page. */
export default function StaffTriage() {
  const [page, setPage] = useState(1)
  const list = useRequest(() => api.call('reports', 'ledger', { status: 'submitted', page, pageSize: PAGE_SIZE }), [page])

  useReloadOnShow(list.reload)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const data = list.data
  return (
    <View className={prefix}>
      <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={8}>
        {data && (
          <>
            <View className={`${prefix}__summary`}>
              <Text>
                待受理 <Text className={`${prefix}__count`}>{data.total}</Text> 件
              </Text>
              <Text className={`${prefix}__hint`}>最早上报的排在前面</Text>
            </View>
            {data.items.length === 0 ? (
              <Blank icon={<Checked size={48} color="#bfbfbf" />} title="新上报的问题都已受理" description="市民有新的随手拍时会出现在这里，下拉可刷新" />
            ) : (
              data.items.map((card) => <CaseCard key={card.id} variant="row" card={card} onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${card.id}` })} />)
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
