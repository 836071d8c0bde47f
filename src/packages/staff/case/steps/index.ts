import type { StaffAction } from '../../transitions'
import { accept } from './accept'
import { assign } from './assign'
import { fix } from './fix'
import { fixOnSpot } from './fix-on-spot'
import { grantExtension } from './grant-extension'
import { markDuplicate } from './mark-duplicate'
import { refuseExtension } from './refuse-extension'
import { reject } from './reject'
import { requestExtension } from './request-extension'
import { rework } from './rework'
import { sendBack } from './send-back'
import { start } from './start'
import { verify } from './verify'
import type { Step } from './step'

/** Every staff step on a case, by its move: the form the sheet shows and what it sends. */
export const STEPS: Record<StaffAction, Step> = {
  accept,
  reject,
  markDuplicate,
  assign,
  fixOnSpot,
  grantExtension,
  refuseExtension,
  verify,
  rework,
  start,
  fix,
  requestExtension,
  sendBack
}

export { EMPTY, type Draft } from './step'
