import type { FunctionName } from '../types/api'
import { campaignHandler } from './campaign/actions'
import type { Handler } from './core/router'
import { quizHandler } from './quiz/actions'
import { reportsHandler } from './reports/actions'
import { usersHandler } from './users/actions'
import { volunteerHandler } from './volunteer/actions'

/** Every cloud function by name: the local runtime serves these; the build makes one deployable folder per name. */
export const functions: Record<FunctionName, Handler> = {
  users: usersHandler,
  campaign: campaignHandler,
  reports: reportsHandler,
  volunteer: volunteerHandler,
  quiz: quizHandler
}
