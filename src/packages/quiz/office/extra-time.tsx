import { useState } from 'react'
import { Button, Cell, InputNumber, Popup, Radio, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EXTRA_MINUTES, EXTRA_TIME_REASON_LABELS, EXTRA_TIME_REASONS, type ExtraTimeReason, type QuizPerson } from '@contract'
import { LoadState } from '@/components/load-state'
import { SearchBox } from '@/components/search-box'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { formatDateTime } from '@/utils/format'
import './extra-time.scss'

const prefix = 'quiz-extra'

export interface ExtraTimeProps {
  visible: boolean
  quizId: string
  onClose: () => void
}

/** What a person's row says of their extra time and the paper they are answering. */
function personNote(p: QuizPerson) {
  const parts = [p.unit ?? '未绑定学校或社区']
  if (p.openDeadline) parts.push(`正在答题，${formatDateTime(p.openDeadline)} 交卷`)
  return parts.join(' · ')
}

/**
 * 延长答题时间: the office finds a person (a 长辈, or someone who asked) by nickname or phone and gives them more
 * minutes for this quiz. The server moves the deadline of the paper they are answering; their later papers start
 * with it.
 */
export function ExtraTime({ visible, quizId, onClose }: ExtraTimeProps) {
  const [keyword, setKeyword] = useState('')
  const [picked, setPicked] = useState<QuizPerson | null>(null)
  const [minutes, setMinutes] = useState(10)
  const [reason, setReason] = useState<ExtraTimeReason>('elder')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const people = useRequest(() => (visible ? api.call('quiz', 'people', { quizId, ...(keyword ? { keyword } : {}) }) : Promise.resolve(undefined)), [visible, quizId, keyword])

  const search = (word: string) => {
    setKeyword(word)
    setPicked(null)
  }

  const pick = (p: QuizPerson) => {
    setError('')
    setPicked(p)
    setMinutes(p.grant?.minutes ?? 10)
    setReason(p.grant?.reason ?? 'elder')
  }

  const grant = async () => {
    if (!picked) return
    setSaving(true)
    setError('')
    try {
      const person = await api.call('quiz', 'grantTime', { quizId, userId: picked.userId, minutes, reason })
      Taro.showToast({ title: `已为${person.nickname}延长 ${minutes} 分钟`, icon: 'none', duration: 2500 })
      setPicked(null)
      search('')
      await people.reload()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '延长失败，请稍后再试')
    } finally {
      setSaving(false)
    }
  }

  const list = people.data
  return (
    <Popup visible={visible} position="bottom" round closeable title="延长答题时间" onClose={onClose}>
      <View className={prefix}>
        <Text className={`${prefix}__note`}>为长辈或提出申请的人延长本次答题的时间：正在答的答卷立即延长，之后的答卷也按此计时。</Text>
        {picked ? (
          <View className={`${prefix}__form`}>
            <Text className={`${prefix}__who`}>
              为「{picked.nickname}」延长{picked.unit ? `（${picked.unit}）` : ''}
            </Text>
            <View className={`${prefix}__row`} data-label="延长分钟数">
              <Text>延长</Text>
              <InputNumber className={`${prefix}__minutes`} value={minutes} min={EXTRA_MINUTES.min} max={EXTRA_MINUTES.max} step={5} onChange={(v) => setMinutes(Number(v))} />
              <Text>分钟</Text>
            </View>
            <Radio.Group className={`${prefix}__reasons`} value={reason} direction="horizontal" onChange={(v) => setReason(v as ExtraTimeReason)}>
              {EXTRA_TIME_REASONS.map((r) => (
                <Radio key={r} value={r}>
                  {r === 'request' ? '本人申请' : EXTRA_TIME_REASON_LABELS[r]}
                </Radio>
              ))}
            </Radio.Group>
            {error && <Text className={`${prefix}__error`}>{error}</Text>}
            <Button className={`${prefix}__grant`} block type="primary" loading={saving} onClick={grant}>
              延长 {minutes} 分钟
            </Button>
            <Button block fill="none" onClick={() => setPicked(null)}>
              重新选择
            </Button>
          </View>
        ) : (
          <>
            {/* drawn anew each time the person is put back: it starts with the search still listed */}
            <SearchBox className={`${prefix}__search`} placeholder="昵称或手机号后 4 位" defaultValue={keyword} onSearch={search} />
            <LoadState loading={people.loading} error={people.error} ready={!!list} onRetry={people.reload} rows={4}>
              {list && (
                <>
                  <Text className={`${prefix}__heading`}>{keyword ? `搜索“${keyword}”` : '已延长时间的人'}</Text>
                  {list.length === 0 ? (
                    <Text className={`${prefix}__empty`}>{keyword ? '没有找到，手机号只能查到已注册的志愿者，可换昵称再试' : '还没有为谁延长时间，搜索昵称找到要延长的人'}</Text>
                  ) : (
                    <Cell.Group>
                      {list.map((p) => (
                        <Cell
                          key={p.userId}
                          className={`${prefix}__person`}
                          clickable
                          onClick={() => pick(p)}
                          title={p.nickname}
                          description={personNote(p)}
                          extra={
                            p.grant ? (
                              <Tag background="var(--cwt-success-soft)" color="var(--cwt-success)">
                                已延长 {p.grant.minutes} 分钟（{EXTRA_TIME_REASON_LABELS[p.grant.reason]}）
                              </Tag>
                            ) : (
                              <Text className={`${prefix}__go`}>延长</Text>
                            )
                          }
                        />
                      ))}
                    </Cell.Group>
                  )}
                </>
              )}
            </LoadState>
          </>
        )}
      </View>
    </Popup>
  )
}
