import Taro from '@tarojs/taro'
import { ELDER_KEY } from './elder-key'

/** Set once 长辈版 has been offered, so it is offered once. */
const OFFERED_KEY = 'cwt.elder-offered'
/** From this WeChat font scale on, the first open offers 长辈版 (WeChat's "larger" steps start at 1.12). */
export const LARGE_FONT_SCALE = 1.25

export const isElder = () => Taro.getStorageSync(ELDER_KEY) === true

/** WeChat's font scale (设置 › 字体大小); the browser scales text itself, so H5 answers 1. */
export function fontScale(): number {
  if (process.env.TARO_ENV === 'h5') return 1
  try {
    // in WeChat's answer since base library 2.25, not yet in Taro's types
    return (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }).fontSizeScaleFactor || 1
  } catch {
    return 1
  }
}

/**
 * The tokens' root variables for this mode (src/styles/tokens.scss): PageMeta's page-style on weapp, where no
 * class can be put on the page; written in rpx because pxtransform does not see this string.
 */
export const modeStyle = (elder = isElder()) => `--cwt-font-scale:${fontScale()};${elder ? '--cwt-elder-scale:1.3;--cwt-target:120rpx;' : ''}`

/** On H5 the root class and the font scale go on <html>; tokens.scss reads them. */
export function applyMode() {
  if (process.env.TARO_ENV !== 'h5') return
  document.documentElement.classList.toggle('cwt-elder', isElder())
}

export function setElder(on: boolean) {
  Taro.setStorageSync(ELDER_KEY, on)
  applyMode()
}

/** On the first open with a large WeChat font scale, offers 长辈版 once. */
export async function offerElder() {
  if (Taro.getStorageSync(OFFERED_KEY) || isElder() || fontScale() < LARGE_FONT_SCALE) return
  Taro.setStorageSync(OFFERED_KEY, true)
  const { confirm } = await Taro.showModal({ title: '使用长辈版？', content: '字更大、按钮更大，看得清、点得准。以后可在「我的」里随时切换。', confirmText: '使用', cancelText: '暂不' })
  if (confirm) setElder(true)
}
