import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { quizHandler } from './actions'
import { sweepQuiz } from './daily'
import { questionBank } from './seed'

export const main = cloudMain(quizHandler, { seed: [baseData, questionBank], timer: sweepQuiz })
