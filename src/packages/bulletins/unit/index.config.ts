export default definePageConfig({
  navigationBarTitleText: '单位考核',
  enablePullDownRefresh: true
})
