export default definePageConfig({
  navigationBarTitleText: '补录服务时长'
})
