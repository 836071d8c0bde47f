import { useState } from 'react'
import { Checked, Order as OrderIcon } from '@nutui/icons-react-taro'
import { Button, Menu, Pagination, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ORDER_LEVEL_LABELS, ORDER_LEVELS, ORDER_STATE_LABELS, ORDER_STATES, type OrderCard, type OrderFilter, type ProposalCard } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { LevelTag, StateTag } from '../level-tag'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay } from '@/utils/format'

const prefix = 'orders-list'
const PAGE_SIZE = 20
type Tab = 'proposals' | 'orders'

const LEVEL_OPTIONS = [{ text: '全部级别', value: 'all' }, ...ORDER_LEVELS.map((l) => ({ text: `${ORDER_LEVEL_LABELS[l]}督办`, value: l }))]
const STATE_OPTIONS = [{ text: '未办结', value: 'open' }, ...ORDER_STATES.map((s) => ({ text: ORDER_STATE_LABELS[s], value: s })), { text: '全部状态', value: 'all' }]

const day = (iso: string) => formatDay(iso)
const open = (id: string) => Taro.navigateTo({ url: `/packages/orders/detail/index?id=${id}` })

function OrderRow({ card, office }: { card: OrderCard; office: boolean }) {
  return (
    <View className={`${prefix}__card`} onClick={() => open(card.id)}>
      <View className={`${prefix}__row`}>
        <LevelTag level={card.level} />
        <Text className={`${prefix}__no`}>{card.no}</Text>
        <StateTag state={card.state} late={card.late} />
      </View>
      <Text className={`${prefix}__meta`}>
        {office ? `${card.department.name} · ` : ''}
        {card.cases} 个问题 · {day(card.issuedAt)}下发 · {day(card.replyBy)}前回复
      </Text>
    </View>
  )
}

function ProposalRow({ card, onDone }: { card: ProposalCard; onDone: () => Promise<void> }) {
  const [busy, setBusy] = useState<'' | 'confirm' | 'dismiss'>('')
  const decide = async (how: 'confirm' | 'dismiss') => {
    setBusy(how)
    try {
      if (how === 'confirm') {
        const order = await api.call('reports', 'confirmProposal', { id: card.id })
        Taro.showToast({ title: `已开具${order.no}`, icon: 'none' })
      } else {
        await api.call('reports', 'dismissProposal', { id: card.id })
        Taro.showToast({ title: '已忽略', icon: 'none' })
      }
      await onDone()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后再试', icon: 'none' })
    } finally {
      setBusy('')
    }
  }
  return (
    <View className={`${prefix}__card`}>
      <View className={`${prefix}__row`}>
        <LevelTag level={card.level} />
        <Text className={`${prefix}__no`}>{card.department.name}</Text>
        <Text className={`${prefix}__when`}>{day(card.proposedAt)}建议</Text>
      </View>
      <Text className={`${prefix}__reason`}>{card.reason}</Text>
      {card.escalates && (
        <Text className={`${prefix}__meta`}>
          升级 {card.escalates.no} · {card.cases.map((c) => `${c.categoryName} ${c.no}`).join('、')}
        </Text>
      )}
      <View className={`${prefix}__actions`}>
        <Button size="small" disabled={!!busy} loading={busy === 'dismiss'} onClick={() => decide('dismiss')}>
          忽略
        </Button>
        <Button size="small" type="primary" disabled={!!busy} loading={busy === 'confirm'} onClick={() => decide('confirm')}>
          一键开具
        </Button>
      </View>
    </View>
  )
}

/** 督办: the office's proposals and orders; a unit's handler sees the unit's orders, those awaiting a reply first. */
export default function OrdersList() {
  const me = useRequest(() => api.call('users', 'me'), [])
  const office = !!me.data?.roles.includes('admin')
  const [tab, setTab] = useState<Tab>(useRouter().params.tab === 'orders' ? 'orders' : 'proposals')
  const [level, setLevel] = useState<OrderFilter['level'] | 'all'>('all')
  const [state, setState] = useState<OrderFilter['state'] | 'all'>('open')
  const [page, setPage] = useState(1)
  const showing: Tab = office ? tab : 'orders'

  const proposals = useRequest(() => (office ? api.call('reports', 'orderProposals', { page: showing === 'proposals' ? page : 1, pageSize: PAGE_SIZE }) : Promise.resolve(null)), [office, showing, page])
  const orders = useRequest(
    () => (me.data ? api.call('reports', 'orders', { page: showing === 'orders' ? page : 1, pageSize: PAGE_SIZE, ...(level === 'all' ? {} : { level }), ...(state === 'all' ? {} : { state }) }) : Promise.resolve(null)),
    [me.data, showing, level, state, page]
  )
  const reload = async () => {
    await Promise.all([proposals.reload(), orders.reload()])
  }
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const list = showing === 'proposals' ? proposals : orders
  const total = list.data?.total ?? 0
  return (
    <View className={prefix}>
      <ModeMeta />
      {office && (
        <Tabs
          className={`${prefix}__tabs`}
          value={tab}
          onChange={(v) => {
            setTab(v as Tab)
            setPage(1)
          }}
        >
          <Tabs.TabPane title={proposals.data?.total ? `督办建议 ${proposals.data.total}` : '督办建议'} value="proposals" />
          <Tabs.TabPane title="督办单" value="orders" />
        </Tabs>
      )}
      {showing === 'orders' && (
        <Menu className={`${prefix}__menu`}>
          <Menu.Item
            options={LEVEL_OPTIONS}
            value={level}
            onChange={(o: { value: typeof level }) => {
              setLevel(o.value)
              setPage(1)
            }}
          />
          <Menu.Item
            options={STATE_OPTIONS}
            value={state}
            onChange={(o: { value: typeof state }) => {
              setState(o.value)
              setPage(1)
            }}
          />
        </Menu>
      )}
      <LoadState loading={list.loading || me.loading} error={list.error ?? me.error} ready={!!list.data} onRetry={list.reload} rows={6}>
        <View className={`${prefix}__summary`}>
          <Text>
            {showing === 'proposals' ? '待决定的建议' : '督办单'} <Text className={`${prefix}__count`}>{total}</Text> 份
            {showing === 'orders' && !!orders.data?.open && <Text className={`${prefix}__hint`}> · 待回复 {orders.data.open}</Text>}
          </Text>
          {office && (
            <Button size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: '/packages/orders/issue/index' })}>
              开具督办单
            </Button>
          )}
        </View>
        {showing === 'proposals' && proposals.data && (
          proposals.data.items.length ? (
            proposals.data.items.map((p) => <ProposalRow key={p.id} card={p} onDone={reload} />)
          ) : (
            <Blank icon={<Checked size={48} color="var(--cwt-border-strong)" />} title="没有待决定的督办建议" description="每小时检查一次：超期问题和督办后仍未办结的问题会在这里提出建议" />
          )
        )}
        {showing === 'orders' && orders.data && (
          orders.data.items.length ? (
            orders.data.items.map((o) => <OrderRow key={o.id} card={o} office={office} />)
          ) : (
            <Blank icon={<OrderIcon size={48} color="var(--cwt-border-strong)" />} title="没有符合条件的督办单" description={office ? '换一个级别或状态筛选，或开具一份新的督办单' : '创文办下发督办单时会出现在这里'} />
          )
        )}
        {total > PAGE_SIZE && (
          <View className={`${prefix}__pager`}>
            <Pagination value={page} total={total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
          </View>
        )}
      </LoadState>
    </View>
  )
}
