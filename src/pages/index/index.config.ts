export default definePageConfig({
  navigationBarTitleText: '创文通',
  // in the browser the page's own red header says what the bar would, so the bar is left out there
  ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'custom' as const } : {}),
  enablePullDownRefresh: true
})
