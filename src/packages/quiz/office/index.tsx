import { useEffect, useState } from 'react'
import { Add, ArrowDown, Clock, Edit, Failure, Location, Notice, Order } from '@nutui/icons-react-taro'
import { Button, Progress, Tabs, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { AUDIENCE_LABELS, type Awareness } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { StatGrid } from '@/components/stat-grid'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { openExport } from '@/utils/open-export'
import { QUIZ_SAVED } from '../quiz-form'
import { defaultQuiz, percentOf, percentText, QUIZ_STATE_COLOURS, QUIZ_STATE_LABELS, rateColour, scoreText } from '../office-figures'
import { Board } from './board'
import { ExtraTime } from './extra-time'
import { QuizPicker } from './quiz-picker'
import { RateTable } from './rate-table'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime, formatWindow } from '@/utils/format'

const prefix = 'quiz-office'
const go = (url: string) => Taro.navigateTo({ url })

const TABS = [
  { value: 'points', title: '知识点' },
  { value: 'missed', title: '易错题' },
  { value: 'schools', title: '学校' },
  { value: 'classes', title: '班级' },
  { value: 'communities', title: '社区' },
  { value: 'board', title: '个人排行' }
] as const
type TabValue = (typeof TABS)[number]['value']

function Points({ a }: { a: Awareness }) {
  return (
    <View className={`cwt-section ${prefix}__card`}>
      <Text className={`${prefix}__note`}>各知识点答对的比例，正确率低的在前</Text>
      {a.points.map((p) => (
        <View key={p.point} className={`${prefix}__point`}>
          <View className={`${prefix}__point-head`}>
            <Text className={`${prefix}__point-name`}>{p.point}</Text>
            <Text className={`${prefix}__point-count`}>
              答对 {p.right}/{p.answered}
            </Text>
            <Text className={`${prefix}__point-rate`} style={{ color: rateColour(p.rate) }}>
              {percentText(p.rate)}
            </Text>
          </View>
          <Progress percent={percentOf(p.rate)} color={rateColour(p.rate)} background="var(--cwt-fill-strong)" strokeWidth="6" />
        </View>
      ))}
    </View>
  )
}

