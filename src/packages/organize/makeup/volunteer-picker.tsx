import { useEffect, useState } from 'react'
import { Checked, User } from '@nutui/icons-react-taro'
import { Button, Popup, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { UserSummary } from '@contract'
import { Blank } from '@/components/blank'
import { api, ApiError } from '@/services/api'

export interface VolunteerPickerProps {
  visible: boolean
  value?: string
  onPick: (user: UserSummary) => void
  onClose: () => void
  pageSize?: number
}

const defaultProps = { pageSize: 20 } satisfies Partial<VolunteerPickerProps>
const prefix = 'org-picker'

/** Every registered volunteer, a page at a time, in a bottom sheet. */
export function VolunteerPicker(props: VolunteerPickerProps) {
  const { visible, value, onPick, onClose, pageSize } = { ...defaultProps, ...props }
  const [users, setUsers] = useState<UserSummary[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')

  const more = async (next: number) => {
    setLoading(true)
    setError('')
    try {
      const res = await api.call('users', 'list', { role: 'volunteer', page: next, pageSize })
      setUsers((list) => (next === 1 ? res.items : [...list, ...res.items]))
      setTotal(res.total)
      setPage(next)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '志愿者名单加载失败')
    } finally {
      setLoading(false)
    }
  }

  // Fetched when first opened, and afresh each time so a volunteer who just registered is there.
  useEffect(() => {
    if (visible) void more(1)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible])

  return (
    <Popup visible={visible} position="bottom" round closeable title="选择志愿者" description={total ? `共 ${total} 名志愿者` : undefined} onClose={onClose}>
      <View className={prefix}>
        {page === 0 && loading && <Skeleton rows={6} animated />}
        {page > 0 && users.length === 0 && <Blank icon={<User size={48} color="#bfbfbf" />} title="还没有志愿者" description="居民在「志愿服务」里注册后会出现在这里" />}
        {users.map((u) => (
          <View key={u.id} className={`${prefix}__row ${u.id === value ? `${prefix}__row--on` : ''}`} onClick={() => onPick(u)}>
            <View className={`${prefix}__who`}>
              <Text className={`${prefix}__name`}>{u.nickname}</Text>
              <Text className={`${prefix}__since`}>{dayjs(u.joinedAt).format('YYYY年M月')}加入</Text>
            </View>
            {u.id === value && <Checked size={16} color="#c8161d" />}
          </View>
        ))}
        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        {(users.length < total || error) && (
          <Button className={`${prefix}__more`} size="small" fill="outline" loading={loading && page > 0} onClick={() => more(error && page === 0 ? 1 : page + 1)}>
            {error ? '重试' : '加载更多'}
          </Button>
        )}
      </View>
    </Popup>
  )
}
