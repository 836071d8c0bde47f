import type { Moderation, Verdict } from '../../ports'

// A small stand-in for msgSecCheck. Abuse is refused outright; words that also appear in honest reports of
// illegal ads (a 牛皮癣 offering 代开发票) only ask a person to look.
const RISKY = ['傻逼', '操你', '草泥马', '去死吧', '裸聊', '约炮']
const REVIEW = ['赌博', '博彩', '六合彩', '代开发票', '枪支', '毒品', '色情', '加微信', '加vx', '加qq', '兼职刷单']

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
