import { Add, Order } from '@nutui/icons-react-taro'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { ACTIVITY_TYPE_LABELS, type ActivityCard } from '@contract'
import { Blank } from '@/components/blank'
import { PagedList } from '@/components/paged-list'
import { usePages } from '@/hooks/use-pages'
import { api } from '@/services/api'
import { ActivityTag } from '../activity-tag'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay, formatSpan } from '@/utils/format'

const PAGE_SIZE = 20
const prefix = 'org-list'

const newActivity = () => Taro.navigateTo({ url: '/packages/organize/edit/index' })

function Row({ card }: { card: ActivityCard }) {
  const taken = card.capacity - card.placesLeft
  const ended = dayjs().isAfter(card.endAt)
  return (
    <View className={`${prefix}__row`} onClick={() => Taro.navigateTo({ url: `/packages/organize/roster/index?id=${card.id}` })}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>{card.title}</Text>
        <ActivityTag stage={card.stage} />
      </View>
      <Text className={`${prefix}__meta`}>
        {ACTIVITY_TYPE_LABELS[card.type]} · {formatSpan(card.startAt, card.endAt)}
        {ended && card.status === 'published' ? ' · 已结束' : ''}
      </Text>
      {ended && card.status === 'published' && (
        <Text className={`${prefix}__confirm ${card.rosterConfirmedAt ? '' : `${prefix}__confirm--due`}`}>
          {card.rosterConfirmedAt ? `名单已于 ${formatDay(card.rosterConfirmedAt)} 确认，时长已计入` : '待确认名单：确认后志愿者的服务时长才会计入'}
        </Text>
      )}
      <Text className={`${prefix}__meta`}>{card.address}</Text>
      {card.status !== 'cancelled' && (
        <View className={`${prefix}__places`}>
          <Progress className={`${prefix}__bar`} percent={card.capacity ? Math.min(100, (taken / card.capacity) * 100) : 0} strokeWidth="6" />
          <Text className={`${prefix}__count`}>
            已报 <Text className={`${prefix}__em`}>{taken}</Text>/{card.capacity}
            {card.waitlist > 0 ? ` · 候补 ${card.waitlist}` : ''}
          </Text>
        </View>
      )}
    </View>
  )
}

/** 组织的活动: the organizer's activities, newest first, each opening its roster. */
export default function OrganizeList() {
  const list = usePages((page) => api.call('volunteer', 'organized', { page, pageSize: PAGE_SIZE }), [])
  const data = list.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__bar-top`}>
        <Text className={`${prefix}__total`}>{data ? `共 ${data.total} 个活动${list.loading ? '，刷新中…' : ''}` : ''}</Text>
        <Button className={`${prefix}__new`} size="small" type="primary" icon={<Add size={12} />} onClick={newActivity}>
          发布新活动
        </Button>
      </View>
      <PagedList
        list={list}
        pageSize={PAGE_SIZE}
        empty={<Blank icon={<Order size={48} color="var(--cwt-border-strong)" />} title="还没有组织过活动" description="发布一个活动，志愿者就能报名参加" action={{ text: '发布新活动', onClick: newActivity }} />}
        item={(card) => <Row key={card.id} card={card} />}
      />
    </View>
  )
}
