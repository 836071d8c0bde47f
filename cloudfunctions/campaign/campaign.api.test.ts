import { COUNTER_KEYS, DEMO_IDENTITIES } from '../../types/domain'
import { counters, grids } from '../core/collections'
import { insertAll, startRuntime, type TestRuntime } from '../../test/support/runtime'
import { CATEGORIES, DEPARTMENTS } from '../core/taxonomy'
import { baseData, seedBaseData } from '../core/seed'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime()
})

describe('campaign.overview', () => {
  it('when read after a first start, then it shows the seeded taxonomy and departments and the counters from the store', async () => {
    await counters(rt.deps.store).update({ _id: 'reports' }, { $inc: { value: 41 } })
    const res = await rt.call('campaign', 'overview', {}, 'demo-resident')
    expect(res.status).toBe(200)
    const data = res.body.data
    expect(Object.keys(data.counts).sort()).toEqual([...COUNTER_KEYS].sort())
    expect(data.counts).toMatchObject({ users: DEMO_IDENTITIES.length, reports: 41, activities: 0 })
    expect(data.departments).toBe(DEPARTMENTS.length)
    expect(data.categoryGroups).toEqual([
      { id: 'g1', name: '市容环境', kinds: 8 },
      { id: 'g2', name: '市政设施', kinds: 7 },
      { id: 'g3', name: '交通秩序', kinds: 4 },
      { id: 'g4', name: '小区院落', kinds: 5 },
      { id: 'g5', name: '文明养犬', kinds: 2 },
      { id: 'g6', name: '园林绿化', kinds: 2 },
      { id: 'g7', name: '其他不文明行为', kinds: 1 }
    ])
    expect(data.generatedAt).toBe('2026-11-23T01:00:00.000Z')
  })

  it('when a new person arrives, then the users figure grows by one', async () => {
    await rt.call('users', 'me', {}, 'fresh-face')
    expect((await rt.call('campaign', 'overview', {}, 'demo-resident')).body.data.counts.users).toBe(DEMO_IDENTITIES.length + 1)
  })

  it('when nobody is identified, then it answers 401', async () => {
    expect(await rt.call('campaign', 'overview', {}, null)).toMatchObject({ status: 401, body: { ok: false, code: 'UNAUTHENTICATED' } })
  })

  it('when given a payload it does not take, then it answers 400', async () => {
    expect(await rt.call('campaign', 'overview', { city: 'x' }, 'demo-resident')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } })
  })
})

describe('campaign.categories and departments', () => {
  it('when read, then every kind sits under its group with its default department and deadline', async () => {
    const groups = (await rt.call('campaign', 'categories', {}, 'demo-resident')).body.data
    expect(groups.flatMap((g: { kinds: unknown[] }) => g.kinds)).toHaveLength(CATEGORIES.filter((c) => c.parentId).length)
    expect(groups[1].kinds[0]).toEqual({ id: 'g2-01', name: '井盖破损/缺失', department: { id: 'dept-zj', name: '市住房和城乡建设局' }, deadlineDays: 1 })
    const depts = (await rt.call('campaign', 'departments', {}, 'demo-handler')).body.data
    expect(depts.map((d: { name: string }) => d.name)).toEqual(DEPARTMENTS.map((d) => d.name))
  })

  it('when the office edits the holidays, then anyone can read the calendar; a weekday 调休 is refused', async () => {
    const res = await rt.call('campaign', 'setHolidays', { off: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] }, 'demo-admin')
    expect(res.body.data).toEqual({ off: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] })
    expect((await rt.call('campaign', 'calendar', {}, 'demo-handler')).body.data).toEqual(res.body.data)
    expect(await rt.call('campaign', 'setHolidays', { off: [], workdays: ['2026-10-12'] }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'workdays' }] } })
    expect(await rt.call('campaign', 'setHolidays', { off: [], workdays: [] }, 'demo-handler')).toMatchObject({ status: 403 })
    expect((await rt.call('campaign', 'calendar', {}, 'demo-resident')).body.data.workdays).toEqual(['2026-10-10'])
  })

  it('when the office adds a kind, then it joins its group with its department; a duplicate name or a missing department is refused', async () => {
    const groups = (await rt.call('campaign', 'saveCategory', { name: '违规燃放烟花', parentId: 'g7', departmentId: 'dept-ga', deadlineDays: 1 }, 'demo-admin')).body.data
    expect(groups.find((g: { id: string }) => g.id === 'g7').kinds.map((k: { name: string }) => k.name)).toEqual(['其他不文明行为', '违规燃放烟花'])
    expect(await rt.call('campaign', 'saveCategory', { name: '违规燃放烟花', parentId: 'g7', departmentId: 'dept-ga', deadlineDays: 1 }, 'demo-admin')).toMatchObject({ status: 409 })
    expect(await rt.call('campaign', 'saveCategory', { name: '噪音扰民', parentId: 'g7', deadlineDays: 1 }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'departmentId' }] } })
    expect(await rt.call('campaign', 'saveCategory', { name: '噪音扰民', parentId: 'g7', departmentId: 'dept-ga', deadlineDays: 1 }, 'demo-resident')).toMatchObject({ status: 403 })
  })

  it('when the office saves a grid or the reject reasons, then they are stored; a 2-point grid is refused', async () => {
    const grid = { name: '测试网格', worker: '王强', polygon: [[103.8, 25.49], [103.81, 25.49], [103.81, 25.5]] as [number, number][] }
    expect((await rt.call('campaign', 'saveGrid', grid, 'demo-admin')).body.data.map((g: { name: string }) => g.name)).toContain('测试网格')
    expect(await rt.call('campaign', 'saveGrid', { ...grid, name: '窄网格', polygon: grid.polygon.slice(0, 2) }, 'demo-admin')).toMatchObject({ status: 400, body: { issues: [{ field: 'polygon' }] } })
    expect((await rt.call('campaign', 'setRejectReasons', { reasons: ['重复', '不属实'] }, 'demo-admin')).body.data).toEqual(['重复', '不属实'])
    expect((await rt.call('campaign', 'rejectReasons', {}, 'demo-admin')).body.data).toEqual(['重复', '不属实'])
    expect(await rt.call('campaign', 'setRejectReasons', { reasons: ['重复', '重复'] }, 'demo-admin')).toMatchObject({ status: 400 })
  })

  it('when a city has 1,100 grids, then the settings list every one of them, in name order', async () => {
    const before = await grids(rt.deps.store).count({})
    const polygon: [number, number][] = [[103.8, 25.49], [103.81, 25.49], [103.81, 25.5]]
    await insertAll(rt.deps.store, grids(rt.deps.store), Array.from({ length: 1100 }, (_, i) => ({ _id: `city-grid-${i}`, name: `网格${String(1100 - i).padStart(4, '0')}`, polygon, worker: `网格员${i}` })))
    const listed: string[] = (await rt.call('campaign', 'settings', {}, 'demo-admin')).body.data.grids.map((g: { name: string }) => g.name)
    expect(listed).toHaveLength(before + 1100)
    expect(listed).toEqual([...listed].sort())
    expect(listed.filter((name) => /^网格\d{4}$/.test(name))).toHaveLength(1100)
  })

  it('when the seed runs again, then nothing is duplicated', async () => {
    await seedBaseData(rt.deps, [baseData])
    expect(await rt.deps.store.collection('categories').count({})).toBe(CATEGORIES.length)
    expect(await rt.deps.store.collection('counters').count({})).toBe(COUNTER_KEYS.length)
  })
})
