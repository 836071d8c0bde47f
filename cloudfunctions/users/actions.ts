import { createHandler } from '../core/router'
import { defineAction, type Actions } from '../core/action'
import * as schemas from './schemas'
import { inbox, markRead, pointsLedger } from './inbox'
import { grantRole, listUsers, me, revokeRole, updateProfile } from './use-cases'

export const usersActions: Actions<'users'> = {
  me: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => me(ctx) }),
  updateProfile: defineAction({ allow: 'anyone', schema: schemas.updateProfile, run: updateProfile }),
  list: defineAction({ allow: ['admin'], schema: schemas.list, run: listUsers }),
  grantRole: defineAction({ allow: ['admin'], schema: schemas.grantRole, run: grantRole }),
  revokeRole: defineAction({ allow: ['admin'], schema: schemas.revokeRole, run: revokeRole }),
  inbox: defineAction({ allow: 'anyone', schema: schemas.page, run: inbox }),
  markRead: defineAction({ allow: 'anyone', schema: schemas.markRead, run: markRead }),
  points: defineAction({ allow: 'anyone', schema: schemas.page, run: pointsLedger })
}

export const usersHandler = createHandler('users', usersActions)
