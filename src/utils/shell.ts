import { useEffect, useLayoutEffect, useRef, useState } from 'react'

/** How long a page behind the shell waits for its first data before it draws without it. */
const MAX_WAIT_MS = 1500

/** H5: whether src/index.html's static first screen is up (the home page was opened and has not drawn yet). */
const shellUp = () => process.env.TARO_ENV === 'h5' && document.documentElement.classList.contains('cwt-home')

/**
 * H5: src/index.html paints the home page's first screen in plain HTML before any script has run. The page it
 * stands for calls this with whether its first data is in, and renders its content only once this answers true:
 * while the shell is up, the page waits for that data (at most MAX_WAIT_MS) so that it is built once, with its
 * figures, rather than once as the skeleton the shell already shows and again with them. The shell goes in the
 * same commit as the page's content, before the browser paints again. Without a shell (WeChat, or any page
 * opened later) it answers true at once.
 */
export function useShellUntil(ready: boolean): boolean {
  const drawn = useRef(!shellUp())
  const [timedOut, setTimedOut] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const draw = drawn.current || ready || timedOut

  useEffect(() => {
    if (drawn.current) return
    timer.current = setTimeout(() => setTimedOut(true), MAX_WAIT_MS)
    return () => clearTimeout(timer.current)
  }, [])

  useLayoutEffect(() => {
    if (!draw || drawn.current) return
    drawn.current = true
    clearTimeout(timer.current)
    document.getElementById('cwt-shell')?.remove()
    document.documentElement.classList.remove('cwt-home')
  }, [draw])

  return draw
}
