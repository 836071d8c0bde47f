import { cloudMain } from '../core/cloud-entry'
import { campaignHandler } from './actions'

export const main = cloudMain(campaignHandler)
