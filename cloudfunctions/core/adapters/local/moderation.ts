import type { Moderation, Verdict } from '../../ports'

// A small stand-in for msgSecCheck: enough to exercise both refusals locally.
const RISKY = ['赌博', '博彩', '六合彩', '代开发票', '办证', '枪支', '毒品', '色情', '裸聊', '傻逼', '操你']
const REVIEW = ['加微信', '加vx', '加qq', '兼职刷单', '贷款']

export function createKeywordModeration(words: { risky?: string[]; review?: string[] } = {}): Moderation {
  const risky = words.risky ?? RISKY
  const review = words.review ?? REVIEW
  return {
    async checkText(text) {
      const normalized = text.toLowerCase().replace(/\s+/g, '')
      const riskyHits = risky.filter((w) => normalized.includes(w))
      const reviewHits = review.filter((w) => normalized.includes(w))
      const verdict: Verdict = riskyHits.length ? 'risky' : reviewHits.length ? 'review' : 'pass'
      return { verdict, hits: [...riskyHits, ...reviewHits] }
    }
  }
}
