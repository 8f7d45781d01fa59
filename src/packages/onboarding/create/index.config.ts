export default definePageConfig({ navigationBarTitleText: '创建社群' })
