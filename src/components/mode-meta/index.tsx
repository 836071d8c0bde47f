import { PageMeta } from '@tarojs/components'
import { modeStyle } from '@/services/elder'

/**
 * WeChat: gives the page the tokens' variables for 长辈版 and WeChat's font scale as its page-style (a class
 * cannot be put on a mini-program page; Taro lifts PageMeta to the page's top wherever it is rendered). On H5
 * the root class does it (services/elder.ts), so this renders nothing there.
 */
export function ModeMeta() {
  return process.env.TARO_ENV === 'weapp' ? <PageMeta pageStyle={modeStyle()} /> : null
}
