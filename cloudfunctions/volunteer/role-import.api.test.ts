import ExcelJS from 'exceljs'
import { users } from '../core/collections'
import { XLSX } from '../core/expiring'
import { userIdOf } from '../core/identity'
import { startRuntime, type TestRuntime } from '../../test/support/runtime'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime()
  await rt.call('users', 'updateProfile', { nickname: '南宁街道王科长' }, 'wang')
  await rt.call('volunteer', 'register', { realName: '周大海', phone: '13912349876', team: '文昌社区志愿队', birthDate: '1988-03-04' }, 'zhou')
})
afterEach(() => rt.app.close())

async function sheet(rows: string[][], header = ['手机号或昵称', '角色', '部门']) {
  const book = new ExcelJS.Workbook()
  const ws = book.addWorksheet('角色')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  return (await rt.deps.files.put(Buffer.from(await book.xlsx.writeBuffer()), { contentType: XLSX, owner: userIdOf('demo-admin'), purpose: 'import' })).fileId
}

const roles = async (openid: string) => (await users(rt.deps.store).findOne({ _id: userIdOf(openid) }))!

describe('granting roles from a sheet', () => {
  it('when every row is right, then the preview names each person and the import grants each role, recorded in their history', async () => {
    const fileId = await sheet([
      ['南宁街道王科长', '办理人', '城管局'],
      ['13912349876', '组织者', '']
    ])

    const preview = await rt.call('volunteer', 'previewRoles', { fileId }, 'demo-admin')
    expect(preview.body.data).toMatchObject({
      valid: 2,
      invalid: 0,
      rows: [
        { row: 2, status: 'valid', user: { id: userIdOf('wang'), nickname: '南宁街道王科长' }, role: 'handler', department: { id: 'dept-cg' } },
        { row: 3, status: 'valid', user: { id: userIdOf('zhou') }, role: 'organizer', department: null }
      ]
    })
    expect(JSON.stringify(preview.body)).not.toContain('13912349876')
    expect((await roles('wang')).roles).toEqual(['resident'])

    expect((await rt.call('volunteer', 'importRoles', { fileId }, 'demo-admin')).body.data).toEqual({ granted: 2, unchanged: 0 })
    expect(await roles('wang')).toMatchObject({ roles: ['resident', 'handler'], departmentId: 'dept-cg' })
    expect((await roles('wang')).history.at(-1)).toMatchObject({ by: userIdOf('demo-admin'), note: '授予责任单位办理人' })
    expect((await roles('zhou')).roles).toContain('organizer')
  })

  it('when any row is wrong, then each error names its row and column, and nothing is granted', async () => {
    const fileId = await sheet([
      ['南宁街道王科长', '组织者', ''],
      ['13900000000', '组织者', ''],
      ['无此人', '组织者', ''],
      ['南宁街道王科长', '队长', ''],
      ['13912349876', '办理人', ''],
      ['13912349876', '组织者', '城管局']
    ])
    const preview = (await rt.call('volunteer', 'previewRoles', { fileId }, 'demo-admin')).body.data
    expect(preview).toMatchObject({ valid: 1, invalid: 5 })
    expect(preview.rows.map((r: { row: number; errors: { field: string }[] }) => [r.row, r.errors.map((e) => e.field)])).toEqual([
      [2, []],
      [3, ['手机号或昵称']],
      [4, ['手机号或昵称']],
      [5, ['角色']],
      [6, ['部门']],
      [7, ['部门']]
    ])
    expect(preview.rows[1].errors[0].message).toContain('13900000000')

    const refused = await rt.call('volunteer', 'importRoles', { fileId }, 'demo-admin')
    expect(refused).toMatchObject({ status: 409, body: { message: expect.stringContaining('第 3 行') } })
    expect((await roles('wang')).roles).toEqual(['resident'])
    expect((await roles('zhou')).roles).toEqual(['resident', 'volunteer'])
  })

  it('when two volunteers registered with the same phone, then that row asks for the nickname instead', async () => {
    await rt.call('volunteer', 'register', { realName: '周小海', phone: '13912349876', team: '文昌社区志愿队', birthDate: '1990-03-04' }, 'zhou-2')
    const fileId = await sheet([['13912349876', '组织者', '']])
    const preview = (await rt.call('volunteer', 'previewRoles', { fileId }, 'demo-admin')).body.data
    expect(preview.rows[0].errors).toEqual([{ field: '手机号或昵称', message: '有 2 位志愿者用手机号 13912349876 注册，请改填其中那位的昵称' }])
  })

  it('when a sheet lacks a column or someone else uploaded it, or an organizer calls, then it is refused', async () => {
    expect(await rt.call('volunteer', 'previewRoles', { fileId: await sheet([['王', '组织者']], ['昵称', '角色']) }, 'demo-admin')).toMatchObject({ status: 400, body: { message: expect.stringContaining('手机号或昵称') } })
    const fileId = await sheet([['南宁街道王科长', '组织者', '']])
    expect(await rt.call('volunteer', 'importRoles', { fileId }, 'demo-organizer')).toMatchObject({ status: 403 })
    expect((await roles('wang')).roles).toEqual(['resident'])
  })
})
