export default definePageConfig({ navigationBarTitleText: '团队与角色' })
