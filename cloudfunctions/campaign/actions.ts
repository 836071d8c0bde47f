import { defineAction, type Actions } from '../core/action'
import { createHandler } from '../core/router'
import * as schemas from './schemas'
import { calendar, readSettings, rejectReasons, saveCategory, saveDepartment, saveGrid, setHolidays, setAssessmentWeights, setOrderThresholds, setRejectReasons } from './settings'
import { listCategories, listDepartments, overview } from './use-cases'

const office = ['admin'] as const

export const campaignActions: Actions<'campaign'> = {
  overview: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, { deps }) => overview(deps), atomic: false }),
  categories: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, { deps }) => listCategories(deps) }),
  departments: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, { deps }) => listDepartments(deps) }),
  settings: defineAction({ allow: office, schema: schemas.noPayload, run: (_, ctx) => readSettings(ctx) }),
  rejectReasons: defineAction({ allow: office, schema: schemas.noPayload, run: (_, ctx) => rejectReasons(ctx) }),
  calendar: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => calendar(ctx) }),
  saveCategory: defineAction({ allow: office, schema: schemas.saveCategory, run: saveCategory }),
  saveDepartment: defineAction({ allow: office, schema: schemas.saveDepartment, run: saveDepartment }),
  saveGrid: defineAction({ allow: office, schema: schemas.saveGrid, run: saveGrid }),
  setRejectReasons: defineAction({ allow: office, schema: schemas.setRejectReasons, run: setRejectReasons }),
  setHolidays: defineAction({ allow: office, schema: schemas.setHolidays, run: setHolidays }),
  setOrderThresholds: defineAction({ allow: office, schema: schemas.orderThresholds, run: setOrderThresholds }),
  setAssessmentWeights: defineAction({ allow: office, schema: schemas.assessmentWeights, run: setAssessmentWeights })
}

export const campaignHandler = createHandler('campaign', campaignActions)
