import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Page } from '@contract'
import { ApiError } from '@/services/api'

export interface Paged<T, R> {
  items: T[]
  /** The last page's whole answer, for what comes beside the list (a balance, an unread count). */
  last?: R
  /** Page 1 is on its way (first load, query change or refresh). */
  loading: boolean
  loadingMore: boolean
  error?: ApiError
  /** Every item is here. */
  done: boolean
  refresh: () => Promise<void>
  more: () => Promise<void>
}

const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL', '出了点问题，请稍后再试'))

/**
 * A list read page by page: the first page on mount and when `deps` change, the next one when the page
 * reaches the bottom, all again on pull-down. Answers that arrive after a newer load started are dropped.
 */
export function usePaged<R extends Page<unknown>>(load: (page: number) => Promise<R>, deps: unknown[]): Paged<R['items'][number], R> {
  type T = R['items'][number]
  const [state, setState] = useState<{ items: T[]; last?: R; loading: boolean; loadingMore: boolean; error?: ApiError }>({ items: [], loading: true, loadingMore: false })
  const ticket = useRef(0)
  const shown = useRef(false)
  shown.current = !!state.last
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback(load, deps)

  /** Reloads from page 1; `fresh` forgets the current items (the query changed), otherwise they stay until the answer. */
  const load1 = useCallback(async (fresh: boolean) => {
    const mine = ++ticket.current
    setState((s) => (fresh ? { items: [], loading: true, loadingMore: false } : { ...s, loading: true, error: undefined }))
    try {
      const first = await fetchPage(1)
      if (mine === ticket.current) setState({ items: first.items, last: first, loading: false, loadingMore: false })
    } catch (e) {
      if (mine !== ticket.current) return
      const error = toApiError(e)
      // With a list on screen a failed refresh only needs saying; the list stays as it was.
      if (!fresh && shown.current) Taro.showToast({ title: error.message, icon: 'none' })
      setState((s) => ({ ...s, loading: false, error: !fresh && shown.current ? undefined : error }))
    }
  }, [fetchPage])
  const refresh = useCallback(() => load1(false), [load1])

  const done = !!state.last && state.items.length >= state.last.total
  const more = async () => {
    if (!state.last || done || state.loading || state.loadingMore) return
    const mine = ticket.current
    setState((s) => ({ ...s, loadingMore: true, error: undefined }))
    try {
      const next = await fetchPage(state.last.page + 1)
      if (mine === ticket.current) setState((s) => ({ items: [...s.items, ...next.items], last: next, loading: false, loadingMore: false }))
    } catch (e) {
      if (mine === ticket.current) setState((s) => ({ ...s, loadingMore: false, error: toApiError(e) }))
    }
  }

  useEffect(() => {
    void load1(true)
  }, [load1])

  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => void more())

  return { ...state, done, refresh, more }
}
