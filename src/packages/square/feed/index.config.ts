export default definePageConfig({ navigationBarTitleText: '社群广场' })
