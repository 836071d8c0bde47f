import { Location } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { VerdictTag } from '../verdict'
import { ModeMeta } from '@/components/mode-meta'
import { formatDay } from '@/utils/format'
import { beijingDay } from '@contract/calendar'
import './index.scss'

const prefix = 'inspect-today'

/**
 * The inspector's rounds of today and their points (a round's route is shown from its day), then earlier rounds
 * with a point still 未达标, for its 复查.
 */
export default function Today() {
  const mine = useRequest(() => api.call('reports', 'myRounds'), [])
  const today = beijingDay(new Date())
  useReloadOnShow(mine.reload)
  usePullDownRefresh(async () => {
    await mine.reload()
    Taro.stopPullDownRefresh()
  })
  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={mine.loading} error={mine.error} ready={!!mine.data} onRetry={mine.reload} rows={6}>
        {mine.data?.length === 0 && <Blank icon={<Location size={48} color="var(--cwt-border-strong)" />} title="今天没有督查任务" description="创文办安排督查后，当天会在这里出现点位" />}
        {mine.data?.map((round) => (
          <Cell.Group
            key={round.id}
            title={
              <Text className={`${prefix}__round`}>
                {round.day === today ? '' : `待复查 · ${formatDay(round.day)} · `}
                {round.kind} · {round.title}（带队：{round.leader}）
              </Text>
            }
          >
            {round.points.length === 0 && <Cell title="点位尚未确定" description="请等候创文办抽取点位" />}
            {round.points.map((p) => (
              <Cell
                key={p.id}
                className={`${prefix}__point`}
                title={p.name}
                description={`${p.typeName} · ${p.address}`}
                extra={<VerdictTag point={p} />}
                clickable
                onClick={() => Taro.navigateTo({ url: `/packages/inspect/visit/index?roundId=${round.id}&pointId=${p.id}` })}
              />
            ))}
          </Cell.Group>
        ))}
      </LoadState>
    </View>
  )
}
