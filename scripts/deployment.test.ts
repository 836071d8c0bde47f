import { readFileSync } from 'node:fs'
import path from 'node:path'
import { INDEXES } from '../cloudfunctions/core/collections'
import { functions } from '../cloudfunctions/registry'
import { deploy, indexName, plan, readRc, root, type Current, type Step } from './deployment'

/** The deploy as `npm run deploy` runs it, offline: what it printed, which variables it read, whether it tried to connect. */
async function run(args: string[], vars: Record<string, string> = {}) {
  const read: string[] = []
  const env = new Proxy(vars, {
    get(target, key: string) {
      read.push(key)
      return target[key]
    }
  })
  const lines: string[] = []
  let connected = false
  const code = await deploy(args, {
    env,
    log: (line) => lines.push(line),
    connect: async () => {
      connected = true
      throw new Error('the test has no cloud')
    }
  })
  return { code, out: lines.join('\n'), read, connected }
}

const configJson = (name: string) => JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8')) as { triggers?: unknown[] }

describe('npm run deploy -- --dry-run', () => {
  it('when run without credentials, then it prints every collection, index, permission and function of the code, and neither reads credentials nor connects', async () => {
    const { code, out, read, connected } = await run(['--dry-run'], { CLOUD_ENV: 'cwt-1a2b3c', TENCENTCLOUD_SECRETID: 'AKID-should-not-be-read', TENCENTCLOUD_SECRETKEY: 'nor-this' })

    expect(code).toBe(0)
    expect(connected).toBe(false)
    expect(read.filter((key) => key.startsWith('TENCENTCLOUD'))).toEqual([])
    expect(out).toContain('环境 cwt-1a2b3c')
    expect(out).toContain(`集合（${Object.keys(INDEXES).length} 个`)
    for (const [collection, specs] of Object.entries(INDEXES)) {
      const line = out.split('\n').find((l) => l.trimStart().startsWith(`${collection} `))
      expect(line).toContain('权限 不符则设置')
      for (const spec of specs) expect(line).toContain(`${indexName(spec)}(缺则创建)`)
    }
    for (const name of Object.keys(functions)) expect(out).toMatch(new RegExp(`^  ${name} +创建或更新  Nodejs\\S+  超时 \\d+ s  内存 \\d+ MB  安装依赖 是`, 'm'))
  })

  it('when an admin is named, then the plan gives the users function ADMIN_OPENIDS', async () => {
    const { code, out } = await run(['--dry-run', '--admin', 'oWx-7a1b2c3d4e5f6g7h8i9j0k1l2m'])

    expect(code).toBe(0)
    expect(out).toMatch(/^ {2}users .*环境变量 ADMIN_OPENIDS$/m)
    expect(out).toContain('首个管理员：oWx-7a1b2c3d4e5f6g7h8i9j0k1l2m')
  })

  it('when the admin is not an openid, then it says so and plans nothing', async () => {
    const { code, out } = await run(['--dry-run', '--admin', 'o 1;drop'])

    expect(code).toBe(2)
    expect(out).toContain('「o 1;drop」不是 openid')
    expect(out).not.toContain('集合')
  })

  it('when not a dry run and the credentials are missing, then it names what is missing and does not connect', async () => {
    const { code, out, connected } = await run([], { CLOUD_ENV: 'cwt-1a2b3c' })

    expect(code).toBe(2)
    expect(connected).toBe(false)
    expect(out).toContain('TENCENTCLOUD_SECRETID')
  })
})

describe('cloudbaserc.json', () => {
  it('when read, then it names every function of the registry, each with the triggers of its config.json, a timeout and memory', () => {
    const rc = readRc({})

    expect(rc.functions.map((f) => f.name).sort()).toEqual(Object.keys(functions).sort())
    for (const fn of rc.functions) {
      expect(fn.triggers).toEqual(configJson(fn.name).triggers ?? [])
      expect(fn.timeout).toBeGreaterThanOrEqual(20)
      expect(fn.timeout).toBeLessThanOrEqual(60)
      expect(fn.memorySize).toBeGreaterThanOrEqual(256)
      expect(fn.installDependency).toBe(true)
    }
  })
})

