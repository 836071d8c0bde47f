/**
 * `npm run deploy`: makes a CloudBase environment match the code — the collections of INDEXES with their indexes
 * and permissions, and the functions of cloudbaserc.json from the bundles of `npm run build:functions`. It reads
 * what exists first and changes only what differs, so running it again is safe and finishes what a broken run
 * left. `--dry-run` prints the plan without credentials or network.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { IndexSpec } from '../cloudfunctions/core/ports'
import { INDEXES } from '../cloudfunctions/core/collections'

export const root = path.resolve(__dirname, '..')

export interface Trigger {
  name: string
  type: string
  config: string
}

/** One function in cloudbaserc.json, in the shape @cloudbase/cli reads too. */
export interface FunctionConfig {
  name: string
  timeout: number
  memorySize: number
  runtime: string
  handler: string
  installDependency: boolean
  envVariables: Record<string, string>
  triggers: Trigger[]
}

export interface Rc {
  envId: string
  functionRoot: string
  functions: FunctionConfig[]
}

/**
 * Every collection is 「仅管理端可读写」: the app reaches data only through the functions (which security rules do
 * not bind), so a client has no business reading or writing any collection directly — least of all users
 * (phones, openids), secrets (the check-in key) or reports before the office accepts them.
 */
export const PERMISSION = 'ADMINONLY'

/** A name CloudBase accepts (letters, digits, underscores) that says which fields the index covers. */
export const indexName = (spec: IndexSpec) => spec.fields.map((f) => f.replace(/\./g, '_')).join('_') + (spec.unique ? '_unique' : '')

/** What is there now; unknown (null) in a dry run, where nothing is read. */
export interface Current {
  collections: Set<string>
  /** Per collection, the field lists of its indexes. */
  indexes: Map<string, string[][]>
  permissions: Map<string, string>
  /** Per function present, its environment variables and triggers. */
  functions: Map<string, { env: Record<string, string>; triggers: Trigger[] }>
}

export type Step =
  | { kind: 'collection'; name: string; act: Act }
  | { kind: 'index'; collection: string; spec: IndexSpec; act: Act }
  | { kind: 'permission'; collection: string; act: Act }
  | { kind: 'function'; fn: FunctionConfig; act: Act }
  | { kind: 'trigger'; fn: string; trigger: Trigger; act: Act | 'replace' | 'remove' }

/** create / update: will change; keep: already right; ensure: a dry run, not read (triggers also replace and remove). */
type Act = 'create' | 'update' | 'keep' | 'ensure'

/** cloudbaserc.json with `{{env.NAME}}` taken from the environment, as @cloudbase/cli does; an unset name is empty. */
export function readRc(env: Record<string, string | undefined>, file = path.join(root, 'cloudbaserc.json')): Rc {
  const fill = (text: string) => text.replace(/\{\{env\.(\w+)\}\}/g, (_, name: string) => env[name] ?? '')
  const rc = JSON.parse(readFileSync(file, 'utf8')) as Rc
  return {
    envId: fill(rc.envId),
    functionRoot: path.resolve(root, rc.functionRoot),
    functions: rc.functions.map((fn) => ({ ...fn, envVariables: Object.fromEntries(Object.entries(fn.envVariables).map(([k, v]) => [k, fill(v)])) }))
  }
}

const sameFields = (a: string[], b: string[]) => a.length === b.length && a.every((f, i) => f === b[i])

/**
 * The steps that make the environment match the code. A function's variables keep what is set there (e.g.
 * SUBSCRIBE_TEMPLATES typed in the console) unless cloudbaserc.json gives a value; `admins` join ADMIN_OPENIDS.
 */
