export default definePageConfig({
  navigationBarTitleText: '附近问题',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80
})