describe('the plan against an environment', () => {
  const rc = readRc({ SUBSCRIBE_TEMPLATES: '' })
  /** An environment that already holds everything the code asks for, e.g. after a first deploy. */
  const deployed = (): Current => ({
    collections: new Set(Object.keys(INDEXES)),
    indexes: new Map(Object.entries(INDEXES).map(([name, specs]) => [name, [['_id'], ...specs.map((s) => s.fields)]])),
    permissions: new Map(Object.keys(INDEXES).map((name) => [name, 'ADMINONLY'])),
    functions: new Map(rc.functions.map((f) => [f.name, { env: { ...f.envVariables }, triggers: f.triggers }]))
  })
  const changes = (steps: Step[]) => steps.filter((s) => s.act !== 'keep')

  it('when everything is in place, then it changes nothing but the functions code and configuration', () => {
    const steps = changes(plan(rc, deployed()))

    expect(steps.map((s) => s.kind)).toEqual(rc.functions.map(() => 'function'))
    expect(steps.every((s) => s.act === 'update')).toBe(true)
  })

  it('when a collection, an index, a permission and triggers are missing, wrong or left over, then only those are planned', () => {
    const current = deployed()
    current.collections.delete('quizTallies')
    current.indexes.delete('quizTallies')
    current.indexes.set('reports', [['status', 'createdAt']])
    current.permissions.set('secrets', 'PRIVATE')
    current.functions.set('reports', { env: {}, triggers: [{ name: 'hourly-sweep', type: 'timer', config: '0 0 */2 * * * *' }] })
    current.functions.set('volunteer', { env: {}, triggers: [{ name: 'sweep', type: 'timer', config: '0 0 * * * * *' }] })
    current.functions.delete('quiz')

    const steps = changes(plan(rc, current)).filter((s) => s.kind !== 'function' || s.act === 'create')
    const names = steps.map((s) =>
      s.kind === 'collection' ? `collection ${s.name}` : s.kind === 'index' ? `index ${s.collection}.${indexName(s.spec)}` : s.kind === 'permission' ? `permission ${s.collection}` : s.kind === 'trigger' ? `${s.act} ${s.fn}.${s.trigger.name}` : `create ${s.fn.name}`
    )

    expect(names).toEqual([
      ...INDEXES.reports.slice(1).map((spec) => `index reports.${indexName(spec)}`),
      'permission secrets',
      'collection quizTallies',
      ...INDEXES.quizTallies.map((spec) => `index quizTallies.${indexName(spec)}`),
      'replace reports.hourly-sweep',
      'remove volunteer.sweep',
      'create volunteer.hourly-sweep',
      'create quiz',
      'create quiz.hourly-sweep'
    ])
  })

  it('when the console holds a variable the command line does not set, then it is kept, and a named admin joins those already listed once', () => {
    const current = deployed()
    current.functions.set('reports', { env: { SUBSCRIBE_TEMPLATES: '{"report.accepted":"tpl-1"}' }, triggers: [] })
    current.functions.set('users', { env: { ADMIN_OPENIDS: 'oFirst-admin-000' }, triggers: [] })

    const fns = plan(rc, current, ['oSecond-admin-11', 'oFirst-admin-000']).filter((s): s is Extract<Step, { kind: 'function' }> => s.kind === 'function')

    expect(fns.find((s) => s.fn.name === 'reports')?.fn.envVariables).toEqual({ SUBSCRIBE_TEMPLATES: '{"report.accepted":"tpl-1"}' })
    expect(fns.find((s) => s.fn.name === 'users')?.fn.envVariables).toEqual({ ADMIN_OPENIDS: 'oFirst-admin-000,oSecond-admin-11' })
  })
})

/**
 * A CloudBase environment in memory, answering the manager-node calls the deploy makes in the shapes its types
 * give (timer triggers come back with their cron in a JSON TriggerDesc, as SCF answers). `failOnce` makes the
 * named call fail the first time, as a dropped connection would.
 */
