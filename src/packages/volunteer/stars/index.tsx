import { Star } from '@nutui/icons-react-taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime, formatMonth, hoursText } from '@/utils/format'

const prefix = 'vol-stars'

export default function StarsPage() {
  const stars = useRequest(() => api.call('volunteer', 'stars'), [])

  usePullDownRefresh(async () => {
    await stars.reload()
    Taro.stopPullDownRefresh()
  })

  // The newest month on top, whatever order the answer came in.
  const months = [...(stars.data ?? [])].sort((a, b) => b.month.localeCompare(a.month))
  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={stars.loading} error={stars.error} ready={!!stars.data} onRetry={stars.reload} rows={6}>
        {months.length === 0 ? (
          <Blank
            icon={<Star size={56} color="var(--cwt-brand-line)" />}
            title="还没有评选结果"
            description="每月按认证服务时长评选志愿服务之星，公示期满后发布。多参加活动，下一位就是你"
            action={{ text: '看看志愿活动', onClick: () => void Taro.navigateTo({ url: '/packages/volunteer/list/index' }) }}
          />
        ) : (
          months.map((m) => (
            <View key={m.month} className={`cwt-section ${prefix}__month`}>
              <View className="cwt-section__title">
                <Text>{formatMonth(m.month)}</Text>
                {m.status === 'notice' ? (
                  <Tag background="var(--cwt-warning-soft)" color="var(--cwt-warning)">
                    公示中
                  </Tag>
                ) : (
                  <Tag background="var(--cwt-success-soft)" color="var(--cwt-success)">
                    已发布
                  </Tag>
                )}
              </View>
              {m.status === 'notice' && <Text className={`${prefix}__notice`}>公示期至 {formatDateTime(m.noticeUntil)}，如有异议请向创文办反映</Text>}
              {m.note && <Text className={`${prefix}__notice`}>{m.note}</Text>}
              {m.winners.map((w, i) => (
                <View key={`${w.nickname}-${i}`} className={`${prefix}__winner`}>
                  <Text className={`${prefix}__rank ${i < 3 ? `${prefix}__rank--top` : ''}`}>{i + 1}</Text>
                  <View className={`${prefix}__who`}>
                    <Text className={`${prefix}__name`}>{w.nickname}</Text>
                    <Text className={`${prefix}__team`}>{w.team}</Text>
                  </View>
                  <View className={`${prefix}__figures`}>
                    <Text className={`${prefix}__hours`}>{hoursText(w.hours)} 小时</Text>
                    <Text className={`${prefix}__acts`}>{w.activities} 次活动</Text>
                  </View>
                </View>
              ))}
            </View>
          ))
        )}
      </LoadState>
    </View>
  )
}
