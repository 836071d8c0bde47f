export default definePageConfig({
  navigationBarTitleText: '督查',
  enablePullDownRefresh: true
})
