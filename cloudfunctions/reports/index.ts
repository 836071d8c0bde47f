import { cloudMain } from '../core/cloud-entry'
import { reportsHandler } from './actions'
import { sweep } from './daily'

export const main = cloudMain(reportsHandler, sweep)
