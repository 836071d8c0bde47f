export default definePageConfig({
  navigationBarTitleText: '组织的活动',
  enablePullDownRefresh: true
})
