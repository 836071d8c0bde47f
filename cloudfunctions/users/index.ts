import { cloudMain } from '../core/cloud-entry'
import { usersHandler } from './actions'

export const main = cloudMain(usersHandler)
