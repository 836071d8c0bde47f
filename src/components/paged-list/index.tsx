import type { ReactNode } from 'react'
import { Pagination } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { Page } from '@contract'
import { LoadState } from '@/components/load-state'
import type { Pages } from '@/hooks/use-pages'
import './index.scss'

export interface PagedListProps<T> {
  list: Pages<Page<T>>
  pageSize: number
  /** Above the items once a page is in: the count, a hint. */
  head?: (page: Page<T>) => ReactNode
  /** What an empty list says, and what to do next. */
  empty: ReactNode
  item: (item: T) => ReactNode
}

const prefix = 'cwt-paged-list'

/** A staff list a page at a time: skeleton, retry, the head, the items or the empty state, and a pager when there is more than a page. */
export function PagedList<T>({ list, pageSize, head, empty, item }: PagedListProps<T>) {
  const data = list.data
  return (
    <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={8}>
      {data && (
        <>
          {head?.(data)}
          {data.items.length === 0 ? empty : data.items.map(item)}
          {data.total > pageSize && (
            <View className={`${prefix}__pager`}>
              <Pagination value={list.page} total={data.total} pageSize={pageSize} mode="simple" onChange={list.setPage} />
            </View>
          )}
        </>
      )}
    </LoadState>
  )
}
