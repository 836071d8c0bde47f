import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
// Checkbox and Radio draw their marks with .nut-icon, which takes its size from the icons' own stylesheet
import '@nutui/icons-react-taro/dist/style_icon.css'
import { applyMode, offerElder } from './services/elder'
import { fixH5Semantics } from './utils/a11y'
import './app.scss'

dayjs.locale('zh-cn')

// before the first page renders, so it is drawn in its mode and with its roles
if (process.env.TARO_ENV === 'h5') {
  fixH5Semantics()
  applyMode()
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
    // Taro's browser navigation bar draws its back and home marks as bare divs: say what they are
    if (process.env.TARO_ENV === 'h5') {
      for (const [selector, name] of [['.taro-navigation-bar-back', '返回'], ['.taro-navigation-bar-home', '回到首页']]) {
        document.querySelector(selector)?.setAttribute('role', 'button')
        document.querySelector(selector)?.setAttribute('aria-label', name)
      }
    }
    void offerElder()
  })
  return children
}

export default App
