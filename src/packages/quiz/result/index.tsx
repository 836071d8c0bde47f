import { useState } from 'react'
import { Search, Success } from '@nutui/icons-react-taro'
import { Button, Tabs, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { QUESTION_KIND_LABELS, type AttemptResult, type ResultQuestion } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { Explanation } from '../components/explanation'
import { OptionRows } from '../components/option-rows'
import { back, formatDuration, isPractice, letters, readParam, urls } from '../people'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime } from '@/utils/format'

const prefix = 'quiz-result'

type Filter = 'all' | 'wrong'

/** The verdict under the score: passed or not against the pass mark; practice is not judged. */
function verdict(r: AttemptResult): { text: string; tone: 'pass' | 'fail' | 'practice' } {
  if (r.passed === null) return { text: '练习不计排名', tone: 'practice' }
  return r.passed ? { text: `合格（${r.passMark} 分及格）`, tone: 'pass' } : { text: `未达到 ${r.passMark} 分及格线`, tone: 'fail' }
}

function Summary({ r }: { r: AttemptResult }) {
  const v = verdict(r)
  return (
    <View className={`${prefix}__summary`}>
      <Text className={`${prefix}__title`}>{r.title}</Text>
      <View className={`${prefix}__score-line`}>
        <Text className={`${prefix}__score`}>{r.score}</Text>
        <Text className={`${prefix}__unit`}>分</Text>
      </View>
      <View className={`${prefix}__verdict ${prefix}__verdict--${v.tone}`}>
        {v.tone === 'pass' && <Success size={14} />}
        <Text>{v.text}</Text>
      </View>
      <View className={`${prefix}__figures`}>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__figure-value`}>
            {r.correct}/{r.total}
          </Text>
          <Text className={`${prefix}__figure-label`}>答对题数</Text>
        </View>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__figure-value`}>{formatDuration(r.seconds)}</Text>
          <Text className={`${prefix}__figure-label`}>用时</Text>
        </View>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__figure-value`}>{formatDateTime(r.submittedAt)}</Text>
          <Text className={`${prefix}__figure-label`}>交卷时间</Text>
        </View>
      </View>
      {r.endedBy === 'deadline' && <Text className={`${prefix}__note`}>答题时间已到，系统按到时已保存的答案评分</Text>}
      {r.attemptsLeft !== null && <Text className={`${prefix}__note`}>{r.attemptsLeft > 0 ? `本次答题还可再答 ${r.attemptsLeft} 次，成绩取最好的一次` : '本次答题的次数已用完，成绩取最好的一次'}</Text>}
    </View>
  )
}

function QuestionReview({ q }: { q: ResultQuestion }) {
  return (
    <View className={`cwt-section ${prefix}__question`}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__number`}>第 {q.index + 1} 题</Text>
        <Tag background="var(--cwt-bg)" color="var(--cwt-text-2)">
          {QUESTION_KIND_LABELS[q.kind]}
        </Tag>
        <Text className={`${prefix}__point`}>{q.point}</Text>
        <Tag background={q.correct ? 'var(--cwt-success-soft)' : 'var(--cwt-danger-soft)'} color={q.correct ? 'var(--cwt-success)' : 'var(--cwt-danger)'}>
          {q.correct ? '答对' : q.choice?.length ? '答错' : '未作答'}
        </Tag>
      </View>
      <Text className={`${prefix}__stem`}>{q.stem}</Text>
      <OptionRows kind={q.kind} options={q.options} choice={q.choice} answer={q.answer} />
      <Text className={`${prefix}__mine`}>
        您的答案：{q.choice?.length ? letters(q.choice) : '未作答'}
      </Text>
      <Explanation answer={q.answer} explanation={q.explanation} source={q.source} />
    </View>
  )
}

export default function ResultPage() {
  const { params } = useRouter()
  const attemptId = readParam(params.attemptId)
  const result = useRequest(() => api.call('quiz', 'result', { attemptId }), [attemptId])
  const [filter, setFilter] = useState<Filter>('all')

  if (result.error?.code === 'NOT_FOUND' && !result.loading) {
    return (
      <View className={prefix}>
        <ModeMeta />
        <Blank icon={<Search size={56} color="var(--cwt-brand-line)" />} title="找不到这次成绩" description="它可能不是您的答卷，或链接已失效" action={{ text: '去答题首页', onClick: () => void Taro.redirectTo({ url: urls.home }) }} />
      </View>
    )
  }

  const r = result.data
  const wrong = r ? r.questions.filter((q) => !q.correct) : []
  const shown = r ? (filter === 'wrong' ? wrong : r.questions) : []
  const practice = r ? isPractice(r.kind) : false

  return (
    <View className={prefix}>
      <LoadState loading={result.loading} error={result.error} ready={!!r} onRetry={result.reload} rows={8}>
        {r && (
          <>
            <View className={`${prefix}__body`}>
              <Summary r={r} />
              {r.withheld ? (
                <Blank icon={<Search size={56} color="var(--cwt-brand-line)" />} title="答案暂不公布" description={r.withheld} />
              ) : (
                <>
                  <Tabs className={`${prefix}__tabs`} value={filter} onChange={(v) => setFilter(v as Filter)} activeType="line">
                    <Tabs.TabPane title={`全部（${r.total}）`} value="all" />
                    <Tabs.TabPane title={`只看错题（${wrong.length}）`} value="wrong" />
                  </Tabs>
                  {shown.length === 0 ? (
                    <Blank icon={<Success size={56} color="var(--cwt-success-line)" />} title="全部答对" description="这次没有错题，继续保持" />
                  ) : (
                    shown.map((q) => <QuestionReview key={q.index} q={q} />)
                  )}
                </>
              )}
            </View>
            <View className={`${prefix}__footer`}>
              <Button className={`${prefix}__wrong`} fill="outline" onClick={() => void Taro.navigateTo({ url: urls.wrong })}>
                错题本
              </Button>
              {practice ? (
                <Button className={`${prefix}__again`} type="primary" onClick={() => void Taro.redirectTo({ url: urls.practice(r.kind === 'wrong' ? 'wrong' : 'daily') })}>
                  再练一次
                </Button>
              ) : r.quizId && r.attemptsLeft ? (
                <Button className={`${prefix}__again`} type="primary" onClick={() => void Taro.redirectTo({ url: urls.start(r.quizId!) })}>
                  再答一次
                </Button>
              ) : (
                <Button className={`${prefix}__back`} type="primary" onClick={back}>
                  返回
                </Button>
              )}
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
