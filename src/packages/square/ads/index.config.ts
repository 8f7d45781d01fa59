export default definePageConfig({ navigationBarTitleText: '广告发布申请' })
