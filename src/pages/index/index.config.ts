export default definePageConfig({
  navigationBarTitleText: '创文通',
  enablePullDownRefresh: true
})
