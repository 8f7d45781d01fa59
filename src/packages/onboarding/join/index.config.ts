export default definePageConfig({ navigationBarTitleText: '入群答题' })
