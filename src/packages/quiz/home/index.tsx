import { ArrowRight, Clock, Edit, Failure, Location } from '@nutui/icons-react-taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { MASTERED_AFTER, type ProfileView, type QuizCard } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CARD_STATE_LABELS, cardActions, urls } from '../people'
import { formatProfile, formatWindow } from '@/utils/format'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'quiz-home'
const go = (url: string) => void Taro.navigateTo({ url })

const STATE_TAGS: Record<QuizCard['state'], { background: string; color: string }> = {
  open: { background: 'var(--cwt-success-soft)', color: 'var(--cwt-success)' },
  upcoming: { background: 'var(--cwt-info-soft)', color: 'var(--cwt-info)' },
  closed: { background: 'var(--cwt-fill-strong)', color: 'var(--cwt-text-hint)' },
  'not-eligible': { background: 'var(--cwt-warning-soft)', color: 'var(--cwt-warning)' }
}

function ProfileStrip({ profile }: { profile: ProfileView }) {
  const text = formatProfile(profile)
  return (
    <View className={`${prefix}__profile`} onClick={() => go(urls.profile)}>
      <Location size={14} />
      <Text className={`${prefix}__profile-text`}>{text ?? '未绑定学校或社区'}</Text>
      <Text className={`${prefix}__profile-link`}>
        {text ? '修改' : '去绑定'}
        <ArrowRight size={10} />
      </Text>
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className={`${prefix}__fact`}>
      <Text className={`${prefix}__fact-value`}>{value}</Text>
      <Text className={`${prefix}__fact-label`}>{label}</Text>
    </View>
  )
}

function Card({ card }: { card: QuizCard }) {
  const actions = cardActions(card)
  const notEligible = card.state === 'not-eligible' && !card.openAttemptId
  return (
    <View className={`cwt-section ${prefix}__card`}>
      <View className={`${prefix}__card-head`}>
        <Text className={`${prefix}__card-title`}>{card.title}</Text>
        <Tag {...STATE_TAGS[card.state]}>{CARD_STATE_LABELS[card.state]}</Tag>
      </View>
      {card.description && <Text className={`${prefix}__card-text`}>{card.description}</Text>}
      <View className={`${prefix}__window`}>
        <Clock size={12} />
        <Text>{formatWindow(card.opensAt, card.closesAt)}</Text>
      </View>
      <View className={`${prefix}__facts`}>
        <Fact label="题量" value={`${card.questionCount} 题`} />
        <Fact label="限时" value={`${card.timeLimitMinutes} 分钟`} />
        <Fact label="及格" value={`${card.passMark} 分`} />
        <Fact label="已答次数" value={`${card.attemptsUsed}/${card.attemptsAllowed}`} />
      </View>
      {card.best && (
        <Text className={`${prefix}__best`}>
          最好成绩 <Text className={`${prefix}__best-score`}>{card.best.score}</Text> 分 · {card.best.passed ? '合格' : '未合格'}
        </Text>
      )}
      {notEligible && actions.blocked && <Text className={`${prefix}__reason`}>{actions.blocked}</Text>}
      {card.openAttemptId && <Text className={`${prefix}__reason`}>上次的答卷还没交，计时不会暂停</Text>}
      <View className={`${prefix}__card-actions`}>
        {actions.resultUrl && (
          <Button className={`${prefix}__result`} fill="outline" onClick={() => go(actions.resultUrl!)}>
            查看成绩
          </Button>
        )}
        {actions.primary ? (
          <Button className={`${prefix}__start`} type="primary" onClick={() => go(actions.primary!.url)}>
            {actions.primary.text}
          </Button>
        ) : actions.bind ? (
          <Button className={`${prefix}__bind`} type="primary" fill="outline" onClick={() => go(urls.profile)}>
            去绑定
          </Button>
        ) : (
          <Button className={`${prefix}__blocked`} disabled>
            {notEligible ? '暂不能参加' : actions.blocked}
          </Button>
        )}
      </View>
    </View>
  )
}

export default function QuizHomePage() {
  const home = useRequest(() => api.call('quiz', 'home'), [])
  // Back from a paper, a result or the profile, the cards and counts have moved.
  useReloadOnShow(home.reload)
  usePullDownRefresh(async () => {
    await home.reload()
    Taro.stopPullDownRefresh()
  })

  const d = home.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__hero`}>
        <Text className={`${prefix}__title`}>知识答题</Text>
        <Text className={`${prefix}__slogan`}>学习应知应会，争做文明市民</Text>
        {d && <ProfileStrip profile={d.profile} />}
      </View>
      <LoadState loading={home.loading} error={home.error} ready={!!d} onRetry={home.reload} rows={6}>
        {d && (
          <>
            <View className={`cwt-section ${prefix}__entries`}>
              <View className={`${prefix}__entry ${prefix}__practice`} onClick={() => go(urls.practice('daily'))}>
                <Edit size={22} color="var(--cwt-brand)" />
                <View className={`${prefix}__entry-main`}>
                  <Text className={`${prefix}__entry-title`}>每日练习</Text>
                  <Text className={`${prefix}__entry-text`}>10 题，即答即评</Text>
                  <Text className={`${prefix}__entry-note`}>{d.practiced > 0 ? `已练习 ${d.practiced} 次` : '不计排名'}</Text>
                </View>
              </View>
              <View className={`${prefix}__entry ${prefix}__wrong`} onClick={() => go(urls.wrong)}>
                <Failure size={22} color="var(--cwt-brand)" />
                <View className={`${prefix}__entry-main`}>
                  <Text className={`${prefix}__entry-title`}>错题本</Text>
                  <Text className={`${prefix}__entry-text`}>练到连续答对 {MASTERED_AFTER} 次</Text>
                  <Text className={`${prefix}__entry-note ${d.wrongCount > 0 ? `${prefix}__entry-note--alert` : ''}`}>{d.wrongCount > 0 ? `${d.wrongCount} 题待巩固` : '暂无错题'}</Text>
                </View>
              </View>
            </View>

            <View className={`${prefix}__heading`}>
              <Text>答题活动</Text>
              <Text className={`${prefix}__heading-hint`}>成绩取最好的一次</Text>
            </View>
            {d.quizzes.length === 0 ? (
              <Blank icon={<Edit size={56} color="var(--cwt-brand-line)" />} title="暂无答题活动" description="创文办发布答题活动后会出现在这里，先做做每日练习吧" action={{ text: '每日练习', onClick: () => go(urls.practice('daily')) }} />
            ) : (
              d.quizzes.map((card) => <Card key={card.id} card={card} />)
            )}
          </>
        )}
      </LoadState>
    </View>
  )
}
