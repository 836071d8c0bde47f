import { useState } from 'react'
import { Button, Cell, Steps, Step, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ORDER_LEVEL_LABELS, REPORT_STATUS_LABELS, WAITING_ON_UNIT } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { LevelTag, StateTag } from '../level-tag'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime, formatFullDay } from '@/utils/format'

const prefix = 'orders-detail'
const STEP_LABELS: Record<string, string> = { issued: '下发', acknowledged: '签收', replied: '回复', closed: '办结', escalated: '升级' }
const time = (iso: string) => formatDateTime(iso)

/** One 督办单: what it asks, of which cases, every step so far; the unit's handler acknowledges and replies here. */
export default function OrdersDetail() {
  const id = useRouter().params.id ?? ''
  const detail = useRequest(() => api.call('reports', 'order', { id }), [id])
  const me = useRequest(() => api.call('users', 'me'), [])
  const [reply, setReply] = useState('')
  const [replyError, setReplyError] = useState('')
  const [busy, setBusy] = useState<'' | 'ack' | 'reply'>('')

  usePullDownRefresh(async () => {
    await detail.reload()
    Taro.stopPullDownRefresh()
  })

  const d = detail.data
  const mine = !!d && !!me.data?.roles.includes('handler') && me.data.department?.id === d.department.id
  const waiting = !!d && WAITING_ON_UNIT.includes(d.state)

  const run = async (what: 'ack' | 'reply') => {
    setBusy(what)
    setReplyError('')
    try {
      if (what === 'ack') await api.call('reports', 'acknowledgeOrder', { id })
      else await api.call('reports', 'replyOrder', { id, reply })
      Taro.showToast({ title: what === 'ack' ? '已签收' : '已回复创文办', icon: 'success' })
      if (what === 'reply') setReply('')
      await detail.reload()
    } catch (e) {
      const message = e instanceof ApiError ? e.message : '操作失败，请稍后再试'
      // what was typed stays; the message says what to change
      if (what === 'reply') setReplyError(message)
      else Taro.showToast({ title: message, icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={detail.loading} error={detail.error} ready={!!d} onRetry={detail.reload} rows={10}>
        {d && (
          <>
            <View className={`${prefix}__head ${prefix}__head--${d.level}`}>
              <View className={`${prefix}__row`}>
                <LevelTag level={d.level} />
                <StateTag state={d.state} late={d.late} />
              </View>
              <Text className={`${prefix}__no`}>{d.no}</Text>
              <Text className={`${prefix}__to`}>
                致 {d.department.name} · {ORDER_LEVEL_LABELS[d.level]}督办 · {time(d.issuedAt)}下发
              </Text>
              <Text className={`${prefix}__text`}>{d.text}</Text>
              <Text className={`${prefix}__due`}>请于 {formatFullDay(d.replyBy)} 前回复</Text>
            </View>

            {(d.escalates || d.escalatedTo) && (
              <Cell.Group className={`${prefix}__links`}>
                {d.escalates && <Cell title="升级自" extra={d.escalates.no} clickable onClick={() => Taro.navigateTo({ url: `/packages/orders/detail/index?id=${d.escalates!.id}` })} />}
                {d.escalatedTo && <Cell title="已升级为" extra={d.escalatedTo.no} clickable onClick={() => Taro.navigateTo({ url: `/packages/orders/detail/index?id=${d.escalatedTo!.id}` })} />}
              </Cell.Group>
            )}

            <Cell.Group className={`${prefix}__cases`} title={`督办的问题 · ${d.cases.length} 个`}>
              {d.cases.map((c) => (
                <Cell
                  key={c.id}
                  title={
                    <Text>
                      {c.categoryName}　<Text className={c.overdue ? `${prefix}__late` : `${prefix}__status`}>{REPORT_STATUS_LABELS[c.status]}{c.overdue ? ' · 超期' : ''}</Text>
                    </Text>
                  }
                  description={`${c.no} · ${c.address}`}
                  clickable
                  onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${c.id}` })}
                />
              ))}
            </Cell.Group>

            {d.reply && (
              <View className={`${prefix}__box`}>
                <Text className={`${prefix}__box-title`}>{d.department.name}的回复</Text>
                <Text className={`${prefix}__box-body`}>{d.reply}</Text>
              </View>
            )}

            <View className="cwt-section">
              <View className="cwt-section__title">
                <Text>督办经过</Text>
                <Text className="cwt-section__hint">{d.history.length} 步</Text>
              </View>
              <Steps direction="vertical" value={d.history.length}>
                {d.history.map((h, i) => (
                  <Step
                    key={`${h.at}-${i}`}
                    value={i + 1}
                    title={`${STEP_LABELS[h.to] ?? h.to} · ${h.who}`}
                    description={`${time(h.at)}${h.note ? `　${h.note}` : ''}`}
                  />
                ))}
              </Steps>
            </View>

            {mine && waiting && (
              <View className={`${prefix}__answer`}>
                {d.state === 'issued' && (
                  <Button block loading={busy === 'ack'} disabled={!!busy} onClick={() => run('ack')}>
                    签收
                  </Button>
                )}
                <TextArea className={`${prefix}__reply`} value={reply} onChange={setReply} maxLength={500} showCount placeholder="整改措施、进度和完成时间，回复后创文办可见" />
                {replyError && <Text className={`${prefix}__error`}>{replyError}</Text>}
                <Button block type="primary" loading={busy === 'reply'} disabled={!!busy || !reply.trim()} onClick={() => run('reply')}>
                  回复创文办
                </Button>
              </View>
            )}
          </>
        )}
      </LoadState>
    </View>
  )
}
