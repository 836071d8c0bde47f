export default definePageConfig({
  navigationBarTitleText: '创文办驾驶舱',
  enablePullDownRefresh: true
})
