export default definePageConfig({ navigationBarTitleText: '成员档案' })
