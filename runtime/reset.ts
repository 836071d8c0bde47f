import { rmSync } from 'node:fs'
import path from 'node:path'

const dataDir = path.resolve(__dirname, '..', process.env.DATA_DIR ?? '.data')
rmSync(dataDir, { recursive: true, force: true })
console.log(`已清空本地数据：${dataDir}。下次 npm start 会重新写入演示数据。`)
