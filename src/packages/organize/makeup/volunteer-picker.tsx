import { useEffect, useState } from 'react'
import { Checked, User } from '@nutui/icons-react-taro'
import { Button, Popup, SearchBar, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { VolunteerSummary } from '@contract'
import { Blank } from '@/components/blank'
import { api, ApiError } from '@/services/api'
import { hoursText } from '@/utils/format'

export interface VolunteerPickerProps {
  visible: boolean
  value?: string
  onPick: (volunteer: VolunteerSummary) => void
  onClose: () => void
  pageSize?: number
}

const defaultProps = { pageSize: 20 } satisfies Partial<VolunteerPickerProps>
const prefix = 'org-picker'

/** Registered volunteers by real name, team or the phone's last 4 digits (or whole number), a page at a time, in a bottom sheet. */
export function VolunteerPicker(props: VolunteerPickerProps) {
  const { visible, value, onPick, onClose, pageSize } = { ...defaultProps, ...props }
  const [people, setPeople] = useState<VolunteerSummary[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [keyword, setKeyword] = useState('')
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')

  const more = async (next: number, word = keyword) => {
    setLoading(true)
    setError('')
    try {
      const res = await api.call('volunteer', 'volunteers', { page: next, pageSize, ...(word.trim() ? { keyword: word.trim() } : {}) })
      setPeople((list) => (next === 1 ? res.items : [...list, ...res.items]))
      setTotal(res.total)
      setPage(next)
    } catch (e) {
      setError(e instanceof ApiError ? e.field('keyword') ?? e.message : '志愿者名单加载失败')
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
        <SearchBar className={`${prefix}__search`} value={keyword} placeholder="姓名、所在队伍或手机后 4 位" onChange={setKeyword} onSearch={(word) => void more(1, word)} onClear={() => void more(1, '')} />
        {page === 0 && loading && <Skeleton rows={6} animated />}
        {page > 0 && people.length === 0 && (
          <Blank icon={<User size={48} color="var(--cwt-border-strong)" />} title={keyword.trim() ? '没有找到这位志愿者' : '还没有志愿者'} description={keyword.trim() ? '换个姓名或手机后 4 位试试' : '居民在「志愿服务」里注册后会出现在这里'} />
        )}
        {people.map((v) => (
          <View key={v.userId} className={`${prefix}__row ${v.userId === value ? `${prefix}__row--on` : ''}`} onClick={() => onPick(v)}>
            <View className={`${prefix}__who`}>
              <Text className={`${prefix}__name`}>
                {v.realName} <Text className={`${prefix}__phone`}>{v.phone}</Text>
              </Text>
              <Text className={`${prefix}__since`}>
                {v.team} · 认证 {hoursText(v.hours)} 小时{v.makeupHours ? ` · 补录 ${hoursText(v.makeupHours)} 小时` : ''}
              </Text>
            </View>
            {v.userId === value && <Checked size={16} color="var(--cwt-brand)" />}
          </View>
        ))}
        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        {(people.length < total || error) && (
          <Button className={`${prefix}__more`} size="small" fill="outline" loading={loading && page > 0} onClick={() => more(error && page === 0 ? 1 : page + 1)}>
            {error ? '重试' : '加载更多'}
          </Button>
        )}
      </View>
    </Popup>
  )
}
