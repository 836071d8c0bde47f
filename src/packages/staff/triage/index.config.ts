export default definePageConfig({
  navigationBarTitleText: '待受理',
  enablePullDownRefresh: true
})