function environment(failOnce: string[] = []) {
  const collections = new Map<string, { IndexName: string; fields: string[]; unique: boolean }[]>()
  const permissions = new Map<string, string>()
  const fns = new Map<string, { func: Record<string, unknown>; path: string; env: Record<string, string>; triggers: { TriggerName: string; Type: string; TriggerDesc: string }[] }>()
  const writes: string[] = []
  const write = (call: string) => {
    const failing = failOnce.indexOf(call)
    if (failing >= 0) {
      failOnce.splice(failing, 1)
      throw new Error('socket hang up')
    }
    writes.push(call)
  }
  const withTriggers = (name: string, triggers: { name: string; type: string; config: string }[]) =>
    fns.get(name)!.triggers.push(...triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) })))
  const app = {
    database: {
      listCollections: async () => ({ Collections: [...collections.keys()].map((CollectionName) => ({ CollectionName })) }),
      describeCollection: async (name: string) => ({ Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...collections.get(name)!.map((i) => ({ Name: i.IndexName, Keys: i.fields.map((Name) => ({ Name, Direction: '1' })), Unique: i.unique }))] }),
      createCollectionIfNotExists: async (name: string) => {
        write(`collection ${name}`)
        if (!collections.has(name)) collections.set(name, [])
      },
      updateCollection: async (name: string, { CreateIndexes }: { CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string }[]; MgoIsUnique: boolean } }[] }) => {
        for (const index of CreateIndexes) {
          write(`index ${name}.${index.IndexName}`)
          collections.get(name)!.push({ IndexName: index.IndexName, fields: index.MgoKeySchema.MgoIndexKeys.map((k) => k.Name), unique: index.MgoKeySchema.MgoIsUnique })
        }
      }
    },
    permission: {
      describeResourcePermission: async ({ resources }: { resources: string[] }) => ({
        Data: { PermissionList: resources.filter((r) => collections.has(r)).map((Resource) => ({ Resource, Permission: permissions.get(Resource) ?? 'PRIVATE' })) }
      }),
      modifyResourcePermission: async ({ resource, permission }: { resource: string; permission: string }) => {
        write(`permission ${resource}`)
        permissions.set(resource, permission)
      }
    },
    functions: {
      getFunctionDetail: async (name: string) => {
        const fn = fns.get(name)
        if (!fn) throw Object.assign(new Error(`函数 ${name} 不存在`), { code: 'ResourceNotFound.Function' })
        return { Environment: { Variables: Object.entries(fn.env).map(([Key, Value]) => ({ Key, Value })) }, Triggers: fn.triggers }
      },
      createFunction: async ({ func, functionRootPath }: { func: { name: string; envVariables: Record<string, string>; triggers: [] }; functionRootPath: string }) => {
        write(`create ${func.name}`)
        fns.set(func.name, { func, path: path.join(functionRootPath, func.name), env: { ...func.envVariables }, triggers: [] })
        withTriggers(func.name, func.triggers)
      },
      updateFunctionCode: async ({ func }: { func: { name: string } }) => write(`code ${func.name}`),
      updateFunctionConfig: async (func: { name: string; envVariables: Record<string, string> }) => {
        write(`config ${func.name}`)
        fns.get(func.name)!.env = { ...func.envVariables }
      },
      waitFunctionActive: async () => undefined,
      deleteFunctionTrigger: async (name: string, trigger: string) => {
        write(`delete trigger ${name}.${trigger}`)
        fns.get(name)!.triggers = fns.get(name)!.triggers.filter((t) => t.TriggerName !== trigger)
      },
      createFunctionTriggers: async (name: string, triggers: { name: string; type: string; config: string }[]) => {
        write(`trigger ${name}.${triggers.map((t) => t.name).join()}`)
        withTriggers(name, triggers)
      }
    }
  }
  return { app, collections, permissions, fns, writes }
}

