import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Page } from '@contract'
import { useReloadOnShow } from './use-reload-on-show'
import { useRequest, type RequestState } from './use-request'

export interface Pages<R> extends RequestState<R> {
  page: number
  setPage: (page: number) => void
}

/**
 * A staff list shown a page at a time with a pager (where usePaged appends as one scrolls): the page asked for,
 * read again on pull-down and when the page comes back into view. Set page 1 when the query changes.
 */
export function usePages<R extends Page<unknown>>(load: (page: number) => Promise<R>, deps: unknown[]): Pages<R> {
  const [page, setPage] = useState(1)
  const list = useRequest(() => load(page), [...deps, page])
  useReloadOnShow(list.reload)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  return { ...list, page, setPage }
}
