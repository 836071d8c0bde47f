import { Text, View } from '@tarojs/components'
import { letters } from '../../people'
import './index.scss'

export interface ExplanationProps {
  answer: number[]
  explanation: string
  source: string | null
  /** Practice feedback leads with whether the person was right. */
  correct?: boolean
}

const prefix = 'quiz-explanation'

/** The right answer, why, and where the fact comes from: shown only once the server has sent them. */
export function Explanation({ answer, explanation, source, correct }: ExplanationProps) {
  const tone = correct === undefined ? '' : correct ? `${prefix}--right` : `${prefix}--wrong`
  return (
    <View className={`${prefix} ${tone}`}>
      {correct !== undefined && <Text className={`${prefix}__verdict`}>{correct ? '回答正确' : '回答错误'}</Text>}
      <Text className={`${prefix}__answer`}>正确答案：{letters(answer)}</Text>
      <Text className={`${prefix}__text`}>
        <Text className={`${prefix}__label`}>解析　</Text>
        {explanation}
      </Text>
      {source && (
        <Text className={`${prefix}__source`}>
          <Text className={`${prefix}__label`}>出处　</Text>
          {source}
        </Text>
      )}
    </View>
  )
}
