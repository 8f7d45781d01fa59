export default definePageConfig({ navigationBarTitleText: '入群问卷' })
