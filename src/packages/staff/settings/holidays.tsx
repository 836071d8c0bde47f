import { useState } from 'react'
import { Button, Cell, DatePicker, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { Settings } from '@contract'
import { api, ApiError } from '@/services/api'
import { dayWithWeekday } from '../deadline'

type Kind = 'off' | 'workdays'

const prefix = 'staff-settings'

const LISTS: { kind: Kind; title: string; hint: string; empty: string }[] = [
  { kind: 'off', title: '放假日', hint: '工作日放假，不计入整改时限', empty: '还没有添加放假日' },
  { kind: 'workdays', title: '调休上班日', hint: '周六、周日上班，计入整改时限', empty: '还没有添加调休上班日' }
]

/** 节假日: the working-day calendar deadlines are counted on. Each add or remove is saved at once. */
export function HolidaysTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [adding, setAdding] = useState<Kind | null>(null)
  const [saving, setSaving] = useState(false)
  // A closeable Tag hides itself when tapped; a new key after each save brings it back if the removal failed.
  const [round, setRound] = useState(0)
  const { holidays } = settings

  const store = async (next: Settings['holidays'], done: string) => {
    setSaving(true)
    try {
      await api.call('campaign', 'setHolidays', next)
      await onSaved()
      Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : '保存失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
      setRound((n) => n + 1)
    }
  }

  const add = (kind: Kind, day: string) => {
    if (holidays[kind].includes(day)) return Taro.showToast({ title: `${day} 已在列表中`, icon: 'none' })
    void store({ ...holidays, [kind]: [...holidays[kind], day].sort() }, '已添加')
  }
  const remove = (kind: Kind, day: string) => void store({ ...holidays, [kind]: holidays[kind].filter((d) => d !== day) }, '已移除')

  return (
    <View className={prefix}>
      {LISTS.map(({ kind, title, hint, empty }) => (
        <Cell.Group
          key={kind}
          className={`${prefix}__group`}
          title={
            <View className={`${prefix}__group-title`}>
              <Text>
                {title}（{holidays[kind].length}）
              </Text>
              <Button size="mini" type="primary" fill="outline" disabled={saving} onClick={() => setAdding(kind)}>
                添加
              </Button>
            </View>
          }
          description={hint}
        >
          <Cell>
            <View className={`${prefix}__days`}>
              {holidays[kind].length === 0 && <Text className={`${prefix}__placeholder`}>{empty}</Text>}
              {holidays[kind].map((day) => (
                <Tag key={`${day}-${round}`} className={`${prefix}__day`} background={kind === 'off' ? '#fdeeee' : '#e6f4ff'} color={kind === 'off' ? '#c8161d' : '#0958d9'} closeable onClose={() => !saving && remove(kind, day)}>
                  {dayjs(day).format('YYYY年')}
                  {dayWithWeekday(day)}
                </Tag>
              ))}
            </View>
          </Cell>
        </Cell.Group>
      ))}
      <DatePicker
        visible={!!adding}
        type="date"
        title={adding === 'workdays' ? '添加调休上班日' : '添加放假日'}
        showChinese
        startDate={dayjs().subtract(1, 'year').startOf('year').toDate()}
        endDate={dayjs().add(2, 'year').endOf('year').toDate()}
        defaultValue={new Date()}
        onClose={() => setAdding(null)}
        onConfirm={(_, [y, m, d]) => {
          if (adding) add(adding, [y, m, d].map((n) => String(n).padStart(2, '0')).join('-'))
        }}
      />
    </View>
  )
}
