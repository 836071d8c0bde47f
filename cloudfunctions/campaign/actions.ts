import { createHandler } from '../core/router'
import { defineAction, type Actions } from '../core/action'
import { noPayload } from './schemas'
import { listCategories, listDepartments, overview } from './use-cases'

export const campaignActions: Actions<'campaign'> = {
  overview: defineAction({ allow: 'anyone', schema: noPayload, run: (_, { deps }) => overview(deps) }),
  categories: defineAction({ allow: 'anyone', schema: noPayload, run: (_, { deps }) => listCategories(deps) }),
  departments: defineAction({ allow: 'anyone', schema: noPayload, run: (_, { deps }) => listDepartments(deps) })
}

export const campaignHandler = createHandler('campaign', campaignActions)
