import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/api'

/**
 * Runs one save and keeps what went wrong: the server's message per field (`polygon.3` counts as `polygon`)
 * or, when it named none, its message for the whole form. The caller's form state is never touched.
 */
export function useSave() {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const [issues, setIssues] = useState<Record<string, string>>({})

  const clear = () => {
    setError('')
    setIssues({})
  }

  const run = async (save: () => Promise<unknown>, done: string) => {
    setSaving(true)
    clear()
    try {
      await save()
      Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setIssues(Object.fromEntries(e.issues.map((i) => [i.field.split('.')[0], i.message])))
      else setError(e instanceof ApiError ? e.message : '保存失败，请稍后再试')
      return false
    } finally {
      setSaving(false)
    }
  }

  return { saving, error, issues, run, clear }
}
