import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { volunteerHandler } from './actions'
import { sweepVolunteers } from './daily'

export const main = cloudMain(volunteerHandler, { seed: [baseData], timer: sweepVolunteers })
