export default definePageConfig({
  navigationBarTitleText: '答题统计',
  enablePullDownRefresh: true
})