function Missed({ a }: { a: Awareness }) {
  if (a.mostMissed.length === 0) return <Blank icon={<Failure size={48} color="var(--cwt-border-strong)" />} title="还没有答错的题" description="交卷的人多了，错得最多的十道题会列在这里" />
  return (
    <View className={`cwt-section ${prefix}__card`}>
      <Text className={`${prefix}__note`}>正确率最低的 {a.mostMissed.length} 道题，可在宣传中重点讲解</Text>
      {a.mostMissed.map((q, i) => (
        <View key={q.questionId} className={`${prefix}__missed`}>
          <Text className={`${prefix}__missed-no ${i < 3 ? `${prefix}__missed-no--top` : ''}`}>{i + 1}</Text>
          <View className={`${prefix}__missed-body`}>
            <Text className={`${prefix}__missed-stem`}>{q.stem}</Text>
            <Text className={`${prefix}__missed-meta`}>
              {q.point} · 答对 {q.right}/{q.answered}
            </Text>
          </View>
          <Text className={`${prefix}__missed-rate`} style={{ color: rateColour(q.rate) }}>
            {percentText(q.rate)}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 答题统计: one campaign quiz's awareness rate, overall and by knowledge point, question, school, class and community. */
export default function QuizOffice() {
  const { params } = useRouter()
  const [picked, setPicked] = useState(params.id ?? '')
  const [picking, setPicking] = useState(false)
  const [tab, setTab] = useState<TabValue>('points')
  const [exporting, setExporting] = useState(false)
  const [extending, setExtending] = useState(false)
  // Bumped on refresh so the board, which keeps its own page, loads again too.
  const [round, setRound] = useState(0)
  const latest = useRequest(() => api.call('quiz', 'quizzes', { page: 1, pageSize: 20 }), [])
  const quizId = picked || defaultQuiz(latest.data?.items ?? [])
  const awareness = useRequest(() => (quizId ? api.call('quiz', 'awareness', { quizId }) : Promise.resolve(undefined)), [quizId])

  const reload = async () => {
    setRound((r) => r + 1)
    await Promise.all([latest.reload(), awareness.reload()])
  }
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  // A quiz made or changed on the form is the one the office wants to see on coming back.
  useEffect(() => {
    const show = (id: string) => setPicked(id)
    Taro.eventCenter.on(QUIZ_SAVED, show)
    return () => void Taro.eventCenter.off(QUIZ_SAVED, show)
  }, [])

  const exportFigures = async () => {
    if (!quizId) return
    setExporting(true)
    try {
      const file = await api.call('quiz', 'exportAwareness', { quizId })
      await openExport(file.url, `${awareness.data?.quiz.title ?? '答题'}-知晓率-${dayjs().format('YYYYMMDD')}.xlsx`)
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '导出的文件打不开，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  const a = awareness.data
  const noQuiz = latest.data && latest.data.total === 0
  const links = (
    <View className={`${prefix}__links`}>
      {a && (
        <View className={`${prefix}__link`} onClick={() => go(`/packages/quiz/edit/index?id=${a.quiz.id}`)}>
          <Edit size={18} color="var(--cwt-brand)" />
          <Text>编辑答题</Text>
        </View>
      )}
      {a && a.quiz.state !== 'closed' && (
        <View className={`${prefix}__link ${prefix}__extend`} ariaRole="button" onClick={() => setExtending(true)}>
          <Clock size={18} color="var(--cwt-brand)" />
          <Text>延长时间</Text>
        </View>
      )}
      <View className={`${prefix}__link`} onClick={() => go('/packages/quiz/edit/index')}>
        <Add size={18} color="var(--cwt-brand)" />
        <Text>新建答题</Text>
      </View>
      <View className={`${prefix}__link`} onClick={() => go('/packages/quiz/bank/index')}>
        <Order size={18} color="var(--cwt-brand)" />
        <Text>题库管理</Text>
      </View>
      <View className={`${prefix}__link`} onClick={() => go('/packages/quiz/units/index')}>
        <Location size={18} color="var(--cwt-brand)" />
        <Text>学校与社区</Text>
      </View>
    </View>
  )

  if (noQuiz) {
    return (
      <View className={prefix}>
        <ModeMeta />
        <Blank icon={<Notice size={48} color="var(--cwt-border-strong)" />} title="还没有答题活动" description="新建一次答题，设定时间、抽题数量和及格分，开放后这里显示知晓率" action={{ text: '新建答题', onClick: () => go('/packages/quiz/edit/index') }} />
        {links}
      </View>
    )
  }

  const loading = latest.loading || awareness.loading
  const error = latest.error ?? awareness.error
  return (
    <View className={prefix}>
      <LoadState loading={loading} error={error} ready={!!a} onRetry={reload} rows={10}>
        {a && (
          <>
            <View className={`${prefix}__head`}>
              <View className={`${prefix}__top`}>
                <View className={`${prefix}__quiz`} onClick={() => setPicking(true)}>
                  <Text className={`${prefix}__title`}>{a.quiz.title}</Text>
                  <ArrowDown size={14} color="var(--cwt-surface)" />
                </View>
                <Button className={`${prefix}__export`} size="small" fill="outline" loading={exporting} disabled={a.participants === 0} onClick={exportFigures}>
                  导出 Excel
                </Button>
              </View>
              <View className={`${prefix}__meta`}>
                <Tag background={QUIZ_STATE_COLOURS[a.quiz.state][0]} color={QUIZ_STATE_COLOURS[a.quiz.state][1]}>
                  {QUIZ_STATE_LABELS[a.quiz.state]}
                </Tag>
                <Text className={`${prefix}__window`}>{formatWindow(a.quiz.opensAt, a.quiz.closesAt)}</Text>
              </View>
              <Text className={`${prefix}__rules`}>
                {a.quiz.questionCount} 题 · 限时 {a.quiz.timeLimitMinutes} 分钟 · {a.quiz.passMark} 分及格 · 每人 {a.quiz.attemptsAllowed} 次 · {AUDIENCE_LABELS[a.quiz.audience]}
              </Text>
              <View className={`${prefix}__figures`}>
                <View className={`${prefix}__rate`}>
                  <Text className={`${prefix}__rate-value`}>{percentText(a.rate)}</Text>
                  <Text className={`${prefix}__rate-label`}>知晓率 = 通过 ÷ 参与</Text>
                </View>
                <StatGrid
                  className={`${prefix}__stats`}
                  columns={3}
                  items={[
                    { label: '参与人数', value: a.participants },
                    { label: '通过人数', value: a.passed },
                    { label: '平均分', value: scoreText(a.average) }
                  ]}
                />
              </View>
            </View>

            {links}

            <Tabs className={`${prefix}__tabs`} value={tab} onChange={(v) => setTab(v as TabValue)} activeType="line">
              {TABS.map((t) => (
                <Tabs.TabPane key={t.value} title={t.title} value={t.value} />
              ))}
            </Tabs>

            {a.participants === 0 ? (
              <Blank
                icon={<Notice size={48} color="var(--cwt-border-strong)" />}
                title="还没有人交卷"
                description={
                  a.quiz.state === 'upcoming'
                    ? `答题将于 ${formatDateTime(a.quiz.opensAt)} 开放，有人交卷后这里显示各项统计`
                    : a.quiz.state === 'open'
                      ? '答题正在进行，有人交卷后这里显示各项统计'
                      : '这次答题已结束，没有人参加'
                }
              />
            ) : tab === 'points' ? (
              <Points a={a} />
            ) : tab === 'missed' ? (
              <Missed a={a} />
            ) : tab === 'schools' ? (
              <>
                <RateTable rows={a.schools} unit="学校" sized empty="交卷的人里还没有用班级邀请码绑定学校的学生" />
                {a.unconfirmed.length > 0 && (
                  <>
                    <Text className={`${prefix}__apart`}>以下学生绑定学校时未填写班级邀请码，单独统计，不计入上表</Text>
                    <RateTable rows={a.unconfirmed} unit="学校" sized={false} empty="" />
                  </>
                )}
              </>
            ) : tab === 'classes' ? (
              <RateTable
                rows={a.classes}
                unit="班级"
                sized={false}
                empty="交卷的人里还没有绑定班级的学生"
                under={(r) => r.schoolName}
              />
            ) : tab === 'communities' ? (
              <RateTable rows={a.communities} unit="社区" sized empty="交卷的人里还没有绑定社区的居民" />
            ) : (
              <Board key={a.quiz.id} quizId={a.quiz.id} reloadKey={round} />
            )}
          </>
        )}
      </LoadState>

      {a && <ExtraTime visible={extending} quizId={a.quiz.id} onClose={() => setExtending(false)} />}

      <QuizPicker
        visible={picking}
        current={quizId}
        onPick={(id) => {
          setPicking(false)
          setPicked(id)
        }}
        onClose={() => setPicking(false)}
      />
    </View>
  )
}
