import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '@/services/api'

export interface RequestState<T> {
  data?: T
  error?: ApiError
  loading: boolean
  reload: () => Promise<void>
}

const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL', '出了点问题，请稍后再试'))

/**
 * Starts `load` now, when the page's module is evaluated, rather than after the page's first render: the first
 * call of what this answers takes that request, later calls (a reload, a pull-down) load afresh. H5 only; in
 * WeChat the cloud is initialised by the app's launch, which may come after page modules load, so there the
 * first call loads as usual.
 */
export function loadEarly<T>(load: () => Promise<T>): () => Promise<T> {
  let early = process.env.TARO_ENV === 'h5' ? load() : undefined
  // A failure is answered to the page that takes the request, not reported as unhandled before it does.
  early?.catch(() => undefined)
  return () => {
    const request = early ?? load()
    early = undefined
    return request
  }
}

/** Loads on mount and whenever `deps` change; keeps the last data while reloading so pages do not flash. */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[]): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({ loading: true })
  const latest = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true }))
    try {
      const data = await run()
      if (ticket === latest.current) setState({ data, loading: false })
    } catch (e) {
      if (ticket === latest.current) setState((s) => ({ data: s.data, error: toApiError(e), loading: false }))
    }
  }, [run])

  useEffect(() => {
    void reload()
  }, [reload])

  return { ...state, reload }
}
