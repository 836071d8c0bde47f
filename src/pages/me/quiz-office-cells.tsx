import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { Role } from '@contract'

const go = (url: string) => Taro.navigateTo({ url })
const arrow = <ArrowRight size={12} />

/** 我的 for the office: the quizzes' awareness figures, the question bank, and the schools and communities they are cut by. */
export function QuizOfficeCells({ roles }: { roles: Role[] }) {
  if (!roles.includes('admin')) return null
  return (
    <Cell.Group className="me__cells me__quiz-office" title="知识答题管理">
      <Cell title="答题统计" description="知晓率、易错题与学校社区排名" extra={arrow} clickable onClick={() => go('/packages/quiz/office/index')} />
      <Cell title="题库管理" description="新增、停用与批量导入题目" extra={arrow} clickable onClick={() => go('/packages/quiz/bank/index')} />
      <Cell title="学校与社区" description="学生和居民绑定的单位" extra={arrow} clickable onClick={() => go('/packages/quiz/units/index')} />
    </Cell.Group>
  )
}
