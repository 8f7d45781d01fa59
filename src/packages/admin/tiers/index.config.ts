export default definePageConfig({ navigationBarTitleText: '成员分层' })
