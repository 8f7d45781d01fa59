export default definePageConfig({ navigationBarTitleText: '社群信息' })
