import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { precompress } from './static'

const root = path.resolve(__dirname, '..')
export const H5_DIR = path.resolve(root, process.env.TARO_OUTPUT ?? path.join('dist', 'h5'))

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))))
}

/**
 * Builds the H5 app when it is missing or older than its sources, then writes the compressed siblings the
 * runtime serves (also for a build made by `taro build` directly); answers false when the build failed.
 */
export async function ensureH5Build(): Promise<boolean> {
  const built = newestChange(path.join(H5_DIR, 'index.html'))
  const sources = Math.max(...['src', 'types', 'config', 'babel.config.js', 'package.json'].map((p) => newestChange(path.join(root, p))))
  if (built <= sources) {
    console.log(built ? 'H5 页面的源码有改动，正在重新构建…' : '正在构建 H5 页面（约 40 秒）…')
    const taro = createRequire(__filename).resolve('@tarojs/cli/bin/taro')
    if (spawnSync(process.execPath, [taro, 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' }).status !== 0) return false
  }
  const started = Date.now()
  const written = await precompress(H5_DIR)
  if (written) console.log(`H5 页面已预压缩（brotli + gzip，${written} 个文件，${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
  return true
}
