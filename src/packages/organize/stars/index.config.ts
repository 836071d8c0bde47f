export default definePageConfig({
  navigationBarTitleText: '志愿服务之星评选',
  enablePullDownRefresh: true
})
