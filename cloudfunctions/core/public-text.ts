import * as z from 'zod'
import type { PublicText } from '../../types/domain'
import { AppError } from './errors'
import type { Deps } from './ports'

type Scene = 'profile' | 'comment' | 'forum' | 'social'

/**
 * strict: a doubtful text (contact details, ads) is refused too — for what residents say to everyone.
 * lenient: only a risky one is refused; a doubtful one is kept and named in `held`, since honest reports and
 * staff notes about illegal ads quote their words.
 */
type Rule = 'strict' | 'lenient'

/**
 * Text someone wrote for others to read, as it arrived: not a string, so no use case can store or show it.
 * Only `moderate` (run by the router on every action) turns it into PublicText, through the Moderation port.
 */
export class Unchecked {
  readonly #text: string
  constructor(
    text: string,
    readonly label: string,
    readonly scene: Scene,
    readonly rule: Rule
  ) {
    this.#text = text
  }

  async check(deps: Deps, openid: string, field: string): Promise<{ text: PublicText; held: boolean }> {
    if (!this.#text) return { text: this.#text as PublicText, held: false }
    const { verdict } = await deps.moderation.checkText(this.#text, { openid, scene: this.scene })
    const refuse = (why: string) => new AppError('CONTENT_REJECTED', `${this.label}含有${why}，请修改后再提交`, [{ field, message: `${this.label}含有${why}` }])
    if (verdict === 'risky') throw refuse('不宜发布的内容')
    if (verdict === 'review' && this.rule === 'strict') throw refuse('联系方式、广告等不宜公开的内容')
    return { text: this.#text as PublicText, held: verdict === 'review' }
  }
}

/** What a use case receives for a schema's output: every Unchecked text checked. */
export type Checked<T> = T extends Unchecked ? PublicText : T extends object ? { [K in keyof T]: Checked<T[K]> } : T

interface TextOptions {
  scene?: Scene
  rule?: Rule
  /** May be left empty (and is then stored empty). */
  blank?: boolean
}

/** A text others will read. */
export const publicText = (label: string, max: number, { scene = 'comment', rule = 'lenient', blank = false }: TextOptions = {}) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(blank ? 0 : 1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字`)
    .transform((s) => new Unchecked(s, label, scene, rule))

/** An optional text others will read; left empty it is absent. */
export const optionalPublicText = (label: string, max: number, { scene = 'comment', rule = 'lenient' }: Omit<TextOptions, 'blank'> = {}) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((s) => (s ? new Unchecked(s, label, scene, rule) : undefined))

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * Runs every Unchecked text of a parsed payload through moderation: refuses the first that may not be published
 * (naming its field), answers the payload with PublicText in their place and the fields held for a person's look.
 */
export async function moderate<T>(value: T, deps: Deps, openid: string): Promise<{ input: Checked<T>; held: string[] }> {
  const held: string[] = []
  const walk = async (v: unknown, path: string[]): Promise<unknown> => {
    if (v instanceof Unchecked) {
      const checked = await v.check(deps, openid, path.join('.'))
      if (checked.held) held.push(path.join('.'))
      return checked.text
    }
    // one at a time, so the field named when several are refused is always the first
    if (Array.isArray(v)) {
      const out: unknown[] = []
      for (const [i, item] of v.entries()) out.push(await walk(item, [...path, String(i)]))
      return out
    }
    if (isPlain(v)) {
      const out: Record<string, unknown> = {}
      for (const [k, item] of Object.entries(v)) out[k] = await walk(item, [...path, k])
      return out
    }
    return v
  }
  return { input: (await walk(value, [])) as Checked<T>, held }
}
