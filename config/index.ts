import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const cloudEnv = process.env.TARO_APP_CLOUD_ENV || 'qunhuo-local'

/** NutUI is drawn at 375 px wide; our own styles at 750. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input ? input.file : undefined
  return file && file.replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qunhuo',
    date: '2025-01-01',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(cloudEnv),
    },
    alias: {
      '@': path.join(root, 'src'),
      '@core': path.join(root, 'cloudfunctions/core'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      // The app shares pure rules with the cloud functions (cloudfunctions/core): compile them too.
      compile: { include: [path.join(root, 'cloudfunctions/core')] },
      // Component styles use their own class prefixes, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      // Pages are lazy chunks; without this each one carries its own copy of NutUI and the shared
      // components. One `nutui` chunk and one `shared` chunk are loaded once and cached.
      webpackChain(chain) {
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            nutui: { test: /[\\/]node_modules[\\/]@nutui[\\/]/, name: 'nutui', priority: 20, chunks: 'all' },
            shared: { minChunks: 2, name: 'shared', priority: 10, chunks: 'async', reuseExistingChunk: true },
          },
        })
      },
      publicPath: '/',
      compile: { include: [path.join(root, 'cloudfunctions/core')] },
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
