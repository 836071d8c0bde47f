import { useEffect, useState } from 'react'
import { Location } from '@nutui/icons-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FeedItem } from '@contract'
import { LoadState } from '@/components/load-state'
import { StatusTag } from '@/components/status-tag'
import { api } from '@/services/api'
import { ListFooter } from '@/components/list-footer'
import { formatDistance, formatWhen } from '@/utils/format'
import { currentPosition, type Position } from '@/utils/location'
import { Blank } from '@/components/blank'
import { usePaged } from '@/hooks/use-paged'
import { alt } from '@/utils/a11y'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const PAGE_SIZE = 10
const open = (item: FeedItem) => Taro.navigateTo({ url: `/packages/report/detail/index?id=${item.id}` })

export default function Feed() {
  // Asked once; every page of the list waits for the same answer.
  const [where] = useState(currentPosition)
  const [position, setPosition] = useState<Position>()
  useEffect(() => void where.then(setPosition), [where])
  const list = usePaged(async (page) => {
    const { lat, lng } = await where
    return api.call('reports', 'feed', { lat, lng, page, pageSize: PAGE_SIZE })
  }, [where])

  return (
    <View className="report-feed">
      <ModeMeta />
      <View className="report-feed__where">
        <Location size={12} color="var(--cwt-brand)" />
        <Text>{!position ? '正在获取您的位置…' : position.fallback ? '未获取到您的位置，显示市中心周边 3 公里内的问题' : '您周边 3 公里内的问题，由近及远'}</Text>
      </View>
      <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
        {list.items.length === 0 ? (
          <Blank
            icon={<Location size={56} color="var(--cwt-brand-line)" />}
            title="附近暂时没有公开的问题"
            description="发现身边的不文明现象或设施损坏，拍下来告诉我们"
            action={{ text: '去随手拍', onClick: () => void Taro.navigateTo({ url: '/packages/report/new/index?pick=1' }) }}
          />
        ) : (
          <>
            {list.items.map((item) => (
              <View key={item.id} className="report-feed__item" onClick={() => open(item)}>
                <View className="report-feed__head">
                  <Text className="report-feed__kind">{item.categoryName}</Text>
                  <StatusTag status={item.status} />
                  {item.distance !== null && <Text className="report-feed__distance">{formatDistance(item.distance)}</Text>}
                </View>
                {item.description && <Text className="report-feed__desc">{item.description}</Text>}
                {item.photos.length > 0 && (
                  <View className="report-feed__photos">
                    {item.photos.slice(0, 3).map((url) => (
                      <Image key={url} className="report-feed__photo" {...alt('问题照片')} src={url} mode="aspectFill" lazyLoad />
                    ))}
                  </View>
                )}
                <View className="report-feed__foot">
                  <Text className="report-feed__address">{item.address}</Text>
                  <Text className="report-feed__time">{formatWhen(item.createdAt)}</Text>
                </View>
              </View>
            ))}
            <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} endText="附近的问题都在这里了" />
          </>
        )}
      </LoadState>
    </View>
  )
}
