import { useEffect, useState } from 'react'
import { ArrowRight, Star } from '@nutui/icons-react-taro'
import { Button, Cell, Checkbox, DatePicker, Dialog, NoticeBar } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { shortListNote, starsMonth, starsToChoose, type StarWinner } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime, formatMonth, hoursText } from '@/utils/format'

const prefix = 'org-stars'
/** The office's rule for a month's list; the server checks it too. */
const MIN_STARS = 10

const monthText = (month: string) => formatMonth(month)

/** Most hours first, then most activities. */
const ranked = (list: StarWinner[]) => [...list].sort((a, b) => b.hours - a.hours || b.activities - a.activities)

function WinnerRow({ rank, w, children }: { rank: number; w: Omit<StarWinner, 'userId'>; children?: JSX.Element }) {
  return (
    <View className={`${prefix}__row`}>
      <Text className={`${prefix}__rank ${rank <= 3 ? `${prefix}__rank--top` : ''}`}>{rank}</Text>
      <View className={`${prefix}__who`}>
        <Text className={`${prefix}__name`}>{w.nickname}</Text>
        <Text className={`${prefix}__team`}>{w.team || '未填队伍'}</Text>
      </View>
      <View className={`${prefix}__figures`}>
        <Text className={`${prefix}__hours`}>{hoursText(w.hours)} 小时</Text>
        <Text className={`${prefix}__acts`}>{w.activities} 次活动</Text>
      </View>
      {children}
    </View>
  )
}

