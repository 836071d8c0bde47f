import { useState } from 'react'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CorrectionRequest, VolunteerIdentity } from '@contract'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'

const prefix = 'org-corrections'

const describe = (v: VolunteerIdentity) => `${v.realName} · ${v.phone} · ${v.birthDate}`

/**
 * 信息更正: volunteers with hours asked to change their name, phone or birth date; the office approves (the
 * certificate then carries the new name) or refuses with a reason. Both are kept on the volunteer's record.
 */
export function Corrections() {
  const list = useRequest(() => api.call('volunteer', 'corrections', { page: 1, pageSize: 20 }), [])
  const [refusing, setRefusing] = useState<string>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState<string>()

  const decide = async (c: CorrectionRequest, approve: boolean) => {
    if (!approve && !reason.trim()) return Taro.showToast({ title: '请填写不予更正的原因', icon: 'none' })
    setBusy(c.userId)
    try {
      await api.call('volunteer', 'decideCorrection', { userId: c.userId, approve, ...(approve ? {} : { reason: reason.trim() }) })
      Taro.showToast({ title: approve ? '已核准更正' : '已退回更正', icon: 'success' })
      setRefusing(undefined)
      setReason('')
      await list.reload()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后再试', icon: 'none' })
    } finally {
      setBusy(undefined)
    }
  }

  const items = list.data?.items ?? []
  if (!items.length) return null
  return (
    <View className={`cwt-section ${prefix}`}>
      <Text className={`${prefix}__title`}>待审核的信息更正（{list.data!.total}）</Text>
      {items.map((c) => (
        <View key={c.userId} className={`${prefix}__row`}>
          <Text className={`${prefix}__line`}>原：{describe(c.from)}</Text>
          <Text className={`${prefix}__line`}>改为：{describe(c.to)}</Text>
          <Text className={`${prefix}__meta`}>
            {c.team} · 已有 {c.hours + c.makeupHours} 小时
          </Text>
          {refusing === c.userId && <Input className={`${prefix}__reason`} value={reason} onChange={setReason} placeholder="不予更正的原因，如：与身份证不符" maxLength={200} />}
          <View className={`${prefix}__actions`}>
            <Button size="small" type="primary" loading={busy === c.userId} onClick={() => decide(c, true)}>
              核准
            </Button>
            <Button size="small" fill="outline" disabled={busy === c.userId} onClick={() => (refusing === c.userId ? decide(c, false) : setRefusing(c.userId))}>
              {refusing === c.userId ? '确认不予更正' : '不予更正'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
