import { useState } from 'react'
import { User } from '@nutui/icons-react-taro'
import { Pagination, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { durationText } from '../office-figures'

const PAGE_SIZE = 20
const prefix = 'quiz-office'

/** 个人排行: best score first, less time breaking ties; nicknames only, never who they are. */
export function Board({ quizId, reloadKey }: { quizId: string; reloadKey: number }) {
  const [page, setPage] = useState(1)
  const board = useRequest(() => api.call('quiz', 'board', { quizId, page, pageSize: PAGE_SIZE }), [quizId, page, reloadKey])
  const data = board.data
  return (
    <LoadState loading={board.loading} error={board.error} ready={!!data} onRetry={board.reload} rows={8}>
      {data &&
        (data.items.length === 0 ? (
          <Blank icon={<User size={48} color="var(--cwt-border-strong)" />} title="还没有人交卷" description="有人交卷后，这里按最好成绩排名，同分用时少的在前" />
        ) : (
          <View className={`cwt-section ${prefix}__card`}>
            <Text className={`${prefix}__note`}>共 {data.total} 人 · 按最好成绩排名，同分用时少的在前</Text>
            {data.items.map((r) => (
              <View key={r.rank} className={`${prefix}__person`}>
                <Text className={`${prefix}__rank ${r.rank <= 3 ? `${prefix}__rank--top` : ''}`}>{r.rank}</Text>
                <View className={`${prefix}__who`}>
                  <Text className={`${prefix}__nickname`}>{r.nickname}</Text>
                  <Text className={`${prefix}__unit`}>{r.unit ?? '未绑定学校或社区'}</Text>
                </View>
                <View className={`${prefix}__result`}>
                  <Text className={`${prefix}__score`}>
                    {r.score}
                    <Text className={`${prefix}__score-unit`}> 分</Text>
                  </Text>
                  <Text className={`${prefix}__time`}>用时 {durationText(r.seconds)}</Text>
                </View>
                <Tag className={`${prefix}__passed`} background={r.passed ? 'var(--cwt-success-soft)' : 'var(--cwt-fill-strong)'} color={r.passed ? 'var(--cwt-success)' : 'var(--cwt-text-hint)'}>
                  {r.passed ? '通过' : '未通过'}
                </Tag>
              </View>
            ))}
            {data.total > PAGE_SIZE && (
              <View className={`${prefix}__pager`}>
                <Pagination value={page} total={data.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
              </View>
            )}
          </View>
        ))}
    </LoadState>
  )
}
