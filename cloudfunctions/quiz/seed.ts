import type { Seed } from '../core/seed'
import { BANK } from './seed-bank'
import { newQuestion } from './questions'

/** The quiz function's part of a new environment: the 84 questions the bank starts with. */
export const questionBank: Seed = (at) => ({ questions: BANK.map((input) => newQuestion(input, at)) })
