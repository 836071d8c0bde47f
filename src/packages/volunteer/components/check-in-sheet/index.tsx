import { useEffect, useState } from 'react'
import { Scan } from '@nutui/icons-react-taro'
import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CHECK_OUT_LATE_MINUTES, type MySignup } from '@contract'
import { api, ApiError } from '@/services/api'
import { locate } from '../../location'
import './index.scss'

export interface CheckInSheetProps {
  activityId: string
  /** Which move the sheet makes; null keeps it closed. */
  mode: 'checkIn' | 'checkOut' | null
  onClose: () => void
  onDone: (signup: MySignup) => void
}

const prefix = 'vol-check-in'
const isWeapp = process.env.TARO_ENV === 'weapp'
const LABELS = { checkIn: '签到', checkOut: '签退' }
// Check-out uses the same rotating code; a volunteer leaving at the end should know to ask for it again.
const WHERE = {
  checkIn: '请输入组织者页面二维码下方的 6 位签到码',
  checkOut: `签退用同一个签到码：请组织者在活动名单页点「签到码」出示，输入二维码下方的 6 位数字（活动结束后 ${CHECK_OUT_LATE_MINUTES / 60} 小时内可签退）`
}

/** 签到 / 签退: the code from the organizer's QR (scanned on weapp, typed on H5) and, when the phone gives it, where the volunteer is. */
export function CheckInSheet({ activityId, mode, onClose, onDone }: CheckInSheetProps) {
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const label = mode ? LABELS[mode] : ''

  // A new sheet starts clean; a failed try keeps the code so it can be sent again.
  useEffect(() => {
    if (mode) {
      setCode('')
      setError('')
    }
  }, [mode])

  const send = async (value: string) => {
    if (!mode || busy) return
    if (!value) return setError('请扫描组织者出示的二维码，或输入 6 位签到码')
    setBusy(true)
    setError('')
    try {
      const at = await locate()
      const signup = await api.call('volunteer', mode, { id: activityId, code: value, ...(at ? { lat: at.lat, lng: at.lng } : {}) })
      if (!at && signup.placeCheck === 'pending') Taro.showToast({ title: `已${label}，未获取到位置，需组织者核实后计入时长`, icon: 'none', duration: 3000 })
      else Taro.showToast({ title: `${label}成功`, icon: 'success' })
      onDone(signup)
    } catch (e) {
      setError(e instanceof ApiError ? (e.field('code') ?? e.message) : `${label}失败，请稍后再试`)
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      // The QR holds more than the 6 digits (cwt-checkin:<activity>:<code>); the server reads it whole.
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await send(res.result.trim())
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string }).errMsg))) setError('无法打开相机扫码，请输入二维码下方的 6 位签到码')
    }
  }

  return (
    <Popup visible={!!mode} position="bottom" round closeable title={label} onClose={onClose} className={prefix}>
      <View className={`${prefix}__body`}>
        {isWeapp && (
          <>
            <Button className={`${prefix}__scan`} type="primary" size="large" block icon={<Scan size={20} />} loading={busy} onClick={scan}>
              扫码{label}
            </Button>
            <Text className={`${prefix}__or`}>扫不了码？也可以输入签到码</Text>
          </>
        )}
        {mode && <Text className={`${prefix}__hint`}>{WHERE[mode]}</Text>}
        <Input
          className={`${prefix}__code`}
          align="center"
          type="digit"
          value={code}
          maxLength={6}
          placeholder="6 位签到码"
          onChange={(v) => {
            setCode(v.replace(/\D/g, ''))
            setError('')
          }}
        />
        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        <Text className={`${prefix}__note`}>会同时获取您的位置，用于核对是否在活动现场；不允许获取位置时需组织者核实后才计入时长</Text>
        <Button className={`${prefix}__submit`} type={isWeapp ? 'default' : 'primary'} size="large" block loading={busy} disabled={code.length !== 6} onClick={() => send(code)}>
          确认{label}
        </Button>
      </View>
    </Popup>
  )
}
