import { useMemo, useState } from 'react'
import { Button, Cell, DatePicker, Tag, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { mergeHolidays, parseHolidays, type Settings } from '@contract'
import { api, ApiError } from '@/services/api'
import { dayWithWeekday } from '../deadline'
import { formatMonthDay } from '@/utils/format'

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
  const [pasted, setPasted] = useState('')
  const { holidays } = settings
  const parsed = useMemo(() => (pasted.trim() ? parseHolidays(pasted, dayjs().year() + 1) : null), [pasted])
  const found = parsed && (parsed.off.length || parsed.workdays.length)

  const store = async (next: Settings['holidays'], done: string) => {
    setSaving(true)
    try {
      await api.call('campaign', 'setHolidays', next)
      await onSaved()
      Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : '保存失败，请稍后再试', icon: 'none', duration: 3000 })
      return false
    } finally {
      setSaving(false)
      setRound((n) => n + 1)
    }
  }

  // the pasted text stays until the save went through
  const savePasted = async () => {
    if (parsed && (await store(mergeHolidays(holidays, parsed), '已保存'))) setPasted('')
  }

  const add = (kind: Kind, day: string) => {
    if (holidays[kind].includes(day)) return Taro.showToast({ title: `${day} 已在列表中`, icon: 'none' })
    void store({ ...holidays, [kind]: [...holidays[kind], day].sort() }, '已添加')
  }
  const remove = (kind: Kind, day: string) => void store({ ...holidays, [kind]: holidays[kind].filter((d) => d !== day) }, '已移除')

  return (
    <View className={prefix}>
      <Cell.Group className={`${prefix}__group`} title="粘贴放假通知" description="粘贴国务院办公厅当年的节假日安排通知全文，或每行一个日期（如 2027-02-05；调休上班的日期在同一行写“上班”），确认识别结果后保存">
        <Cell>
          <View className={`${prefix}__paste`}>
            <TextArea className={`${prefix}__paste-text`} value={pasted} onChange={setPasted} placeholder="例：一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。" maxLength={5000} autoSize />
            {parsed && (
              <View className={`${prefix}__parsed`}>
                {parsed.holidays.map((h) => (
                  <Text key={h.name} className={`${prefix}__parsed-row`}>
                    {h.name}：{formatMonthDay(h.off[0])}
                    {h.off.length > 1 && `至${formatMonthDay(h.off[h.off.length - 1])}`}放假，共{h.off.length}天
                    {h.workdays.length > 0 && `；${h.workdays.map((d) => formatMonthDay(d)).join('、')}上班`}
                  </Text>
                ))}
                {found ? (
                  <Text className={`${prefix}__parsed-sum`}>
                    {parsed.years.length ? `将替换 ${parsed.years.join('、')} 年的设置：` : '将添加：'}工作日放假 {parsed.off.length} 天
                    {parsed.off.length > 0 && `（${parsed.off.map(dayWithWeekday).join('、')}）`}，调休上班 {parsed.workdays.length} 天
                    {parsed.workdays.length > 0 && `（${parsed.workdays.map(dayWithWeekday).join('、')}）`}
                  </Text>
                ) : (
                  <Text className={`${prefix}__error`}>没有识别到日期：请粘贴通知全文，或每行写一个日期，如 2027-02-05</Text>
                )}
                {parsed.unread.length > 0 && <Text className={`${prefix}__error`}>无法识别：{parsed.unread.join('、')}</Text>}
              </View>
            )}
            <Button type="primary" size="small" disabled={!found || saving} loading={saving && !!found} onClick={() => void savePasted()}>
              保存识别结果
            </Button>
          </View>
        </Cell>
      </Cell.Group>
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
                <Tag key={`${day}-${round}`} className={`${prefix}__day`} background={kind === 'off' ? 'var(--cwt-brand-soft)' : 'var(--cwt-info-soft)'} color={kind === 'off' ? 'var(--cwt-brand)' : 'var(--cwt-info)'} closeable onClose={() => !saving && remove(kind, day)}>
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
