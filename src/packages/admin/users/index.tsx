import { useState } from 'react'
import { User } from '@nutui/icons-react-taro'
import { Button, Cell, Checkbox, Menu, Pagination, Popup, Radio, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS, ROLES, type Role, type UserSummary } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { SearchBox } from '@/components/search-box'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { RoleImport } from './role-import'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatFullDay } from '@/utils/format'

const PAGE_SIZE = 20
const roleFilter = [{ text: '全部角色', value: 'all' }, ...ROLES.map((r) => ({ text: ROLE_LABELS[r], value: r }))]

interface Draft {
  user: UserSummary
  roles: Role[]
  departmentId: string
}

export default function AdminUsers() {
  const [role, setRole] = useState<Role | 'all'>('all')
  const [page, setPage] = useState(1)
  const [keyword, setKeyword] = useState('')
  const users = useRequest(() => api.call('users', 'list', { page, pageSize: PAGE_SIZE, ...(role === 'all' ? {} : { role }), ...(keyword ? { keyword } : {}) }), [role, page, keyword])
  const departments = useRequest(() => api.call('campaign', 'departments'), [])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const [importing, setImporting] = useState(false)

  usePullDownRefresh(async () => {
    await users.reload()
    Taro.stopPullDownRefresh()
  })

  const search = (word: string) => {
    setKeyword(word)
    setPage(1)
  }

  /** The whole row answers a tap, not only its circle. */
  const toggle = (r: Role) => {
    if (!draft || r === 'resident') return
    setDraft({ ...draft, roles: draft.roles.includes(r) ? draft.roles.filter((x) => x !== r) : [...draft.roles, r] })
  }

  const edit = (user: UserSummary) => {
    setError('')
    setDraft({ user, roles: [...user.roles], departmentId: user.department?.id ?? '' })
  }

  // Applies the difference one action at a time; on a failure the popup stays open with the choices made.
  const save = async () => {
    if (!draft) return
    const { user, roles, departmentId } = draft
    if (roles.includes('handler') && !departmentId) return setError('授予办理人角色时请选择所属责任单位')
    setSaving(true)
    setError('')
    try {
      for (const r of user.roles.filter((r) => !roles.includes(r))) await api.call('users', 'revokeRole', { userId: user.id, role: r })
      for (const r of roles.filter((r) => !user.roles.includes(r) || (r === 'handler' && departmentId !== user.department?.id))) {
        await api.call('users', 'grantRole', { userId: user.id, role: r, ...(r === 'handler' ? { departmentId } : {}) })
      }
      setDraft(null)
      Taro.showToast({ title: '角色已更新', icon: 'success' })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请稍后再试')
    } finally {
      setSaving(false)
      await users.reload()
    }
  }

  const list = users.data
  return (
    <View className="admin-users">
      <ModeMeta />
      <SearchBox placeholder="昵称或手机号后 4 位" onSearch={search} />
      <Menu>
        <Menu.Item
          options={roleFilter}
          value={role}
          onChange={(option: { value: Role | 'all' }) => {
            setRole(option.value)
            setPage(1)
          }}
        />
      </Menu>
      <LoadState loading={users.loading} error={users.error} ready={!!list} onRetry={users.reload} rows={8}>
        {list && (
          <>
            <View className="admin-users__bar">
              <Text className="admin-users__total">
                共 {list.total} 人{keyword ? `（搜索“${keyword}”）` : ''}
              </Text>
              <Button size="small" fill="outline" type="primary" onClick={() => setImporting(true)}>
                批量授予
              </Button>
            </View>
            {list.items.length === 0 ? (
              <Blank icon={<User size={48} color="var(--cwt-border-strong)" />} title="没有符合条件的用户" description={keyword ? '手机号只能查到已注册志愿者，可换昵称或后 4 位再试' : '换一个角色筛选试试'} />
            ) : (
              <Cell.Group>
                {list.items.map((user) => (
                  <Cell
                    key={user.id}
                    clickable
                    onClick={() => edit(user)}
                    title={user.nickname}
                    description={
                      <View className="admin-users__roles">
                        {user.roles.map((r) => (
                          <Tag key={r} background={r === 'resident' ? 'var(--cwt-fill-strong)' : 'var(--cwt-brand-soft)'} color={r === 'resident' ? 'var(--cwt-text-2)' : 'var(--cwt-brand)'}>
                            {ROLE_LABELS[r]}
                          </Tag>
                        ))}
                        {user.department && <Text className="admin-users__dept">{user.department.name}</Text>}
                      </View>
                    }
                    extra={<Text className="admin-users__joined">{formatFullDay(user.joinedAt)} 加入</Text>}
                  />
                ))}
              </Cell.Group>
            )}
            {list.total > PAGE_SIZE && (
              <View className="admin-users__pager">
                <Pagination value={page} total={list.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
              </View>
            )}
          </>
        )}
      </LoadState>

      <RoleImport
        visible={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false)
          void users.reload()
        }}
      />

      <Popup visible={!!draft} position="bottom" round closeable title={draft ? `设置「${draft.user.nickname}」的角色` : ''} onClose={() => setDraft(null)}>
        {draft && (
          <View className="admin-users__editor">
            <Cell.Group className="admin-users__roles-list">
              {ROLES.map((r) => (
                <Cell
                  key={r}
                  className="admin-users__role"
                  title={ROLE_LABELS[r]}
                  description={r === 'resident' ? '每个用户的基本角色' : undefined}
                  clickable={r !== 'resident'}
                  onClick={() => toggle(r)}
                  // the box only shows the choice; the row's tap makes it
                  extra={<Checkbox checked={draft.roles.includes(r)} disabled={r === 'resident'} />}
                />
              ))}
            </Cell.Group>
            {draft.roles.includes('handler') && (
              <View className="admin-users__depts">
                <Text className="admin-users__label">所属责任单位</Text>
                <Radio.Group value={draft.departmentId} onChange={(value) => setDraft({ ...draft, departmentId: String(value) })}>
                  {departments.data?.map((d) => (
                    <Radio key={d._id} value={d._id} className="admin-users__dept-option">
                      {d.name}
                    </Radio>
                  ))}
                </Radio.Group>
              </View>
            )}
            {error && <Text className="admin-users__error">{error}</Text>}
            <Button block type="primary" loading={saving} onClick={save}>
              保存
            </Button>
          </View>
        )}
      </Popup>
    </View>
  )
}
