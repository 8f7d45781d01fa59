export default definePageConfig({ navigationBarTitleText: '今日任务' })
