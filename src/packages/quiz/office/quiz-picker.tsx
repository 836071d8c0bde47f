import { useState } from 'react'
import { Cell, Pagination, Popup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { QUIZ_STATE_COLOURS, QUIZ_STATE_LABELS, percentText } from '../office-figures'
import { formatWindow } from '@/utils/format'

const PAGE_SIZE = 10
const prefix = 'quiz-office'

export interface QuizPickerProps {
  visible: boolean
  current: string
  onPick: (id: string) => void
  onClose: () => void
}

/** Every campaign quiz, newest window first, a page at a time, with how many took part and passed. */
export function QuizPicker({ visible, current, onPick, onClose }: QuizPickerProps) {
  const [page, setPage] = useState(1)
  const list = useRequest(() => (visible ? api.call('quiz', 'quizzes', { page, pageSize: PAGE_SIZE }) : Promise.resolve(undefined)), [visible, page])
  const data = list.data
  return (
    <Popup visible={visible} position="bottom" round closeable title="选择答题活动" onClose={onClose}>
      <View className={`${prefix}__picker`}>
        <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={6}>
          {data && (
            <Cell.Group>
              {data.items.map((q) => (
                <Cell
                  key={q.id}
                  className={q.id === current ? `${prefix}__picked` : ''}
                  clickable
                  onClick={() => onPick(q.id)}
                  title={
                    <View className={`${prefix}__option`}>
                      <Text className={`${prefix}__option-title`}>{q.title}</Text>
                      <Tag background={QUIZ_STATE_COLOURS[q.state][0]} color={QUIZ_STATE_COLOURS[q.state][1]}>
                        {QUIZ_STATE_LABELS[q.state]}
                      </Tag>
                    </View>
                  }
                  description={`${formatWindow(q.opensAt, q.closesAt)} · ${q.participants} 人参与 · 知晓率 ${percentText(q.passRate)}`}
                />
              ))}
            </Cell.Group>
          )}
          {data && data.total > PAGE_SIZE && (
            <View className={`${prefix}__pager`}>
              <Pagination value={page} total={data.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
            </View>
          )}
        </LoadState>
      </View>
    </Popup>
  )
}
