import { ArrowRight } from '@nutui/icons-react-taro'
import { Badge, Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'

const go = (url: string) => Taro.navigateTo({ url })

/** 我的 for every resident: my reports, the inbox with its unread count, and the points balance. */
export function ResidentCells() {
  // One item is enough: only the unread count and the balance are shown here.
  const inbox = useRequest(() => api.call('users', 'inbox', { page: 1, pageSize: 1 }), [])
  const points = useRequest(() => api.call('users', 'points', { page: 1, pageSize: 1 }), [])
  const shown = useRef(false)
  const refresh = () => Promise.all([inbox.reload(), points.reload()])

  // Back from the inbox the badge must drop; back from a case the balance may have grown.
  useDidShow(() => {
    if (shown.current) void refresh()
    shown.current = true
  })
  usePullDownRefresh(() => void refresh())

  const unread = inbox.data?.unread ?? 0
  return (
    <Cell.Group className="me__cells me__resident" title="随手拍">
      <Cell title="我的随手拍" description="我上报的和我关注的问题" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/report/mine/index')} />
      <Cell
        title="消息"
        extra={
          <Text className="me__extra">
            {unread > 0 && <Badge className="me__unread" value={unread} max={99} />}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => go('/packages/report/inbox/index')}
      />
      <Cell
        title="积分"
        extra={
          <Text className="me__extra">
            {points.data ? `${points.data.balance} 分` : ''}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => go('/packages/report/points/index')}
      />
    </Cell.Group>
  )
}
