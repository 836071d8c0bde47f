import { ArrowRight, Gift } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { api } from '@/services/api'
import { ListFooter } from '@/components/list-footer'
import { Blank } from '@/components/blank'
import { usePaged } from '@/hooks/use-paged'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime } from '@/utils/format'

const PAGE_SIZE = 20

export default function Points() {
  const list = usePaged((page) => api.call('users', 'points', { page, pageSize: PAGE_SIZE }), [])
  return (
    <View className="report-points">
      <ModeMeta />
      <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
        <View className="report-points__card">
          <Text className="report-points__label">我的积分</Text>
          <Text className="report-points__balance">{list.last?.balance ?? 0}</Text>
          <Text className="report-points__hint">随手拍被创文办受理即可获得积分</Text>
        </View>
        {list.items.length === 0 ? (
          <Blank
            icon={<Gift size={56} color="var(--cwt-brand-line)" />}
            title="还没有积分记录"
            description="拍下身边的问题，被受理后积分会记在这里"
            action={{ text: '去随手拍', onClick: () => void Taro.navigateTo({ url: '/packages/report/new/index?pick=1' }) }}
          />
        ) : (
          <>
            <View className="report-points__list">
              {list.items.map((entry, i) => (
                <View
                  key={`${entry.at}-${i}`}
                  className="report-points__entry"
                  onClick={() => entry.reportId && Taro.navigateTo({ url: `/packages/report/detail/index?id=${entry.reportId}` })}
                >
                  <View className="report-points__body">
                    <Text className="report-points__reason">{entry.reason}</Text>
                    <Text className="report-points__time">{formatDateTime(entry.at)}</Text>
                  </View>
                  <Text className={`report-points__delta ${entry.points < 0 ? 'report-points__delta--minus' : ''}`}>
                    {entry.points > 0 ? `+${entry.points}` : entry.points}
                  </Text>
                  {entry.reportId && <ArrowRight size={12} color="var(--cwt-border-strong)" />}
                </View>
              ))}
            </View>
            <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} endText="没有更早的记录了" />
          </>
        )}
      </LoadState>
    </View>
  )
}
