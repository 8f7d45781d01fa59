export default definePageConfig({ navigationBarTitleText: '我的活跃度' })
