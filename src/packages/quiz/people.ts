import Taro from '@tarojs/taro'
import type { AttemptKind, QuizCard } from '@contract'
import { formatDateTime } from '@/utils/format'

const ROOT = '/packages/quiz'

/** Attempt ids carry colons (`<quiz>:<user>:<try>`), so they travel encoded and are read back decoded. */
export const urls = {
  home: `${ROOT}/home/index`,
  profile: `${ROOT}/profile/index`,
  wrong: `${ROOT}/wrong/index`,
  paper: (attemptId: string) => `${ROOT}/paper/index?attemptId=${encodeURIComponent(attemptId)}`,
  start: (quizId: string) => `${ROOT}/paper/index?quizId=${encodeURIComponent(quizId)}`,
  practice: (from: 'daily' | 'wrong') => `${ROOT}/paper/index?mode=${from === 'wrong' ? 'wrong' : 'practice'}`,
  result: (attemptId: string) => `${ROOT}/result/index?attemptId=${encodeURIComponent(attemptId)}`
}

/** Back where the person came from, or to the quiz home when the page was opened directly (a reload, a share). */
export function back() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: urls.home })
}

export const readParam = (value: string | undefined) => (value ? decodeURIComponent(value) : '')

export const OPTION_LETTERS = 'ABCDEFGH'

/** Chosen options as letters in option order, e.g. AC. */
export const letters = (choice: number[] | null | undefined) => [...(choice ?? [])].sort((a, b) => a - b).map((i) => OPTION_LETTERS[i] ?? '?').join('')

/** 45秒, 12分05秒, 1小时02分. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}秒`
  if (s < 3600) return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`
  return `${Math.floor(s / 3600)}小时${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}分`
}

/** Daily practice and wrong-answer practice: checked question by question, no clock, no rank. */
export const isPractice = (kind: AttemptKind) => kind !== 'campaign'

/** What a quiz card offers: the main button (or why there is none), and the way to the last result. */
export interface CardActions {
  primary: { text: string; url: string } | null
  /** The disabled button's text when there is no main button. */
  blocked: string | null
  /** A binding would make the person eligible: offer the profile page. */
  bind: boolean
  resultUrl: string | null
}

export function cardActions(card: QuizCard): CardActions {
  const resultUrl = card.lastAttemptId ? urls.result(card.lastAttemptId) : null
  const none = { primary: null, bind: false, resultUrl }
  // An attempt in progress is resumed whatever else changed: its clock is running on the server.
  if (card.openAttemptId) return { ...none, primary: { text: '继续答题', url: urls.paper(card.openAttemptId) }, blocked: null }
  switch (card.state) {
    case 'open':
      if (card.attemptsUsed >= card.attemptsAllowed) return { ...none, blocked: '答题次数已用完' }
      return { ...none, primary: { text: card.attemptsUsed > 0 ? '再答一次' : '开始答题', url: urls.start(card.id) }, blocked: null }
    case 'upcoming':
      return { ...none, blocked: `${formatDateTime(card.opensAt)} 开始` }
    case 'closed':
      return { ...none, blocked: '答题已结束' }
    case 'not-eligible':
      return { ...none, blocked: card.reason ?? '暂不能参加', bind: /绑定/.test(card.reason ?? '') }
  }
}

export const CARD_STATE_LABELS: Record<QuizCard['state'], string> = { open: '进行中', upcoming: '未开始', closed: '已结束', 'not-eligible': '不可参加' }
