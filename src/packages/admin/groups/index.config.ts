export default definePageConfig({ navigationBarTitleText: '微信群与活码' })
