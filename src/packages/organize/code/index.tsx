import { useEffect, useRef, useState } from 'react'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { CHECK_OUT_LATE_MINUTES, type ResponseOf } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { nextRefresh, REFRESH_MS, secondsLeft } from '../countdown'
import { alt } from '@/utils/a11y'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatSpan } from '@/utils/format'

const prefix = 'org-code'

type Code = ResponseOf<'volunteer', 'code'>

/** 签到码: a QR and a 6-digit code that change every 30 s, shown on the organizer's phone at the meeting point. */
export default function OrganizeCode() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useRequest(() => api.call('volunteer', 'activity', { id }), [id])
  const [code, setCode] = useState<Code>()
  const [error, setError] = useState<ApiError>()
  const [due, setDue] = useState(0)
  const [now, setNow] = useState(Date.now())
  const visible = useRef(true)
  const timer = useRef<ReturnType<typeof setTimeout>>()

  const fetchCode = async () => {
    clearTimeout(timer.current)
    try {
      const next = await api.call('volunteer', 'code', { id })
      const fetchedAt = Date.now()
      setCode(next)
      setError(undefined)
      setDue(nextRefresh(fetchedAt, next.expiresAt))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '签到码获取失败'))
      // A dropped connection at the meeting point should heal by itself.
      setDue(Date.now() + 5000)
    }
  }

  // One ticking clock drives the countdown and fetches the next code when it is due.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(tick)
  }, [])

  useEffect(() => {
    if (!visible.current || !due) return
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void fetchCode(), Math.max(0, due - Date.now()))
    return () => clearTimeout(timer.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [due])

  useEffect(() => {
    void fetchCode()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  // The screen must stay lit while volunteers queue to scan; a hidden page stops asking for codes.
  useDidShow(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true })
    if (!visible.current) {
      visible.current = true
      void fetchCode()
    }
  })
  useDidHide(() => {
    visible.current = false
    clearTimeout(timer.current)
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: false })
  })
  useEffect(
    () => () => {
      if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: false })
    },
    []
  )

  const left = secondsLeft(due, now)
  const a = activity.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__card`}>
        {a ? (
          <>
            <Text className={`${prefix}__title`}>{a.title}</Text>
            <Text className={`${prefix}__when`}>{formatSpan(a.startAt, a.endAt)}</Text>
            <Text className={`${prefix}__where`}>{a.place.address}</Text>
          </>
        ) : (
          <Text className={`${prefix}__when`}>{activity.error ? activity.error.message : '　'}</Text>
        )}

        <LoadState loading={!error} error={error} ready={!!code} onRetry={fetchCode} rows={6}>
          {code && (
            <View className={`${prefix}__body`}>
              <Image className={`${prefix}__qr`} {...alt('签到二维码，志愿者用微信扫码签到')} src={code.qr} mode="aspectFit" />
              <View className={`${prefix}__progress`}>
                <Progress percent={Math.min(100, (left * 1000 * 100) / REFRESH_MS)} strokeWidth="6" animated={false} />
              </View>
              <Text className={`${prefix}__countdown`}>{error ? '网络不稳，正在重试…' : `${left} 秒后自动刷新`}</Text>
              <Text className={`${prefix}__digits`}>
                {code.code}
              </Text>
              <Text className={`${prefix}__hint`}>手机无法扫码时输入此码</Text>
            </View>
          )}
        </LoadState>
      </View>
      <Text className={`${prefix}__note`}>志愿者在活动页点「签到」扫码；活动结束时点「签退」再扫一次（结束后 {CHECK_OUT_LATE_MINUTES / 60} 小时内）。签到码每 30 秒更换，截图无效。</Text>
      <View className={`${prefix}__actions`}>
        <Button size="small" fill="outline" type="primary" onClick={fetchCode}>
          立即刷新
        </Button>
      </View>
    </View>
  )
}
