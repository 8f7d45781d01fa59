export default definePageConfig({ navigationBarTitleText: '成员活跃度' })
