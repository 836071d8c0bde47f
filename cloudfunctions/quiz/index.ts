import { cloudMain } from '../core/cloud-entry'
import { quizHandler } from './actions'
import { sweepQuiz } from './daily'

export const main = cloudMain(quizHandler, sweepQuiz)
