export default definePageConfig({
  navigationBarTitleText: '测评点位',
  enablePullDownRefresh: true
})
