import type { Me, UserSummary } from '../../types/api'
import { ROLE_LABELS, type Department, type PublicText, type Role, type User } from '../../types/domain'
import type { ActionContext } from '../core/action'
import { conflict, notFound } from '../core/errors'
import { isPhoneWord, takePhoneSearch } from '../core/phone-search'
import type { Deps } from '../core/ports'
import { changeRoles, grant } from '../core/roles'
import { userRepository } from './repository'

function toSummary(user: User, depts: Map<string, Department>): UserSummary {
  const dept = user.departmentId ? depts.get(user.departmentId) : undefined
  return {
    id: user._id,
    nickname: user.nickname,
    roles: user.roles,
    department: dept ? { id: dept._id, name: dept.name } : null,
    joinedAt: user.createdAt
  }
}

async function present(deps: Deps, user: User) {
  return toSummary(user, await userRepository(deps.store).departmentsById([user.departmentId]))
}

export const me = (ctx: ActionContext): Promise<Me> => present(ctx.deps, ctx.caller)

export async function updateProfile(input: { nickname: PublicText }, { caller, deps }: ActionContext): Promise<Me> {
  const at = deps.clock.now().toISOString()
  await userRepository(deps.store).rename(caller, input.nickname, at)
  return present(deps, { ...caller, nickname: input.nickname, updatedAt: at })
}

/** Users newest first, by role, and by a word in the nickname or a registered volunteer's phone (last four or whole). */
export async function listUsers(input: { page: number; pageSize: number; role?: Role; keyword?: string }, { caller, deps }: ActionContext) {
  const repo = userRepository(deps.store)
  const word = input.keyword
  if (word && isPhoneWord(word)) await takePhoneSearch(deps, caller._id)
  const search = !word ? {} : isPhoneWord(word) ? { ids: await repo.idsByPhone(word) } : { nickname: word }
  const { items, total } = await repo.page({ role: input.role, ...search }, input.page, input.pageSize)
  const depts = await repo.departmentsById(items.map((u) => u.departmentId))
  return { items: items.map((u) => toSummary(u, depts)), total, page: input.page, pageSize: input.pageSize }
}

export async function grantRole(input: { userId: string; role: Role; departmentId?: string }, ctx: ActionContext): Promise<UserSummary> {
  const repo = userRepository(ctx.deps.store)
  const user = await repo.get(input.userId)
  if (input.departmentId && !(await repo.departmentsById([input.departmentId])).size) throw notFound('该责任单位')
  return present(ctx.deps, await grant(ctx.deps, ctx.caller._id, user, input.role, input.departmentId))
}

export async function revokeRole(input: { userId: string; role: Role }, ctx: ActionContext): Promise<UserSummary> {
  const repo = userRepository(ctx.deps.store)
  const user = await repo.get(input.userId)
  if (input.role === 'resident') throw conflict('市民是每个用户的基本角色，不能撤销')
  if (input.role === 'admin' && user._id === ctx.caller._id) throw conflict('不能撤销自己的管理员角色，请让另一位管理员操作')
  if (!user.roles.includes(input.role)) return present(ctx.deps, user)
  const roles = user.roles.filter((r) => r !== input.role)
  const departmentId = input.role === 'handler' ? undefined : user.departmentId
  return present(ctx.deps, await changeRoles(ctx.deps, ctx.caller._id, user, roles, departmentId, `撤销${ROLE_LABELS[input.role]}`))
}
