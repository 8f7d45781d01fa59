export default definePageConfig({ navigationBarTitleText: '社群设置' })
