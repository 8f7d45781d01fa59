export default definePageConfig({ navigationBarTitleText: '积分操作记录' })
