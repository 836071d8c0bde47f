import { useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Button, Cell, InputNumber, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VolunteerSummary } from '@contract'
import { StatGrid } from '@/components/stat-grid'
import { fieldIn, useSubmit } from '@/hooks/use-submit'
import { api, newRequestId } from '@/services/api'
import { Corrections } from './corrections'
import { VolunteerPicker } from './volunteer-picker'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { hoursText } from '@/utils/format'

const prefix = 'org-makeup'

const FIELDS = ['userId', 'hours', 'reason'] as const
type Field = (typeof FIELDS)[number]

/** 补录服务时长: the office records hours served outside the app, kept apart from verified hours. */
export default function OrganizeMakeup() {
  const [user, setUser] = useState<VolunteerSummary>()
  const [hours, setHours] = useState(1)
  const [reason, setReason] = useState('')
  const [picking, setPicking] = useState(false)
  const submission = useSubmit(fieldIn(FIELDS), '补录失败，请稍后再试')
  const { errors, error: formError, busy: saving, clear } = submission
  const [result, setResult] = useState<{ name: string; me: VolunteerSummary; hours: number }>()
  // One key per record being typed, so a retry after a lost answer does not book the hours twice.
  const [requestId, setRequestId] = useState(newRequestId)

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {}
    if (!user) found.userId = '请选择志愿者'
    if (!(hours > 0)) found.hours = '请填写补录的时长'
    if (!reason.trim()) found.reason = '请填写补录原因，如：线下活动，纸质签到表已核实'
    submission.show(found)
    if (!user || Object.keys(found).length) return
    await submission.run(() => api.call('volunteer', 'makeup', { userId: user.userId, hours, reason: reason.trim() }, { requestId }), {
      done: (me) => {
        setResult({ name: me.realName || user.realName, me, hours })
        setReason('')
        setHours(1)
        setRequestId(newRequestId())
        Taro.showToast({ title: '已补录', icon: 'success' })
      }
    })
  }

  const error = (field: Field) => (errors[field] ? <Text className={`${prefix}__error`}>{errors[field]}</Text> : null)

  return (
    <View className={prefix}>
      <ModeMeta />
      <Text className={`${prefix}__intro`}>
        用于线下活动、系统故障等未能在小程序签到的服务。补录时长单独记为「补录」，与确认名单得到的核实时长分开统计，证书上也分列显示。每次补录都会留痕，不能修改或删除。
      </Text>

      <View className={`cwt-section ${prefix}__form`}>
        <Cell
          className={`${prefix}__cell`}
          title="志愿者"
          extra={
            <Text className={`${prefix}__value ${user ? '' : `${prefix}__placeholder`}`}>
              {user ? `${user.realName}（${user.team}）` : '请选择'} <ArrowRight size={12} color="var(--cwt-text-hint)" />
            </Text>
          }
          clickable
          onClick={() => setPicking(true)}
        />
        {error('userId')}
        <Cell
          className={`${prefix}__cell`}
          title="补录时长"
          description="单位：小时，可填半小时"
          extra={
            <InputNumber
              value={hours}
              min={0.5}
              max={24}
              step={0.5}
              digits={1}
              onChange={(v) => {
                setHours(Number(v))
                clear('hours')
              }}
            />
          }
        />
        {error('hours')}
        <View className={`${prefix}__block`}>
          <Text className={`${prefix}__label`}>
            补录原因<Text className={`${prefix}__required`}>*</Text>
          </Text>
          <TextArea
            className={`${prefix}__textarea`}
            value={reason}
            onChange={(v) => {
              setReason(v)
              clear('reason')
            }}
            placeholder="如：11月2日线下河道清洁活动，纸质签到表已核实"
            maxLength={200}
            showCount
            autoSize
          />
          {error('reason')}
        </View>
      </View>

      {formError && <Text className={`${prefix}__error ${prefix}__error--form`}>{formError}</Text>}
      <View className={`${prefix}__submit`}>
        <Button block type="primary" loading={saving} onClick={submit}>
          确认补录
        </Button>
      </View>

      {result && (
        <View className={`cwt-section ${prefix}__result`}>
          <Text className={`${prefix}__result-title`}>
            已为 {result.name} 补录 {hoursText(result.hours)} 小时，现在共计：
          </Text>
          <StatGrid
            columns={3}
            items={[
              { label: '核实时长', value: hoursText(result.me.hours) },
              { label: '补录时长', value: hoursText(result.me.makeupHours) },
              { label: '参加活动', value: result.me.activities }
            ]}
          />
        </View>
      )}

      <Corrections />

      <VolunteerPicker
        visible={picking}
        value={user?.userId}
        onPick={(u) => {
          setUser(u)
          setPicking(false)
          clear('userId')
          if (u.userId !== user?.userId) setResult(undefined)
        }}
        onClose={() => setPicking(false)}
      />
    </View>
  )
}
