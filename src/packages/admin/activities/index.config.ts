export default definePageConfig({ navigationBarTitleText: '活动与日程' })
