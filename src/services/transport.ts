import Taro from '@tarojs/taro'
import type { CallEvent, Result } from '@contract'
import { currentOpenid } from './identity'

/** Carries one call to a cloud function and brings back its answer envelope. */
export type Transport = (fn: string, event: CallEvent) => Promise<Result<unknown>>

const weapp: Transport = async (name, event) => {
  const res = await Taro.cloud.callFunction({ name, data: event as unknown as TaroGeneral.IAnyObject })
  return res.result as Result<unknown>
}

/** The local runtime serves the H5 build and the API from one origin (DESIGN.md §3). */
const h5: Transport = async (fn, event) => {
  const res = await Taro.request<Result<unknown>>({
    url: `/api/${fn}`,
    method: 'POST',
    data: event,
    header: { 'content-type': 'application/json', 'x-openid': currentOpenid() }
  })
  return res.data
}

export const transport: Transport = process.env.TARO_ENV === 'h5' ? h5 : weapp
