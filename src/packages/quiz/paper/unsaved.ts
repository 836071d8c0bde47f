import Taro from '@tarojs/taro'
import type { PaperQuestion } from '@contract'

/**
 * Choices the server has not confirmed yet stay on the phone, per attempt, so closing the page or losing the
 * network does not lose them: the next visit sends them again.
 */
const key = (attemptId: string) => `cwt.quiz-unsaved.${attemptId}`

export function keepUnsaved(attemptId: string, unsaved: Record<number, number[]>) {
  if (Object.keys(unsaved).length) Taro.setStorageSync(key(attemptId), unsaved)
  else Taro.removeStorageSync(key(attemptId))
}

export const readUnsaved = (attemptId: string): unknown => Taro.getStorageSync(key(attemptId))

/**
 * What is still to send: stored choices that fit the paper (a real question, options it has, one option where
 * only one may be chosen) and differ from what the server holds. Anything else in storage is ignored.
 */
export function toResend(questions: Pick<PaperQuestion, 'index' | 'kind' | 'options' | 'choice'>[], stored: unknown): { index: number; choice: number[] }[] {
  if (!stored || typeof stored !== 'object') return []
  const out: { index: number; choice: number[] }[] = []
  for (const [k, value] of Object.entries(stored as Record<string, unknown>)) {
    const q = questions[Number(k)]
    if (!q || !Array.isArray(value)) continue
    const choice = value as unknown[]
    const fits = choice.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < q.options.length) && new Set(choice).size === choice.length
    if (!fits || (q.kind !== 'multiple' && choice.length > 1)) continue
    const held = q.choice ?? []
    if (held.length === choice.length && held.every((v, i) => v === choice[i])) continue
    out.push({ index: q.index, choice: choice as number[] })
  }
  return out
}