export function plan(rc: Rc, current: Current | null, admins: string[] = []): Step[] {
  const steps: Step[] = []
  const known = <T>(ask: (c: Current) => T, decide: (answer: T) => Act): Act => (current ? decide(ask(current)) : 'ensure')
  for (const [name, specs] of Object.entries(INDEXES)) {
    steps.push({ kind: 'collection', name, act: known((c) => c.collections.has(name), (has) => (has ? 'keep' : 'create')) })
    for (const spec of specs) {
      const act = known((c) => c.indexes.get(name) ?? [], (have) => (have.some((fields) => sameFields(fields, spec.fields)) ? 'keep' : 'create'))
      steps.push({ kind: 'index', collection: name, spec, act })
    }
    steps.push({ kind: 'permission', collection: name, act: known((c) => c.permissions.get(name), (p) => (p === PERMISSION ? 'keep' : 'update')) })
  }
  for (const configured of rc.functions) {
    const there = current?.functions.get(configured.name)
    const fn = { ...configured, envVariables: mergeEnv(there?.env ?? {}, configured, admins) }
    steps.push({ kind: 'function', fn, act: current ? (there ? 'update' : 'create') : 'ensure' })
    // CloudBase takes one timer per function, so one left from an older config must go first
    for (const old of there?.triggers.filter((t) => !fn.triggers.some((n) => n.name === t.name)) ?? []) steps.push({ kind: 'trigger', fn: fn.name, trigger: old, act: 'remove' })
    for (const trigger of fn.triggers) {
      const old = there?.triggers.find((t) => t.name === trigger.name)
      const act = !current ? 'ensure' : !old ? 'create' : old.config === trigger.config ? 'keep' : 'replace'
      steps.push({ kind: 'trigger', fn: fn.name, trigger, act })
    }
  }
  return steps
}

function mergeEnv(there: Record<string, string>, fn: FunctionConfig, admins: string[]) {
  const env = { ...there }
  for (const [key, value] of Object.entries(fn.envVariables)) env[key] = value || env[key] || ''
  if (admins.length && fn.name === 'users') {
    const listed = (env.ADMIN_OPENIDS ?? '').split(/[\s,]+/).filter(Boolean)
    env.ADMIN_OPENIDS = [...new Set([...listed, ...admins])].join(',')
  }
  return env
}

const ACT_LABEL = { create: '创建', update: '更新', keep: '已就绪', ensure: '缺则创建', replace: '替换', remove: '删除' } as const
/** In a dry run nothing is read, so each kind says what it will do either way. */
const label = (step: Step) =>
  step.act !== 'ensure' ? ACT_LABEL[step.act] : step.kind === 'permission' ? '不符则设置' : step.kind === 'function' ? '创建或更新' : ACT_LABEL.ensure

/** The plan as people read it: one line per collection and per function. */
export function render(steps: Step[]): string[] {
  const lines: string[] = []
  const collections = steps.filter((s) => s.kind === 'collection')
  lines.push(`集合（${collections.length} 个，权限一律「仅管理端可读写」${PERMISSION}：小程序只经云函数读写数据）`)
  for (const c of collections) {
    const indexes = steps.filter((s): s is Extract<Step, { kind: 'index' }> => s.kind === 'index' && s.collection === c.name)
    const permission = steps.find((s): s is Extract<Step, { kind: 'permission' }> => s.kind === 'permission' && s.collection === c.name)!
    const list = indexes.map((i) => `${indexName(i.spec)}(${label(i)})`).join(' ') || '无'
    lines.push(`  ${c.name.padEnd(15)} ${label(c)}  权限 ${label(permission)}  索引 ${list}`)
  }
  const fns = steps.filter((s): s is Extract<Step, { kind: 'function' }> => s.kind === 'function')
  lines.push(`云函数（${fns.length} 个，代码取自 npm run build:functions 的输出，云端安装依赖）`)
  for (const step of fns) {
    const { fn } = step
    const triggers = steps.filter((s): s is Extract<Step, { kind: 'trigger' }> => s.kind === 'trigger' && s.fn === fn.name)
    const env = Object.entries(fn.envVariables).map(([key, value]) => (value ? key : `${key}(未设置)`)).join(', ') || '无'
    const timers = triggers.map((t) => `${t.trigger.name} "${t.trigger.config}"(${label(t)})`).join(' ') || '无'
    lines.push(`  ${fn.name.padEnd(10)} ${label(step)}  ${fn.runtime}  超时 ${fn.timeout} s  内存 ${fn.memorySize} MB  安装依赖 ${fn.installDependency ? '是' : '否'}  定时触发器 ${timers}  环境变量 ${env}`)
  }
  return lines
}

