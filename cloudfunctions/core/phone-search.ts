import * as z from 'zod'
import type { Deps } from './ports'
import { takeQuota } from './quota'
import { endingWith } from './search'

/** Phone searches an office account may make an hour, over every list that finds people by phone. */
export const PHONE_SEARCHES_PER_HOUR = 20

export const isPhoneWord = (word: string) => /^\d+$/.test(word)

/** A search word: text, or a phone's last four digits or whole number. */
export const searchWord = z
  .string()
  .trim()
  .max(20, '关键词最多 20 个字')
  // a longer ending than the four digits a masked phone shows would give the hidden digits away one by one
  .refine((k) => !isPhoneWord(k) || k.length === 4 || k.length === 11, '按手机号查找请输入后 4 位或完整的 11 位号码')

/** Counts one phone search against the caller's hourly quota, so numbers cannot be guessed through a list. */
export const takePhoneSearch = (deps: Deps, userId: string) =>
  takeQuota(deps, `phone-search:${userId}:${deps.clock.now().toISOString().slice(0, 13)}`, PHONE_SEARCHES_PER_HOUR, `每小时最多按手机号查找 ${PHONE_SEARCHES_PER_HOUR} 次，请稍后再试或按姓名查找`)

/** The phone field's match for a phone word: the whole number, or its ending. */
export const phoneMatch = (word: string) => (word.length === 11 ? word : endingWith(word))
