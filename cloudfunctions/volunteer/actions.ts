import { defineAction, type Actions } from '../core/action'
import { createHandler } from '../core/router'
import { candidates, corrections, decideCorrection, finalizeStars, listVolunteers, makeup, publishStars } from './office'
import { cancelActivity, code, confirmRoster, create, exportRoster, organized, publish, reviewAttendance, roster, update } from './organizers'
import { importRoles, previewRoles } from './role-import'
import * as schemas from './schemas'
import { attend } from './attendance'
import { acceptOffer, cancel, certificate, detail, hours, list, me, mine, register, signUp, stars, verify } from './volunteers'

const organizers = ['organizer', 'admin'] as const
const office = ['admin'] as const

export const volunteerActions: Actions<'volunteer'> = {
  register: defineAction({ allow: 'anyone', schema: schemas.register, run: register }),
  me: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => me(ctx) }),
  activities: defineAction({ allow: 'anyone', schema: schemas.list, run: list, atomic: false }),
  activity: defineAction({ allow: 'anyone', schema: schemas.one, run: detail }),
  signUp: defineAction({ allow: ['volunteer'], schema: schemas.one, run: signUp }),
  cancel: defineAction({ allow: ['volunteer'], schema: schemas.one, run: cancel }),
  acceptOffer: defineAction({ allow: ['volunteer'], schema: schemas.one, run: acceptOffer }),
  // not atomic: a wrong code's try must stay counted when the answer is a refusal
  checkIn: defineAction({ allow: ['volunteer'], schema: schemas.attend, run: (input, ctx) => attend('in', input, ctx), atomic: false }),
  checkOut: defineAction({ allow: ['volunteer'], schema: schemas.attend, run: (input, ctx) => attend('out', input, ctx), atomic: false }),
  mine: defineAction({ allow: ['volunteer'], schema: schemas.page, run: mine }),
  hours: defineAction({ allow: ['volunteer'], schema: schemas.page, run: hours }),
  certificate: defineAction({ allow: ['volunteer'], schema: schemas.noPayload, run: (_, ctx) => certificate(ctx) }),
  verify: defineAction({ allow: 'anyone', schema: schemas.verify, run: verify }),
  stars: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => stars(ctx) }),

  create: defineAction({ allow: organizers, schema: schemas.create, run: create }),
  update: defineAction({ allow: organizers, schema: schemas.update, run: update }),
  publish: defineAction({ allow: organizers, schema: schemas.one, run: publish }),
  cancelActivity: defineAction({ allow: organizers, schema: schemas.cancelActivity, run: cancelActivity }),
  organized: defineAction({ allow: organizers, schema: schemas.page, run: organized }),
  code: defineAction({ allow: organizers, schema: schemas.one, run: code }),
  roster: defineAction({ allow: organizers, schema: schemas.one, run: roster }),
  reviewAttendance: defineAction({ allow: organizers, schema: schemas.reviewAttendance, run: reviewAttendance }),
  confirmRoster: defineAction({ allow: organizers, schema: schemas.one, run: confirmRoster }),
  exportRoster: defineAction({ allow: organizers, schema: schemas.one, run: exportRoster, atomic: false }),

  volunteers: defineAction({ allow: office, schema: schemas.volunteers, run: listVolunteers }),
  // Roles change by core/roles, as in users; the import is here because reading a sheet needs exceljs, which
  // this function carries already and users, called at every app start, must not.
  previewRoles: defineAction({ allow: office, schema: schemas.file, run: previewRoles }),
  importRoles: defineAction({ allow: office, schema: schemas.file, run: importRoles }),
  makeup: defineAction({ allow: office, schema: schemas.makeup, run: makeup }),
  corrections: defineAction({ allow: office, schema: schemas.page, run: corrections }),
  decideCorrection: defineAction({ allow: office, schema: schemas.decideCorrection, run: decideCorrection }),
  starCandidates: defineAction({ allow: office, schema: schemas.monthOnly, run: candidates }),
  publishStars: defineAction({ allow: office, schema: schemas.publishStars, run: publishStars }),
  finalizeStars: defineAction({ allow: office, schema: schemas.monthOnly, run: finalizeStars })
}

export const volunteerHandler = createHandler('volunteer', volunteerActions)
