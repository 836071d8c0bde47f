export default definePageConfig({
  navigationBarTitleText: '学校与社区',
  enablePullDownRefresh: true
})
