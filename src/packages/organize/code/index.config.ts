export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#c8161d'
})
