export default definePageConfig({
  navigationBarTitleText: '点位督查'
})
