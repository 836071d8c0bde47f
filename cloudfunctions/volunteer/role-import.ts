import type { DepartmentRef, RoleImportPreview, RoleImportRow } from '../../types/api'
import { ROLE_LABELS, type Role } from '../../types/domain'
import type { ActionContext } from '../core/action'
import { AppError, conflict } from '../core/errors'
import { GRANTABLE, grant } from '../core/roles'
import { readSheet } from '../core/sheets'
import { volunteerRepository } from './repository'

export const ROLE_COLUMNS = ['手机号或昵称', '角色', '部门'] as const
/** A preview the office can read row by row; a bigger list goes in several files. */
const MAX_ROWS = 500

/** The words an office types for a role: its short name or the app's full label (责任单位办理人). */
const SHORT: Partial<Record<Role, string>> = { handler: '办理人', organizer: '组织者', admin: '管理员' }
const ROLE_BY_LABEL = new Map(GRANTABLE.flatMap((r) => [[ROLE_LABELS[r], r] as const, [SHORT[r] ?? ROLE_LABELS[r], r] as const]))

/** Each row checked: who it names (an 11-digit phone of a registered volunteer, or one user's exact nickname), the role, the department. */
export async function previewRoles(input: { fileId: string }, ctx: ActionContext): Promise<RoleImportPreview> {
  const rows = await readSheet(ctx, input.fileId, ROLE_COLUMNS)
  if (!rows.length) throw new AppError('VALIDATION_FAILED', '文件中没有要授予的角色', [{ field: 'fileId', message: '文件中没有数据行' }])
  if (rows.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `一个文件最多 ${MAX_ROWS} 行，请拆分后分批导入`, [{ field: 'fileId', message: `超过 ${MAX_ROWS} 行` }])
  const repo = volunteerRepository(ctx.deps.store)
  const names = rows.map((r) => r.cells[0])
  const [byPhone, byNickname, departments] = await Promise.all([repo.usersByPhone(names.filter(isPhone)), repo.usersByNickname(names.filter((n) => n && !isPhone(n))), repo.departments()])
  const seen = new Map<string, number>()
  const checked = rows.map(({ row, cells: [who, roleText, deptText] }): RoleImportRow => {
    const errors: RoleImportRow['errors'] = []
    const found = isPhone(who) ? byPhone.get(who) : byNickname.get(who)
    if (!who) errors.push({ field: '手机号或昵称', message: '请填写手机号或昵称' })
    else if (isPhone(who) && !found) errors.push({ field: '手机号或昵称', message: `没有用手机号 ${who} 注册的志愿者；未注册志愿者的用户请填昵称` })
    else if (!found) errors.push({ field: '手机号或昵称', message: `没有昵称为“${who}”的用户` })
    else if (found.length > 1 && isPhone(who)) errors.push({ field: '手机号或昵称', message: `有 ${found.length} 位志愿者用手机号 ${who} 注册，请改填其中那位的昵称` })
    else if (found.length > 1) errors.push({ field: '手机号或昵称', message: `有 ${found.length} 位用户昵称为“${who}”，请改填手机号或让其改昵称` })
    const role = ROLE_BY_LABEL.get(roleText) ?? null
    if (!role) errors.push({ field: '角色', message: roleText === ROLE_LABELS.resident ? '市民是每个用户的基本角色，无需授予' : `${roleText ? `“${roleText}”不是可授予的角色，` : '请填写角色，'}应为${GRANTABLE.map((r) => SHORT[r] ?? ROLE_LABELS[r]).join('、')}之一` })
    const dept = departments.find((d) => d.name === deptText || d.short === deptText)
    if (role === 'handler' && !deptText) errors.push({ field: '部门', message: '授予办理人时请填写所属责任单位' })
    else if (role === 'handler' && !dept) errors.push({ field: '部门', message: `没有名为“${deptText}”的责任单位` })
    else if (role && role !== 'handler' && deptText) errors.push({ field: '部门', message: '只有办理人需要填写部门，其他角色请留空' })
    const user = found?.length === 1 ? found[0] : null
    const key = user && role ? `${user._id}:${role}` : ''
    if (key && seen.has(key)) errors.push({ field: '手机号或昵称', message: `与第 ${seen.get(key)} 行是同一人同一角色` })
    else if (key) seen.set(key, row)
    const department: DepartmentRef | null = role === 'handler' && dept ? { id: dept._id, name: dept.name } : null
    const held = !!user && !!role && user.roles.includes(role) && (role !== 'handler' || user.departmentId === department?.id)
    return { row, status: errors.length ? 'invalid' : 'valid', errors, user: user && { id: user._id, nickname: user.nickname }, role, department, held }
  })
  return { rows: checked, valid: checked.filter((r) => r.status === 'valid').length, invalid: checked.filter((r) => r.status === 'invalid').length }
}

/** All or nothing: one wrong row stops the import, and the grants run in the action's one transaction. */
export async function importRoles(input: { fileId: string }, ctx: ActionContext): Promise<{ granted: number; unchanged: number }> {
  const preview = await previewRoles(input, ctx)
  const wrong = preview.rows.filter((r) => r.status === 'invalid')
  if (wrong.length) {
    const [first] = wrong
    throw conflict(`有 ${wrong.length} 行有误（如第 ${first.row} 行${first.errors[0].field}：${first.errors[0].message}），未授予任何角色；请修改后重新上传`)
  }
  const todo = preview.rows.filter((r) => !r.held)
  const repo = volunteerRepository(ctx.deps.store)
  // read again: a person named on two rows gets the second role on top of the first
  for (const r of todo) await grant(ctx.deps, ctx.caller._id, await repo.user(r.user!.id), r.role as Role, r.department?.id)
  return { granted: todo.length, unchanged: preview.rows.length - todo.length }
}

const isPhone = (text: string) => /^1\d{10}$/.test(text)
