export default definePageConfig({ navigationBarTitleText: '我的违规记录' })
