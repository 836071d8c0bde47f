import { useCallback, useRef, useState } from 'react'
import { ApiError } from '@/services/api'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export interface SubmitHandlers<T, K extends string> {
  /** The call went through. */
  done?: (data: T) => void
  /** It failed: the error (the fallback's when it was not the server's) and what it said per field, already shown. */
  failed?: (error: ApiError, fields: FieldErrors<K>) => void
}

export interface Submit<K extends string> {
  /** A call is on its way; another is not sent until it is back. */
  busy: boolean
  /** The server's message (or the form's own check's) for each field it named. */
  errors: FieldErrors<K>
  /** What to show above the button: the server's words about fields the form does not show, or its plain message. */
  error: string
  /** Sends once; on failure keeps nothing but the messages (the form's values are the caller's and stay as typed). */
  run: <T>(send: () => Promise<T>, on?: SubmitHandlers<T, K>) => Promise<boolean>
  /** The form's own checks found these before sending. */
  show: (errors: FieldErrors<K>) => void
  /** The user changed these fields: their messages, and the form's, have done their job. */
  clear: (...fields: K[]) => void
  reset: () => void
}

/**
 * A path the server names belongs to the form field it is, or is nested in (`location.address` → location), or
 * that `aliases` names for it (`guardian.name` → guardianName).
 */
export const fieldIn =
  <K extends string>(fields: readonly K[], aliases: Record<string, K> = {}) =>
  (path: string): K | null =>
    aliases[path] ?? fields.find((f) => path === f || path.startsWith(`${f}.`)) ?? null

/** One form's submit: a guard against sending twice, and the server's answer sorted onto the form's fields. */
export function useSubmit<K extends string>(fieldOf: (path: string) => K | null, fallback = '提交失败，请稍后再试'): Submit<K> {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<K>>({})
  const [error, setError] = useState('')
  // state is read from the render that made the handler; a second tap in the same frame must see the first
  const sending = useRef(false)

  // stable, so a page can reset in an effect when its form changes
  const reset = useCallback(() => {
    setErrors({})
    setError('')
  }, [])

  const clear = useCallback((...fields: K[]) => {
    setErrors((all) => {
      const rest = { ...all }
      for (const field of fields) delete rest[field]
      return rest
    })
    setError('')
  }, [])

  const run = async <T,>(send: () => Promise<T>, on: SubmitHandlers<T, K> = {}) => {
    if (sending.current) return false
    sending.current = true
    setBusy(true)
    reset()
    let data: T
    try {
      data = await send()
    } catch (e) {
      const failure = e instanceof ApiError ? e : new ApiError('INTERNAL', fallback)
      const { fields, text } = failure.byField(fieldOf)
      setErrors(fields)
      setError(text)
      on.failed?.(failure, fields)
      return false
    } finally {
      sending.current = false
      setBusy(false)
    }
    on.done?.(data)
    return true
  }

  return { busy, errors, error, run, show: setErrors, clear, reset }
}
