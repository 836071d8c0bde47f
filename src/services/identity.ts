import Taro from '@tarojs/taro'
import { DEMO_IDENTITIES } from '@contract'

const KEY = 'cwt.demo-openid'

/** H5 only: which demo identity the local runtime should treat us as. In WeChat the platform says who we are. */
export function currentOpenid(): string {
  const saved = Taro.getStorageSync(KEY)
  return DEMO_IDENTITIES.some((d) => d.openid === saved) ? saved : DEMO_IDENTITIES[0].openid
}

export function switchIdentity(openid: string) {
  Taro.setStorageSync(KEY, openid)
}

export const demoIdentities = DEMO_IDENTITIES