describe('npm run deploy against an environment', () => {
  const keys = { CLOUD_ENV: 'cwt-1a2b3c', TENCENTCLOUD_SECRETID: 'AKID-test', TENCENTCLOUD_SECRETKEY: 'secret' }
  const deployTo = async (cloud: ReturnType<typeof environment>, args: string[] = [], vars: Record<string, string> = {}) => {
    const lines: string[] = []
    const opened: Record<string, unknown>[] = []
    let built = 0
    const code = await deploy(args, {
      env: { ...keys, ...vars },
      log: (line) => lines.push(line),
      build: async () => void built++,
      connect: async (options) => {
        opened.push(options)
        return cloud.app as never
      }
    })
    return { code, out: lines.join('\n'), opened, built }
  }

  it('when the environment is new, then it gets every collection, index, permission, function and trigger, and a second run changes only the functions', async () => {
    const cloud = environment()

    const first = await deployTo(cloud)
    expect(first).toMatchObject({ code: 0, built: 1, opened: [{ envId: 'cwt-1a2b3c', secretId: 'AKID-test', secretKey: 'secret' }] })
    expect([...cloud.collections.keys()].sort()).toEqual(Object.keys(INDEXES).sort())
    for (const [name, specs] of Object.entries(INDEXES)) {
      expect(cloud.collections.get(name)!.map((i) => i.fields)).toEqual(specs.map((s) => s.fields))
      expect(cloud.permissions.get(name)).toBe('ADMINONLY')
    }
    expect(cloud.collections.get('volunteers')![0]).toMatchObject({ fields: ['certificateNo'], unique: true })
    for (const name of Object.keys(functions)) {
      expect(cloud.fns.get(name)).toMatchObject({ path: path.join(root, 'dist', 'functions', name), func: { timeout: expect.any(Number), memorySize: expect.any(Number), installDependency: true } })
      expect(cloud.fns.get(name)!.triggers.map((t) => JSON.parse(t.TriggerDesc).cron)).toEqual((configJson(name).triggers ?? []).map((t) => (t as { config: string }).config))
    }

    cloud.writes.length = 0
    const second = await deployTo(cloud)
    expect(second.code).toBe(0)
    expect(cloud.writes).toEqual(readRc({}).functions.flatMap((f) => [`code ${f.name}`, `config ${f.name}`]))
  })

  it('when calls fail part way, then the rest still run, the run exits 1 naming them, and the next run does only what is left', async () => {
    const cloud = environment(['permission secrets', 'index reports.deadline', 'create quiz'])

    const broken = await deployTo(cloud)
    expect(broken.code).toBe(1)
    expect(broken.out).toContain('有 3 步没有完成')
    expect(broken.out).toMatch(/✗ 权限 secrets → ADMINONLY：socket hang up/)
    expect(cloud.fns.has('volunteer')).toBe(true)

    cloud.writes.length = 0
    expect((await deployTo(cloud)).code).toBe(0)
    expect(cloud.writes.filter((w) => !/^(code|config) /.test(w))).toEqual(['index reports.deadline', 'permission secrets', 'create quiz'])
    expect(cloud.permissions.get('secrets')).toBe('ADMINONLY')
  })

  it('when an admin is named and the console holds a template setting, then the users function lists the admin and the setting stays', async () => {
    const cloud = environment()
    await deployTo(cloud)
    cloud.fns.get('reports')!.env.SUBSCRIBE_TEMPLATES = '{"report.accepted":"tpl-1"}'
    cloud.fns.get('reports')!.triggers[0].TriggerDesc = JSON.stringify({ cron: '0 0 */2 * * * *' })

    const { code } = await deployTo(cloud, ['--admin', 'oWx-7a1b2c3d4e5f6g7h8i9j0k1l2m'])

    expect(code).toBe(0)
    expect(cloud.fns.get('users')!.env).toEqual({ ADMIN_OPENIDS: 'oWx-7a1b2c3d4e5f6g7h8i9j0k1l2m' })
    expect(cloud.fns.get('reports')!.env).toEqual({ SUBSCRIBE_TEMPLATES: '{"report.accepted":"tpl-1"}' })
    expect(cloud.fns.get('reports')!.triggers.map((t) => JSON.parse(t.TriggerDesc).cron)).toEqual(['0 0 * * * * *'])
  })
})
