import { cloudMain } from '../core/cloud-entry'
import { usersHandler } from './actions'
import { sweepInbox } from './daily'

export const main = cloudMain(usersHandler, sweepInbox)
