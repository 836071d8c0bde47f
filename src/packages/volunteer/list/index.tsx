import { useMemo, useState } from 'react'
import { ArrowRight, Heart } from '@nutui/icons-react-taro'
import { CalendarCard, type CalendarCardDay, Segmented, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, type ActivityType } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { api } from '@/services/api'
import { byDay, monthActivities } from '../activities'
import { ActivityCard } from '../components/activity-card'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay } from '@/utils/format'

type Filter = ActivityType | 'all'
type View = 'upcoming' | 'month'

const TYPES: { value: Filter; title: string }[] = [{ value: 'all', title: '全部' }, ...ACTIVITY_TYPES.map((t) => ({ value: t, title: ACTIVITY_TYPE_LABELS[t] }))]
const VIEWS = [
  { label: '近期活动', value: 'upcoming' },
  { label: '月历', value: 'month' }
]
const PAGE_SIZE = 10
const dayKey = (iso: string | Date) => dayjs(iso).format('YYYY-MM-DD')
const open = (id: string) => void Taro.navigateTo({ url: `/packages/volunteer/detail/index?id=${id}` })

function Upcoming({ type, onMonth }: { type?: ActivityType; onMonth: () => void }) {
  const list = usePaged((page) => api.call('volunteer', 'activities', { scope: 'upcoming', page, pageSize: PAGE_SIZE, ...(type ? { type } : {}) }), [type])
  // Back from an activity (signed up, say): its places and my tag must follow.
  useReloadOnShow(list.refresh)
  return (
    <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
      {list.items.length === 0 ? (
        <Blank
          icon={<Heart size={56} color="var(--cwt-brand-line)" />}
          title={type ? `近期没有${ACTIVITY_TYPE_LABELS[type]}活动` : '近期没有志愿活动'}
          description="组织者发布新活动后会出现在这里，也可以在月历里看看每月的活动安排"
          action={{ text: '看月历', onClick: onMonth }}
        />
      ) : (
        <>
          <Text className="vol-list__total">本月及即将开始的活动 · 共 {list.last?.total ?? 0} 场</Text>
          {list.items.map((card) => (
            <ActivityCard key={card.id} card={card} onClick={() => open(card.id)} />
          ))}
          <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} />
        </>
      )}
    </LoadState>
  )
}

function MonthView({ type }: { type?: ActivityType }) {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'))
  const [day, setDay] = useState<string | null>(null)
  const activities = useRequest(() => monthActivities(month, type), [month, type])
  const days = useMemo(() => byDay(activities.data ?? [], dayKey), [activities.data])

  useReloadOnShow(activities.reload)
  usePullDownRefresh(async () => {
    await activities.reload()
    Taro.stopPullDownRefresh()
  })

  const mark = (d: CalendarCardDay) => {
    if (d.type !== 'current') return null
    const count = days.get(dayKey(new Date(d.year, d.month - 1, d.date)))?.length ?? 0
    return count > 0 ? <View className="vol-list__dot" /> : null
  }
  const shown = day ? (days.get(day) ?? []) : (activities.data ?? [])
  const monthLabel = dayjs(`${month}-01`).format('M月')

  return (
    <>
      <View className="vol-list__calendar">
        <CalendarCard
          value={day ? dayjs(day).toDate() : null}
          renderDayBottom={mark}
          onChange={(v) => setDay(v instanceof Date ? dayKey(v) : null)}
          onPageChange={({ year, month: m }) => {
            const next = `${year}-${String(m).padStart(2, '0')}`
            if (next !== month) {
              setMonth(next)
              setDay(null)
            }
          }}
        />
        <Text className="vol-list__legend">有红点的日子有活动，点日期只看当天</Text>
      </View>
      <LoadState loading={activities.loading} error={activities.error} ready={!!activities.data && !activities.loading} onRetry={activities.reload} rows={4}>
        <View className="vol-list__day-bar">
          <Text className="vol-list__total">
            {day ? `${formatDay(day)}的活动` : `${monthLabel}的活动`} · 共 {shown.length} 场
          </Text>
          {day && (
            <Text className="vol-list__all" onClick={() => setDay(null)}>
              看整月 <ArrowRight size={10} />
            </Text>
          )}
        </View>
        {shown.length === 0 ? (
          <Blank
            icon={<Heart size={56} color="var(--cwt-brand-line)" />}
            title={day ? '这一天没有活动' : `${monthLabel}没有${type ? ACTIVITY_TYPE_LABELS[type] : '志愿'}活动`}
            description={day ? '换一天看看，日期下方有红点的日子有活动' : '翻到其他月份看看，或者换一个活动类型'}
          />
        ) : (
          shown.map((card) => <ActivityCard key={card.id} card={card} onClick={() => open(card.id)} />)
        )}
      </LoadState>
    </>
  )
}

export default function ActivityList() {
  const [filter, setFilter] = useState<Filter>('all')
  const [view, setView] = useState<View>('upcoming')
  const me = useRequest(() => api.call('volunteer', 'me'), [])
  const type = filter === 'all' ? undefined : filter

  return (
    <View className="vol-list">
      <ModeMeta />
      <View className="vol-list__top">
        <Tabs className="vol-list__tabs" value={filter} onChange={(v) => setFilter(v as Filter)} activeType="line">
          {TYPES.map((t) => (
            <Tabs.TabPane key={t.value} title={t.title} value={t.value} />
          ))}
        </Tabs>
        <View className="vol-list__bar">
          <View className="vol-list__views">
            <Segmented options={VIEWS} value={view} onChange={(v) => setView(v as View)} />
          </View>
        </View>
      </View>
      {me.data === null && (
        <View className="vol-list__join" onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/register/index' })}>
          <Text>注册成为志愿者后即可报名参加活动</Text>
          <Text className="vol-list__join-go">
            去注册 <ArrowRight size={10} />
          </Text>
        </View>
      )}
      {view === 'upcoming' ? <Upcoming type={type} onMonth={() => setView('month')} /> : <MonthView type={type} />}
    </View>
  )
}
