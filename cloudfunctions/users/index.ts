import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { usersHandler } from './actions'
import { sweepInbox } from './daily'

export const main = cloudMain(usersHandler, { seed: [baseData], timer: sweepInbox })
