export default definePageConfig({ navigationBarTitleText: '自我介绍' })
