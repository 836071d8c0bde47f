import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '@/services/api'

export interface RequestState<T> {
  data?: T
  error?: ApiError
  loading: boolean
  reload: () => Promise<void>
}

const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL', '出了点问题，请稍后再试'))

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
