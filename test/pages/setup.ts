// Build-time globals Taro's webpack build defines (FIELD-NOTES: Testing), for pages run in jsdom.
const g = globalThis as Record<string, unknown>
g.ENABLE_INNER_HTML = true
g.ENABLE_ADJACENT_HTML = true
g.ENABLE_SIZE_APIS = false
g.ENABLE_TEMPLATE_CONTENT = true
g.ENABLE_MUTATION_OBSERVER = false
g.ENABLE_CLONE_NODE = true
g.ENABLE_CONTAINS = true
g.DEPRECATED_ADAPTER_COMPONENT = false
g.__TARO_FRAMEWORK__ = 'react'

process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.TARO_APP_CLOUD_ENV = 'qunhuo-test'