type CloudBase = import('@cloudbase/manager-node')

const cronOf = (desc: string) => {
  try {
    return (JSON.parse(desc) as { cron?: string }).cron ?? desc
  } catch {
    return desc
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Reads the environment: its collections, their indexes and permissions, and each function's variables and triggers. */
export async function readCurrent(app: CloudBase, rc: Rc): Promise<Current> {
  const names = Object.keys(INDEXES)
  // the first 100 (the API's page); one beyond it is taken for missing, which createCollectionIfNotExists makes harmless
  const { Collections } = await app.database.listCollections()
  const collections = new Set(Collections.map((c) => c.CollectionName))
  const indexes = new Map<string, string[][]>()
  for (const name of names.filter((n) => collections.has(n))) {
    const { Indexes = [] } = await app.database.describeCollection(name)
    indexes.set(name, Indexes.map((index) => index.Keys.map((key) => key.Name ?? '')))
  }
  const permissions = new Map<string, string>()
  // an environment on the newer access engine does not answer this; its permissions are then set anyway
  const described = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: names }).catch(() => null)
  for (const p of described?.Data.PermissionList ?? []) if (p.Resource && p.Permission) permissions.set(p.Resource, p.Permission)
  const functions = new Map<string, { env: Record<string, string>; triggers: Trigger[] }>()
  for (const { name } of rc.functions) {
    try {
      const detail = await app.functions.getFunctionDetail(name)
      functions.set(name, {
        env: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (detail.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: cronOf(t.TriggerDesc) }))
      })
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith('ResourceNotFound')) throw error
    }
  }
  return { collections, indexes, permissions, functions }
}

/** Carries out the steps that change something; a failed step is reported and the rest still run, so a second run only has the failures left. */
export async function apply(app: CloudBase, rc: Rc, steps: Step[], log: (line: string) => void): Promise<string[]> {
  const failed: string[] = []
  const created = new Set<string>()
  const run = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work()
      log(`  ✓ ${label}`)
    } catch (error) {
      failed.push(`${label}：${message(error)}`)
      log(`  ✗ ${label}：${message(error)}`)
    }
  }
  for (const step of steps) {
    if (step.act === 'keep') continue
    if (step.kind === 'collection') await run(`集合 ${step.name}`, () => app.database.createCollectionIfNotExists(step.name))
    if (step.kind === 'index') {
      const { spec } = step
      const index = { IndexName: indexName(spec), MgoKeySchema: { MgoIndexKeys: spec.fields.map((Name) => ({ Name, Direction: '1' })), MgoIsUnique: !!spec.unique } }
      await run(`索引 ${step.collection}.${index.IndexName}`, () => app.database.updateCollection(step.collection, { CreateIndexes: [index] }))
    }
    if (step.kind === 'permission') {
      await run(`权限 ${step.collection} → ${PERMISSION}`, () => app.permission.modifyResourcePermission({ resourceType: 'collection', resource: step.collection, permission: PERMISSION }))
    }
    if (step.kind === 'function') {
      const { fn } = step
      if (step.act === 'create') {
        created.add(fn.name)
        await run(`云函数 ${fn.name}（新建，含定时触发器）`, () => app.functions.createFunction({ func: fn, functionRootPath: rc.functionRoot }))
      } else {
        await run(`云函数 ${fn.name}（更新代码与配置）`, async () => {
          await app.functions.updateFunctionCode({ func: fn, functionRootPath: rc.functionRoot })
          await app.functions.waitFunctionActive(fn.name)
          await app.functions.updateFunctionConfig(fn)
          await app.functions.waitFunctionActive(fn.name)
        })
      }
    }
    if (step.kind === 'trigger' && !created.has(step.fn)) {
      const { fn, trigger } = step
      await run(`触发器 ${fn}.${trigger.name}`, async () => {
        if (step.act === 'replace' || step.act === 'remove') await app.functions.deleteFunctionTrigger(fn, trigger.name)
        if (step.act !== 'remove') await app.functions.createFunctionTriggers(fn, [trigger])
      })
    }
  }
  return failed
}

