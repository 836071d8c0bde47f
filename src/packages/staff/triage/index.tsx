import { Checked } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Blank } from '@/components/blank'
import { CaseCard } from '@/components/case-card'
import { PagedList } from '@/components/paged-list'
import { usePages } from '@/hooks/use-pages'
import { api } from '@/services/api'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const PAGE_SIZE = 20
const prefix = 'staff-triage'

/** 待受理: new reports, oldest first (the ledger sorts submitted cases that way), each opening the case page. */
export default function StaffTriage() {
  const list = usePages((page) => api.call('reports', 'ledger', { status: 'submitted', page, pageSize: PAGE_SIZE }), [])
  return (
    <View className={prefix}>
      <ModeMeta />
      <PagedList
        list={list}
        pageSize={PAGE_SIZE}
        head={(data) => (
          <View className={`${prefix}__summary`}>
            <Text>
              待受理 <Text className={`${prefix}__count`}>{data.total}</Text> 件
            </Text>
            <Text className={`${prefix}__hint`}>最早上报的排在前面</Text>
          </View>
        )}
        empty={<Blank icon={<Checked size={48} color="var(--cwt-border-strong)" />} title="新上报的问题都已受理" description="市民有新的随手拍时会出现在这里，下拉可刷新" />}
        item={(card) => <CaseCard key={card.id} variant="row" card={card} onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${card.id}` })} />}
      />
    </View>
  )
}
