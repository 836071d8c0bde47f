import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'

const go = (url: string) => Taro.navigateTo({ url })

/** 我的 → 知识答题: the quizzes and practice, and the wrong-answer book with how many questions wait in it. */
export function QuizCells() {
  // One row is enough: the page's total is the count.
  const wrong = useRequest(() => api.call('quiz', 'wrongBook', { page: 1, pageSize: 1 }), [])
  useReloadOnShow(wrong.reload)
  usePullDownRefresh(() => void wrong.reload())

  return (
    <Cell.Group className="me__cells me__quiz" title="答题学习">
      <Cell title="知识答题" description="答题活动、每日练习与成绩" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/quiz/home/index')} />
      <Cell
        title="错题本"
        description="答错的题，练到连续答对 2 次"
        extra={
          <Text className="me__extra">
            {wrong.data && wrong.data.total > 0 ? `${wrong.data.total} 题` : ''}
            <ArrowRight size={12} />
          </Text>
        }
        clickable
        onClick={() => go('/packages/quiz/wrong/index')}
      />
    </Cell.Group>
  )
}
