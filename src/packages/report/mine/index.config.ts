export default definePageConfig({
  navigationBarTitleText: '我的随手拍',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80
})
