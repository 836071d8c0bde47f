import { Check, Close } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import type { QuestionKind } from '@contract'
import { OPTION_LETTERS } from '../../people'
import './index.scss'

export interface OptionRowsProps {
  kind: QuestionKind
  options: string[]
  /** What the person chose, as indexes into `options`. */
  choice: number[] | null
  /** The right options once they may be known (practice feedback, results, the wrong-answer book). */
  answer?: number[] | null
  /** Tapping an option; without it the rows are read-only. */
  onTap?: (index: number) => void
}

const prefix = 'quiz-option'

type Look = 'plain' | 'chosen' | 'right' | 'missed' | 'wrong'

/**
 * Before the answer is known only the choice shows; after, right options are green and wrong picks red. A right
 * option the person passed over is outlined, unless nothing was chosen at all (the wrong-answer book, a blank).
 */
function lookOf(i: number, choice: number[] | null, answer: number[] | null | undefined): Look {
  const chosen = !!choice?.includes(i)
  if (!answer) return chosen ? 'chosen' : 'plain'
  if (answer.includes(i)) return chosen || !choice?.length ? 'right' : 'missed'
  return chosen ? 'wrong' : 'plain'
}

/** A question's options as rows to tap: round marks for one answer, square ones for several. */
export function OptionRows({ kind, options, choice, answer, onTap }: OptionRowsProps) {
  return (
    <View className={`${prefix}-rows`}>
      {options.map((text, i) => {
        const look = lookOf(i, choice, answer)
        const mark = look === 'right' || look === 'missed' ? <Check size={14} /> : look === 'wrong' ? <Close size={12} /> : OPTION_LETTERS[i]
        return (
          <View
            key={i}
            className={`${prefix} ${prefix}--${look} ${onTap ? `${prefix}--tappable` : ''}`}
            onClick={onTap ? () => onTap(i) : undefined}
          >
            <Text className={`${prefix}__mark ${kind === 'multiple' ? `${prefix}__mark--square` : ''}`}>{mark}</Text>
            <Text className={`${prefix}__text`}>{text}</Text>
            {look === 'missed' && <Text className={`${prefix}__note`}>{kind === 'multiple' ? '漏选' : '正确答案'}</Text>}
          </View>
        )
      })}
    </View>
  )
}
