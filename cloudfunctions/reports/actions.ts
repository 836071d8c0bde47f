import { defineAction, type Actions } from '../core/action'
import { createHandler } from '../core/router'
import { fix, queue, requestExtension, sendBack, start } from './department'
import { accept, assign, exportLedger, fixOnSpot, grantExtension, ledger, markDuplicate, refuseExtension, reject, rework, stats, suggest, verify } from './office'
import { confirm, detail, feed, follow, mine, nearby, submit } from './residents'
import * as bulletinSchemas from './bulletins/schemas'
import { exportBulletin } from './bulletins/documents'
import { bulletin, createBulletin, listBulletins, publishBulletin, ranking, refillBulletin, saveBulletin, unitHistory } from './bulletins/use-cases'
import * as orderSchemas from './orders/schemas'
import { acknowledgeOrder, confirmProposal, dismissProposal, issueOrder, listOrders, listProposals, orderCounts, orderDetail, replyOrder } from './orders/use-cases'
import { exportFigures, figures } from './inspection/figures'
import { points, pointTypes, savePoint, savePointType } from './inspection/points'
import { exportPoints, importPoints } from './inspection/points-sheet'
import { drawPoints, myRounds, planRound, round, rounds } from './inspection/rounds'
import * as inspection from './inspection/schemas'
import { checklist, visit } from './inspection/visits'
import * as schemas from './schemas'
import { waiting } from './waiting'
import { cockpit } from './cockpit'

const office = ['admin'] as const
const department = ['handler'] as const
const inspector = ['inspector'] as const

