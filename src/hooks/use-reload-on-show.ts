import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Reloads when the page comes back into view (back from a case, say), but not on its first show. */
export function useReloadOnShow(reload: () => Promise<unknown>) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
