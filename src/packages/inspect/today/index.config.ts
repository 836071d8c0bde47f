export default definePageConfig({
  navigationBarTitleText: '今日督查',
  enablePullDownRefresh: true
})