/** 志愿服务之星评选: pick the month's stars from the ranking, put them on notice, then publish them for good. */
export default function OrganizeStars() {
  const [month, setMonth] = useState(() => starsMonth(new Date()))
  const [picking, setPicking] = useState(false)
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState<'' | 'publish' | 'finalize'>('')
  const [asking, setAsking] = useState<'' | 'publish' | 'finalize'>('')
  const [error, setError] = useState('')
  const candidates = useRequest(() => api.call('volunteer', 'starCandidates', { month }).then(ranked), [month])
  const months = useRequest(() => api.call('volunteer', 'stars'), [])

  // A new month starts from its top ten; the office adjusts from there.
  useEffect(() => {
    if (candidates.data) setChosen(candidates.data.slice(0, MIN_STARS).map((c) => c.userId))
  }, [candidates.data])

  const reload = () => Promise.all([candidates.reload(), months.reload()])
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const judged = months.data?.find((m) => m.month === month)

  const act = async (kind: 'publish' | 'finalize') => {
    setAsking('')
    setBusy(kind)
    setError('')
    try {
      if (kind === 'publish') await api.call('volunteer', 'publishStars', { month, userIds: chosen })
      else await api.call('volunteer', 'finalizeStars', { month })
      Taro.showToast({ title: kind === 'publish' ? '已发布公示' : '已正式发布', icon: 'success' })
      await months.reload()
    } catch (e) {
      const message = e instanceof ApiError ? (e.field('userIds') ?? e.field('month') ?? e.message) : '操作失败，请稍后再试'
      setError(message)
      Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setBusy('')
    }
  }

  const toggle = (userId: string, on: boolean) => {
    setChosen((list) => (on ? [...list, userId] : list.filter((id) => id !== userId)))
    setError('')
  }

  const list = candidates.data
  const need = starsToChoose(MIN_STARS, list?.length ?? 0)
  const enough = chosen.length >= need
  return (
    <View className={prefix}>
      <ModeMeta />
      <Cell.Group className={`${prefix}__month`}>
        <Cell
          title="评选月份"
          extra={
            <Text className={`${prefix}__month-value`}>
              {monthText(month)} <ArrowRight size={12} color="var(--cwt-text-hint)" />
            </Text>
          }
          clickable
          onClick={() => setPicking(true)}
        />
      </Cell.Group>

      <LoadState loading={months.loading} error={months.error} ready={!!months.data} onRetry={months.reload} rows={6}>
        {judged ? (
          <>
            <View className={`${prefix}__notice ${judged.status === 'published' ? `${prefix}__notice--done` : ''}`}>
              <NoticeBar
                content={
                  (judged.status === 'notice'
                    ? `公示中，至 ${formatDateTime(judged.noticeUntil)} 止，期满后可正式发布`
                    : `${monthText(month)}志愿服务之星已正式发布`) + (judged.note ? `。${judged.note}` : '')
                }
                wrap
              />
            </View>
            <Text className={`${prefix}__total`}>共 {judged.winners.length} 人</Text>
            <View className={`${prefix}__rows`}>
              {judged.winners.map((w, i) => (
                <WinnerRow key={`${w.nickname}-${i}`} rank={i + 1} w={w} />
              ))}
            </View>
            {judged.status === 'notice' && (
              <View className={`${prefix}__bar`}>
                {error && <Text className={`${prefix}__error`}>{error}</Text>}
                <Button className={`${prefix}__finalize`} block type="primary" loading={busy === 'finalize'} onClick={() => setAsking('finalize')}>
                  正式发布
                </Button>
              </View>
            )}
          </>
        ) : (
          <LoadState loading={candidates.loading} error={candidates.error} ready={!!list} onRetry={candidates.reload} rows={8}>
            {list &&
              (list.length === 0 ? (
                <Blank icon={<Star size={48} color="var(--cwt-border-strong)" />} title={`${monthText(month)}还没有服务记录`} description="名单确认后，志愿者的服务时长才会计入当月排名" />
              ) : (
                <>
                  <View className={`${prefix}__head`}>
                    <Text className={`${prefix}__total`}>
                      按服务时长、活动次数排名 · 已选 <Text className={enough ? `${prefix}__em` : `${prefix}__warn`}>{chosen.length}</Text> 人
                    </Text>
                    <Text className={`${prefix}__min ${enough ? '' : `${prefix}__warn`}`}>{need < MIN_STARS ? shortListNote(need) : `至少选 ${MIN_STARS} 人`}</Text>
                  </View>
                  <View className={`${prefix}__rows`}>
                    {list.map((c, i) => (
                      <View key={c.userId} className={`${prefix}__pick`} onClick={() => toggle(c.userId, !chosen.includes(c.userId))}>
                        <WinnerRow rank={i + 1} w={c}>
                          <Checkbox className={`${prefix}__check`} checked={chosen.includes(c.userId)} />
                        </WinnerRow>
                      </View>
                    ))}
                  </View>
                  <View className={`${prefix}__bar`}>
                    {error && <Text className={`${prefix}__error`}>{error}</Text>}
                    <Button className={`${prefix}__publish`} block type="primary" disabled={!enough} loading={busy === 'publish'} onClick={() => setAsking('publish')}>
                      {enough ? `发布公示（${chosen.length} 人）` : `还需选 ${need - chosen.length} 人`}
                    </Button>
                  </View>
                </>
              ))}
          </LoadState>
        )}
      </LoadState>

      <DatePicker
        visible={picking}
        title="评选月份"
        type="year-month"
        showChinese
        value={dayjs(`${month}-01`).toDate()}
        startDate={dayjs().subtract(3, 'year').startOf('year').toDate()}
        endDate={dayjs(`${starsMonth(new Date())}-01`).toDate()}
        onConfirm={(_, [y, m]) => {
          setMonth(`${y}-${String(m).padStart(2, '0')}`)
          setError('')
        }}
        onClose={() => setPicking(false)}
      />

      <Dialog
        visible={!!asking}
        title={asking === 'publish' ? '发布公示' : '正式发布'}
        content={
          asking === 'publish'
            ? `${monthText(month)}的 ${chosen.length} 名志愿服务之星将向全体用户公示，公示期内可收集异议。`
            : `公示期满后正式发布，${monthText(month)}的志愿服务之星名单将不能再修改。`
        }
        confirmText="确定"
        cancelText="取消"
        onConfirm={() => void act(asking || 'publish')}
        onCancel={() => setAsking('')}
      />
    </View>
  )
}
