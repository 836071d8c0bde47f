import { bulletinsPackage } from './packages/bulletins/routes'
import { cockpitPackage } from './packages/cockpit/routes'
import { inspectPackage } from './packages/inspect/routes'
import { reportPackage } from './packages/report/routes'
import { ordersPackage } from './packages/orders/routes'
import { organizePackage } from './packages/organize/routes'
import { quizPackage } from './packages/quiz/routes'
import { staffPackage } from './packages/staff/routes'
import { volunteerPackage } from './packages/volunteer/routes'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  subPackages: [reportPackage, staffPackage, volunteerPackage, organizePackage, quizPackage, ordersPackage, inspectPackage, bulletinsPackage, cockpitPackage, { root: 'packages/admin', name: 'admin', pages: ['users/index'] }].filter((p) => p.pages.length),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '创文通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    // WeChat draws this bar itself; in the browser Taro draws it, with the way back from a sub-page
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {})
  },
  tabBar: {
    // AA on white, as --cwt-text-hint (the tab bar is native and takes no CSS variable)
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  },
  lazyCodeLoading: 'requiredComponents',
  // what WeChat search may index: public pages only (config/index.ts copies the file into the weapp build)
  sitemapLocation: 'sitemap.json',
  // 随手拍 pins the problem's place; WeChat requires both declarations and the privacy agreement flow.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '用于标注随手拍问题的位置、查看附近的问题和志愿活动现场签到' } },
  __usePrivacyCheck__: true
})
