import { ShieldCheck } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { WAITING_FILTERS, WEEK_FILTERS, type LedgerFilter, type OfficeCockpit, type Week } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { StatGrid } from '@/components/stat-grid'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { ledgerUrl } from '../../staff/ledger-filter'
import { RankingCard } from '../ranking'
import { TrendChart } from '../trend-chart'
import { WeekFigure } from '../week-figure'
import './index.scss'

const prefix = 'cockpit'
const open = (filter: LedgerFilter) => Taro.navigateTo({ url: ledgerUrl(filter) })
const days = (w: Week) => `${dayjs(w.from).format('M月D日')}–${dayjs(w.to).format('M月D日')}`

function Weeks({ office }: { office: OfficeCockpit }) {
  const { thisWeek, lastWeek } = office
  const figure = (key: keyof typeof WEEK_FILTERS) => ({
    value: thisWeek[key],
    last: lastWeek[key],
    onOpen: () => open(WEEK_FILTERS[key](thisWeek)),
    onOpenLast: () => open(WEEK_FILTERS[key](lastWeek))
  })
  return (
    <View className={`cwt-section ${prefix}__weeks`}>
      <View className="cwt-section__title">
        <Text>本周动态</Text>
        <Text className="cwt-section__hint">{days(thisWeek)}</Text>
      </View>
      <View className={`${prefix}__week-grid`}>
        <WeekFigure label="新增问题" rise="neutral" {...figure('filed')} />
        <WeekFigure label="办结" rise="good" {...figure('closed')} />
        <WeekFigure label="超期" rise="bad" {...figure('overdue')} />
        <WeekFigure label="整改率" rise="good" unit="%" {...figure('fixRate')} />
      </View>
      <Text className={`${prefix}__note`}>超期：整改期限落在该周而未按期整改的问题；整改率：该周新增问题中已整改的比例</Text>
    </View>
  )
}

/** 驾驶舱: the office's week against the last, what waits on it and the 12-week trend; every figure opens its cases in the ledger. */
export default function CockpitPage() {
  const cockpit = useRequest(() => api.call('reports', 'cockpit', {}), [])
  // its own call: the month's scores cost reads that grow with the month, the cockpit's do not
  const ranking = useRequest(() => api.call('reports', 'ranking', {}), [])
  const reload = () => Promise.all([cockpit.reload(), ranking.reload()])
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const office = cockpit.data?.office
  const trend = office?.trend ?? []
  return (
    <View className={prefix}>
      <View className={`${prefix}__hero`}>
        <Text className={`${prefix}__date`}>{dayjs().format('YYYY年M月D日 dddd')}</Text>
        <Text className={`${prefix}__title`}>创文办驾驶舱</Text>
        {cockpit.data && <Text className={`${prefix}__updated`}>数据更新于 {dayjs(cockpit.data.generatedAt).format('HH:mm')} · 下拉刷新</Text>}
      </View>

      <LoadState loading={cockpit.loading} error={cockpit.error} ready={!!cockpit.data} onRetry={cockpit.reload} rows={8}>
        {!office ? (
          <Blank icon={<ShieldCheck size={48} color="var(--cwt-border-strong)" />} title="驾驶舱仅供创文办使用" description="责任单位请在首页查看本单位工作台" />
        ) : (
          <>
            <Weeks office={office} />

            <View className={`cwt-section ${prefix}__waiting`}>
              <View className="cwt-section__title">
                <Text>待创文办处理</Text>
                <Text className="cwt-section__hint">点数字查看问题</Text>
              </View>
              <StatGrid
                items={[
                  { label: '待受理', value: office.waiting.triage, alert: office.waiting.triage > 0, onClick: () => open(WAITING_FILTERS.triage) },
                  { label: '待核查', value: office.waiting.verify, alert: office.waiting.verify > 0, onClick: () => open(WAITING_FILTERS.verify) },
                  { label: '延期申请', value: office.waiting.extensions, alert: office.waiting.extensions > 0, onClick: () => open(WAITING_FILTERS.extensions) },
                  { label: '督办建议', value: office.waiting.proposals, alert: office.waiting.proposals > 0, onClick: () => Taro.navigateTo({ url: '/packages/orders/list/index' }) }
                ]}
              />
            </View>

            <View className={`cwt-section ${prefix}__trend-card`}>
              <View className="cwt-section__title">
                <Text>近12周趋势</Text>
                <Text className="cwt-section__hint">
                  新增 {trend.reduce((n, w) => n + w.filed, 0)} · 办结 {trend.reduce((n, w) => n + w.closed, 0)}
                </Text>
              </View>
              <TrendChart weeks={trend} />
            </View>

            <View className={`cwt-section ${prefix}__ranking`}>
              <View className="cwt-section__title">
                <Text>本月考核排名</Text>
                {ranking.data && <Text className="cwt-section__hint">{dayjs(`${ranking.data.month}-01`).format('YYYY年M月')}</Text>}
              </View>
              <LoadState loading={ranking.loading} error={ranking.error} ready={!!ranking.data} onRetry={ranking.reload} rows={5}>
                {ranking.data && <RankingCard ranking={ranking.data} />}
              </LoadState>
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
