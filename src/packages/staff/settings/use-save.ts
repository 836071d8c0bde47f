import Taro from '@tarojs/taro'
import { useSubmit } from '@/hooks/use-submit'

// `polygon.3` is the polygon's field; each settings form shows the top-level fields it has
const topLevel = (path: string) => path.split('.')[0]

/**
 * Runs one save and keeps what went wrong: the server's message per field or, when it named none, its message
 * for the whole form. The caller's form state is never touched.
 */
export function useSave() {
  const submission = useSubmit(topLevel, '保存失败，请稍后再试')
  const run = (save: () => Promise<unknown>, done: string) => submission.run(save, { done: () => void Taro.showToast({ title: done, icon: 'success' }) })
  return { saving: submission.busy, error: submission.error, issues: submission.errors as Record<string, string | undefined>, run, clear: submission.reset }
}