export interface Io {
  env: Record<string, string | undefined>
  log: (line: string) => void
  /** Opens the environment with the credentials; the deploy asks for it only when not a dry run. */
  connect?: (options: { envId: string; secretId: string; secretKey: string; token?: string }) => Promise<CloudBase>
  /** Bundles the functions (npm run build:functions) before they are uploaded. */
  build?: () => Promise<void>
}

const USAGE = '用法：npm run deploy -- [--dry-run] [--env <环境 ID>] [--admin <openid>]…'

/** `npm run deploy`; answers the exit code. */
export async function deploy(args: string[], io: Io): Promise<number> {
  const { parseArgs } = await import('node:util')
  let options: { 'dry-run'?: boolean; env?: string; admin?: string[] }
  try {
    options = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, env: { type: 'string' }, admin: { type: 'string', multiple: true } } }).values
  } catch (error) {
    io.log(`${message(error)}\n${USAGE}`)
    return 2
  }
  const admins = options.admin ?? []
  const bad = admins.find((openid) => !/^[\w-]{6,64}$/.test(openid))
  if (bad !== undefined) {
    io.log(`「${bad}」不是 openid（小程序用户的 openid 由字母、数字、- 和 _ 组成，通常 28 位）\n${USAGE}`)
    return 2
  }
  const rc = readRc(io.env)
  const envId = options.env || rc.envId
  if (options['dry-run']) {
    io.log(`部署计划（--dry-run：不连接云端，不读取凭据；环境 ${envId || '未指定'}）`)
    for (const line of render(plan(rc, null, admins))) io.log(line)
    if (admins.length) io.log(`首个管理员：${admins.join(', ')} 写入云函数 users 的 ADMIN_OPENIDS，其下一次调用时授予管理员角色`)
    return 0
  }
  const secretId = io.env.TENCENTCLOUD_SECRETID
  const secretKey = io.env.TENCENTCLOUD_SECRETKEY
  if (!envId || !secretId || !secretKey) {
    io.log('缺少部署所需的设置：CLOUD_ENV（或 --env，云开发环境 ID）、TENCENTCLOUD_SECRETID 与 TENCENTCLOUD_SECRETKEY（腾讯云控制台 → 访问管理 → API 密钥）。先看计划：npm run deploy -- --dry-run')
    return 2
  }
  await io.build?.()
  const app = await io.connect!({ envId, secretId, secretKey, token: io.env.TENCENTCLOUD_SESSIONTOKEN })
  io.log(`读取环境 ${envId} 的现状…`)
  const steps = plan(rc, await readCurrent(app, rc), admins)
  for (const line of render(steps)) io.log(line)
  io.log('执行：')
  const failed = await apply(app, rc, steps, io.log)
  if (failed.length) {
    io.log(`有 ${failed.length} 步没有完成（其余已完成）。修正后再运行 npm run deploy，只会补做缺的部分：\n  ${failed.join('\n  ')}`)
    return 1
  }
  io.log(`环境 ${envId} 已与代码一致。${admins.length ? '首个管理员在其下一次打开小程序时生效。' : ''}`)
  return 0
}
