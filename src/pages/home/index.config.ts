export default definePageConfig({
  navigationBarTitleText: '群活',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
