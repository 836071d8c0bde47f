export default definePageConfig({
  navigationBarTitleText: '证明查验'
})
