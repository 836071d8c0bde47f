import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { reportsHandler } from './actions'
import { sweep } from './daily'

export const main = cloudMain(reportsHandler, { seed: [baseData], timer: sweep })
