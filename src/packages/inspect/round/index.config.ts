export default definePageConfig({
  navigationBarTitleText: '督查详情',
  enablePullDownRefresh: true
})
