import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// NutUI is drawn at 375 px; our own styles at 750.
const designWidth = (input?: string | number | { file?: string }) =>
  typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750

// The shared contract lives outside src, so Babel must be told to compile it too.
const compile = { include: [path.resolve(__dirname, '..', 'types')] }

// TARO_OUTPUT lets parallel builds (several worktrees, a watcher) write to their own folders.
const outputRoot = process.env.TARO_OUTPUT ?? `dist/${process.env.TARO_ENV}`

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chuangwentong',
    date: '2026-11-23',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? '') },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': path.resolve(__dirname, '..', 'types')
    },
    copy: { patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }] : [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true }
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
