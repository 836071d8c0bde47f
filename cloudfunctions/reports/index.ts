import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { reportsHandler } from './actions'
import { sweep } from './daily'
import { pointTypes } from './inspection/seed'

export const main = cloudMain(reportsHandler, { seed: [baseData, pointTypes], timer: sweep })
