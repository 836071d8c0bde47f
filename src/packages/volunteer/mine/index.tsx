import { useState } from 'react'
import { ArrowRight, Heart, Order } from '@nutui/icons-react-taro'
import { Progress, Rate, Tabs, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MySignup, VolunteerMe } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { api } from '@/services/api'
import { ActivityCard } from '../components/activity-card'
import { lineText } from '../format'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatFullDay, hoursText } from '@/utils/format'

type Tab = 'signups' | 'records'

const prefix = 'vol-mine'
const PAGE_SIZE = 10
const go = (url: string) => void Taro.navigateTo({ url })

function Summary({ me }: { me: VolunteerMe }) {
  const next = me.nextStar
  const percent = next ? Math.min(100, Math.round((me.hours / next.hours) * 100)) : 100
  return (
    <View className={`${prefix}__summary`}>
      <Text className={`${prefix}__who`}>
        {me.realName} · {me.team}
      </Text>
      <View className={`${prefix}__figures`}>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__hours`}>{hoursText(me.hours)}</Text>
          <Text className={`${prefix}__label`}>认证服务时长（小时）</Text>
        </View>
        <View className={`${prefix}__figure ${prefix}__figure--small`}>
          <Text className={`${prefix}__count`}>{me.activities}</Text>
          <Text className={`${prefix}__label`}>参加活动（次）</Text>
        </View>
      </View>
      {me.makeupHours > 0 && <Text className={`${prefix}__makeup`}>另有补录时长 {hoursText(me.makeupHours)} 小时（创文办补录，单独列示）</Text>}
      <View className={`${prefix}__stars`}>
        <View className={`${prefix}__stars-head`}>
          <Rate className={`${prefix}__rate`} value={me.stars} count={5} readOnly />
          <Text className={`${prefix}__level`}>{me.stars > 0 ? `${me.stars} 星志愿者` : '尚未评星'}</Text>
        </View>
        <Progress percent={percent} color="#ffd666" background="rgba(255, 255, 255, 0.25)" strokeWidth="6" />
        <Text className={`${prefix}__next`}>{next ? `再服务 ${hoursText(Math.max(0, next.hours - me.hours))} 小时升为 ${next.stars} 星（需 ${hoursText(next.hours)} 小时）` : '已达最高星级，感谢您的坚持'}</Text>
      </View>
      <View className={`${prefix}__links`}>
        <Text className={`${prefix}__link`} onClick={() => go('/packages/volunteer/certificate/index')}>
          服务证明 <ArrowRight size={10} />
        </Text>
        <Text className={`${prefix}__link`} onClick={() => go('/packages/volunteer/stars/index')}>
          志愿服务之星 <ArrowRight size={10} />
        </Text>
      </View>
    </View>
  )
}

/** The card's bottom line in my list: what the sign-up earned or waits for (the status tag is on the card already). */
function earned(s: MySignup): string {
  if (s.hours !== null) return `计入 ${hoursText(s.hours)} 小时`
  if (s.status === 'waitlisted') return lineText(s.position, true)
  if (s.status === 'offered') return '有名额空出，请尽快确认'
  if (s.checkOutAt || s.checkInAt) return '服务时长待组织者确认'
  return s.status === 'confirmed' ? '记得按时到场签到' : ''
}

function Signups() {
  const list = usePaged((page) => api.call('volunteer', 'mine', { page, pageSize: PAGE_SIZE }), [])
  useReloadOnShow(list.refresh)
  return (
    <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={5}>
      {list.items.length === 0 ? (
        <Blank icon={<Heart size={56} color="var(--cwt-brand-line)" />} title="还没有报名活动" description="去看看这个月的志愿活动，报名后会出现在这里" action={{ text: '去报名', onClick: () => go('/packages/volunteer/list/index') }} />
      ) : (
        <>
          <View className={`${prefix}__gap`} />
          {list.items.map((card) => (
            <ActivityCard
              key={card.id}
              card={card}
              onClick={() => go(`/packages/volunteer/detail/index?id=${card.id}`)}
              aside={<Text className={`${prefix}__earned`}>{earned(card.signup)}</Text>}
            />
          ))}
          <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} />
        </>
      )}
    </LoadState>
  )
}

function Records() {
  const list = usePaged((page) => api.call('volunteer', 'hours', { page, pageSize: PAGE_SIZE }), [])
  return (
    <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={5}>
      {list.items.length === 0 ? (
        <Blank icon={<Order size={56} color="var(--cwt-brand-line)" />} title="还没有服务记录" description="参加活动并签到签退，组织者确认名单后，服务时长会记在这里" action={{ text: '看看志愿活动', onClick: () => go('/packages/volunteer/list/index') }} />
      ) : (
        <View className={`cwt-section ${prefix}__records`}>
          {list.items.map((r, i) => (
            <View key={`${r.at}-${i}`} className={`${prefix}__record`}>
              <View className={`${prefix}__record-main`}>
                <Text className={`${prefix}__record-title`}>{r.activityTitle ?? '补录服务时长'}</Text>
                <Text className={`${prefix}__record-meta`}>
                  {formatFullDay(r.at)}
                  {r.kind === 'makeup' && r.reason ? ` · ${r.reason}` : ''}
                </Text>
              </View>
              <View className={`${prefix}__record-side`}>
                <Text className={`${prefix}__record-hours`}>+{hoursText(r.hours)} 小时</Text>
                {r.kind === 'verified' ? (
                  <Tag background="var(--cwt-success-soft)" color="var(--cwt-success)">
                    已认证
                  </Tag>
                ) : (
                  <Tag background="var(--cwt-warning-soft)" color="var(--cwt-warning)">
                    补录
                  </Tag>
                )}
              </View>
            </View>
          ))}
          <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} />
        </View>
      )}
    </LoadState>
  )
}

export default function MyVolunteering() {
  const me = useRequest(() => api.call('volunteer', 'me'), [])
  const [tab, setTab] = useState<Tab>('signups')

  // Back from an activity or from registering, the figures may have moved.
  useReloadOnShow(me.reload)
  usePullDownRefresh(() => void me.reload())

  if (me.data === null) {
    return (
      <View className={prefix}>
        <ModeMeta />
        <Blank icon={<Heart size={56} color="var(--cwt-brand-line)" />} title="您还不是注册志愿者" description="注册后即可报名志愿活动、累计服务时长、开具服务证明" action={{ text: '注册志愿者', onClick: () => go('/packages/volunteer/register/index') }} />
      </View>
    )
  }

  return (
    <View className={prefix}>
      <LoadState loading={me.loading} error={me.error} ready={!!me.data} onRetry={me.reload} rows={5}>
        {me.data && <Summary me={me.data} />}
      </LoadState>
      <Tabs className={`${prefix}__tabs`} value={tab} onChange={(v) => setTab(v as Tab)} activeType="line">
        <Tabs.TabPane title="我的报名" value="signups" />
        <Tabs.TabPane title="服务记录" value="records" />
      </Tabs>
      {tab === 'signups' ? <Signups /> : <Records />}
    </View>
  )
}
