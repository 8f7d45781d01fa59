export default definePageConfig({ navigationBarTitleText: '广场内容结构' })
