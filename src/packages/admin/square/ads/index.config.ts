export default definePageConfig({ navigationBarTitleText: '广告审核' })
