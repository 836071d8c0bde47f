import { useEffect, useRef } from 'react'
import { ArrowRight, Message } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { InboxMessage } from '@contract'
import { LoadState } from '@/components/load-state'
import { api } from '@/services/api'
import { ListFooter } from '@/components/list-footer'
import { formatWhen } from '@/utils/format'
import { Blank } from '@/components/blank'
import { usePaged } from '@/hooks/use-paged'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const PAGE_SIZE = 20
const TABS = ['/pages/index/index', '/pages/me/index']

const go = (page: string) => {
  const path = page.split('?')[0]
  void (TABS.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url: page }))
}

export default function Inbox() {
  const list = usePaged((page) => api.call('users', 'inbox', { page, pageSize: PAGE_SIZE }), [])
  const marked = useRef(new Set<string>())

  // A message counts as read once it has been on screen; the dot stays for this visit so the new ones stand out.
  useEffect(() => {
    const ids = list.items.filter((m) => !m.read && !marked.current.has(m.id)).map((m) => m.id)
    if (!ids.length) return
    ids.forEach((id) => marked.current.add(id))
    api.call('users', 'markRead', { ids }).catch(() => ids.forEach((id) => marked.current.delete(id)))
  }, [list.items])

  const open = (m: InboxMessage) => m.page && go(m.page)
  const unread = list.last?.unread ?? 0

  return (
    <View className="report-inbox">
      <ModeMeta />
      <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
        {list.items.length === 0 ? (
          <Blank icon={<Message size={56} color="var(--cwt-brand-line)" />} title="还没有消息" description="随手拍被受理、交办、整改完成时，会在这里通知您" />
        ) : (
          <>
            <Text className="report-inbox__total">{unread > 0 ? `${unread} 条新消息` : `共 ${list.last?.total ?? 0} 条消息`}</Text>
            <View className="report-inbox__list">
              {list.items.map((m) => (
                <View key={m.id} className={`report-inbox__item ${m.page ? 'report-inbox__item--link' : ''}`} onClick={() => open(m)}>
                  <View className={`report-inbox__dot ${m.read ? 'report-inbox__dot--read' : ''}`} />
                  <View className="report-inbox__body">
                    <View className="report-inbox__head">
                      <Text className="report-inbox__title">{m.title}</Text>
                      <Text className="report-inbox__time">{formatWhen(m.createdAt)}</Text>
                    </View>
                    <Text className="report-inbox__text">{m.body}</Text>
                  </View>
                  {m.page && <ArrowRight size={12} color="var(--cwt-border-strong)" />}
                </View>
              ))}
            </View>
            <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} endText="没有更早的消息了" />
          </>
        )}
      </LoadState>
    </View>
  )
}
