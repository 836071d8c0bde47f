export default definePageConfig({
  navigationBarTitleText: '本单位待办',
  enablePullDownRefresh: true
})
