import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { QuizCard } from '@contract'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { formatProfile } from '@/utils/format'

const go = (url: string) => Taro.navigateTo({ url })

/** The campaign quiz a person is most likely asking about: the open one, else the latest they scored in. */
const currentQuiz = (quizzes: QuizCard[]) => quizzes.find((q) => q.state === 'open') ?? quizzes.find((q) => q.best)

function bestText(quiz: QuizCard | undefined): string {
  if (!quiz) return '答题活动、每日练习与成绩'
  if (!quiz.best) return `「${quiz.title}」还未作答`
  return `「${quiz.title}」最好 ${quiz.best.score} 分${quiz.best.passed ? '，已达标' : '，未达标'}`
}

/** 我的 → 答题学习: where the person is bound, their best score in the current quiz, and the wrong-answer book. */
export function QuizCells() {
  const home = useRequest(() => api.call('quiz', 'home'), [])
  useReloadOnShow(home.reload)
  usePullDownRefresh(() => void home.reload())
  const d = home.data
  const bound = d ? formatProfile(d.profile) : null

  return (
    <Cell.Group className="me__cells me__quiz" title="答题学习">
      <Cell
        title="学校 / 社区"
        description={d ? (bound ?? '未绑定：绑定后成绩计入所在学校或社区的知晓率') : ''}
        extra={
          <Text className="me__extra">
            {d && !bound ? '去绑定' : d && !d.profile.confirmed && d.profile.school ? '班级待确认' : ''}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => go('/packages/quiz/profile/index')}
      />
      <Cell title="知识答题" description={d ? bestText(currentQuiz(d.quizzes)) : '答题活动、每日练习与成绩'} extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/quiz/home/index')} />
      <Cell
        title="错题本"
        description="答错的题，练到连续答对 2 次"
        extra={
          <Text className="me__extra">
            {d && d.wrongCount > 0 ? `${d.wrongCount} 题` : ''}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => go('/packages/quiz/wrong/index')}
      />
    </Cell.Group>
  )
}
