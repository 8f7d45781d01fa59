export default definePageConfig({ navigationBarTitleText: '新人手册与群规' })
