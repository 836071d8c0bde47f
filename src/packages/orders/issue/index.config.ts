export default definePageConfig({
  navigationBarTitleText: '开具督办单'
})
