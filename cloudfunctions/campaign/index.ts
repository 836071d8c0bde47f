import { cloudMain } from '../core/cloud-entry'
import { baseData } from '../core/seed'
import { campaignHandler } from './actions'

export const main = cloudMain(campaignHandler, { seed: [baseData] })
