import { cloudMain } from '../core/cloud-entry'
import { volunteerHandler } from './actions'
import { sweepVolunteers } from './daily'

export const main = cloudMain(volunteerHandler, sweepVolunteers)
