export default definePageConfig({ navigationBarTitleText: '违规与申诉' })
