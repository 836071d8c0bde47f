export default definePageConfig({
  navigationBarTitleText: '通报',
  enablePullDownRefresh: true
})
