export default definePageConfig({ navigationBarTitleText: '社群公告' })