export const reportsActions: Actions<'reports'> = {
  submit: defineAction({ allow: 'anyone', schema: schemas.submit, run: submit }),
  nearby: defineAction({ allow: 'anyone', schema: schemas.nearby, run: nearby }),
  follow: defineAction({ allow: 'anyone', schema: schemas.one, run: follow }),
  mine: defineAction({ allow: 'anyone', schema: schemas.mine, run: mine }),
  detail: defineAction({ allow: 'anyone', schema: schemas.one, run: detail }),
  confirm: defineAction({ allow: 'anyone', schema: schemas.confirm, run: confirm }),
  feed: defineAction({ allow: 'anyone', schema: schemas.feed, run: feed, atomic: false }),

  ledger: defineAction({ allow: office, schema: schemas.ledger, run: ledger }),
  stats: defineAction({ allow: office, schema: schemas.ledgerFilter, run: stats }),
  export: defineAction({ allow: office, schema: schemas.ledgerFilter, run: exportLedger, atomic: false }),
  suggest: defineAction({ allow: office, schema: schemas.one, run: suggest }),
  accept: defineAction({ allow: office, schema: schemas.accept, run: accept }),
  reject: defineAction({ allow: office, schema: schemas.reject, run: reject }),
  markDuplicate: defineAction({ allow: office, schema: schemas.markDuplicate, run: markDuplicate }),
  assign: defineAction({ allow: office, schema: schemas.assign, run: assign }),
  fixOnSpot: defineAction({ allow: office, schema: schemas.fixWithPhotos, run: fixOnSpot }),
  verify: defineAction({ allow: office, schema: schemas.optionalNote, run: verify }),
  rework: defineAction({ allow: office, schema: schemas.reason, run: rework }),
  grantExtension: defineAction({ allow: office, schema: schemas.optionalNote, run: grantExtension }),
  refuseExtension: defineAction({ allow: office, schema: schemas.requiredNote, run: refuseExtension }),

  queue: defineAction({ allow: department, schema: schemas.queue, run: queue }),
  start: defineAction({ allow: department, schema: schemas.optionalNote, run: start }),
  fix: defineAction({ allow: department, schema: schemas.fixWithPhotos, run: fix }),
  sendBack: defineAction({ allow: department, schema: schemas.reason, run: sendBack }),
  requestExtension: defineAction({ allow: department, schema: schemas.requestExtension, run: requestExtension }),

  waiting: defineAction({ allow: [...office, ...department], schema: schemas.noPayload, run: waiting }),
  cockpit: defineAction({ allow: [...office, ...department], schema: schemas.noPayload, run: cockpit }),

  // 督办单: the office issues and decides the sweep's proposals; the unit's handler sees, acknowledges, replies
  issueOrder: defineAction({ allow: office, schema: orderSchemas.issue, run: issueOrder }),
  orders: defineAction({ allow: [...office, ...department], schema: orderSchemas.list, run: listOrders }),
  order: defineAction({ allow: [...office, ...department], schema: orderSchemas.one, run: orderDetail }),
  acknowledgeOrder: defineAction({ allow: department, schema: orderSchemas.one, run: acknowledgeOrder }),
  replyOrder: defineAction({ allow: department, schema: orderSchemas.reply, run: replyOrder }),
  orderProposals: defineAction({ allow: office, schema: orderSchemas.proposals, run: listProposals }),
  confirmProposal: defineAction({ allow: office, schema: orderSchemas.confirm, run: confirmProposal }),
  dismissProposal: defineAction({ allow: office, schema: orderSchemas.dismiss, run: dismissProposal }),
  orderCounts: defineAction({ allow: office, schema: orderSchemas.counts, run: orderCounts }),

  // 通报 and 考核 (./bulletins): the office makes and publishes; units read published bulletins, the ranking and their own history
  createBulletin: defineAction({ allow: office, schema: bulletinSchemas.create, run: createBulletin }),
  bulletin: defineAction({ allow: [...office, ...department], schema: bulletinSchemas.one, run: bulletin }),
  bulletins: defineAction({ allow: [...office, ...department], schema: bulletinSchemas.list, run: listBulletins }),
  saveBulletin: defineAction({ allow: office, schema: bulletinSchemas.save, run: saveBulletin }),
  refillBulletin: defineAction({ allow: office, schema: bulletinSchemas.one, run: refillBulletin }),
  publishBulletin: defineAction({ allow: office, schema: bulletinSchemas.one, run: publishBulletin }),
  exportBulletin: defineAction({ allow: [...office, ...department], schema: bulletinSchemas.exportOne, run: exportBulletin, atomic: false }),
  ranking: defineAction({ allow: [...office, ...department], schema: bulletinSchemas.ranking, run: ranking }),
  unitHistory: defineAction({ allow: [...office, ...department], schema: bulletinSchemas.history, run: unitHistory }),

  // 督查: points, rounds and visits (./inspection), feeding the same ledger
  pointTypes: defineAction({ allow: [...office, ...inspector], schema: inspection.none, run: pointTypes }),
  savePointType: defineAction({ allow: office, schema: inspection.savePointType, run: savePointType }),
  points: defineAction({ allow: office, schema: inspection.points, run: points }),
  savePoint: defineAction({ allow: office, schema: inspection.savePoint, run: savePoint }),
  exportPoints: defineAction({ allow: office, schema: inspection.exportPoints, run: exportPoints, atomic: false }),
  importPoints: defineAction({ allow: office, schema: inspection.importPoints, run: importPoints }),
  rounds: defineAction({ allow: office, schema: inspection.rounds, run: rounds }),
  round: defineAction({ allow: office, schema: inspection.one, run: round }),
  planRound: defineAction({ allow: office, schema: inspection.planRound, run: planRound }),
  drawPoints: defineAction({ allow: office, schema: inspection.drawPoints, run: drawPoints }),
  myRounds: defineAction({ allow: inspector, schema: inspection.none, run: myRounds }),
  checklist: defineAction({ allow: inspector, schema: inspection.checklist, run: checklist }),
  visit: defineAction({ allow: inspector, schema: inspection.visit, run: visit }),
  figures: defineAction({ allow: office, schema: inspection.figures, run: figures }),
  exportFigures: defineAction({ allow: office, schema: inspection.figures, run: exportFigures, atomic: false })
}

export const reportsHandler = createHandler('reports', reportsActions)
