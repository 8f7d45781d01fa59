export default definePageConfig({ navigationBarTitleText: '打卡日历' })
