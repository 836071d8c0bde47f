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

const VERDICTS: Record<Look, string> = { plain: '', chosen: '', right: '，正确', missed: '，正确答案，未选', wrong: '，选错了' }

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

/**
 * A question's options as rows to tap: round marks for one answer, square ones for several. Screen readers hear
 * them as radios or checkboxes with their checked state, and the verdict in words, not only in colour.
 */
export function OptionRows({ kind, options, choice, answer, onTap }: OptionRowsProps) {
  const multiple = kind === 'multiple'
  return (
    <View className={`${prefix}-rows`} ariaRole={multiple ? 'group' : 'radiogroup'} ariaLabel={multiple ? '选项（可多选）' : '选项'}>
      {options.map((text, i) => {
        const look = lookOf(i, choice, answer)
        const mark = look === 'right' || look === 'missed' ? <Check size={14} /> : look === 'wrong' ? <Close size={12} /> : OPTION_LETTERS[i]
        return (
          <View
            key={i}
            className={`${prefix} ${prefix}--${look} ${onTap ? `${prefix}--tappable` : ''}`}
            ariaRole={multiple ? 'checkbox' : 'radio'}
            aria-checked={!!choice?.includes(i)}
            aria-disabled={!onTap}
            ariaLabel={`${OPTION_LETTERS[i]}. ${text}${VERDICTS[look]}`}
            onClick={onTap ? () => onTap(i) : undefined}
          >
            <Text className={`${prefix}__mark ${multiple ? `${prefix}__mark--square` : ''}`}>{mark}</Text>
            <Text className={`${prefix}__text`}>{text}</Text>
            {look === 'missed' && <Text className={`${prefix}__note`}>{kind === 'multiple' ? '漏选' : '正确答案'}</Text>}
          </View>
        )
      })}
    </View>
  )
}
