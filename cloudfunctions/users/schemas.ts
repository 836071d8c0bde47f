import * as z from 'zod'
import { ROLES } from '../../types/domain'
import { searchWord } from '../core/phone-search'
import { publicText } from '../core/public-text'
import { id, pageQuery } from '../core/validation'

const role = z.enum(ROLES, { error: '角色只能是 resident、volunteer、student、handler、organizer、admin 之一' })

export const noPayload = z.strictObject({})

export const updateProfile = z.strictObject({ nickname: publicText('昵称', 20, { scene: 'profile', rule: 'strict' }) })

export const list = z.strictObject({ ...pageQuery, role: role.optional(), keyword: searchWord.optional() })

export const grantRole = z
  .strictObject({ userId: id('用户'), role, departmentId: id('责任单位').optional() })
  .refine((v) => v.role !== 'handler' || !!v.departmentId, { path: ['departmentId'], message: '授予办理人角色时请选择所属责任单位' })
  .refine((v) => v.role === 'handler' || !v.departmentId, { path: ['departmentId'], message: '只有办理人角色需要选择责任单位' })

export const revokeRole = z.strictObject({ userId: id('用户'), role })

export const page = z.strictObject(pageQuery)
export const markRead = z.strictObject({ ids: z.array(id('消息')).max(100, '一次最多 100 条').optional() })
