export default definePageConfig({
  navigationBarTitleText: '志愿服务之星',
  enablePullDownRefresh: true
})
