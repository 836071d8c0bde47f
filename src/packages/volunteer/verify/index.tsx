import { useEffect, useState } from 'react'
import { CheckChecked, Failure } from '@nutui/icons-react-taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ResponseOf } from '@contract'
import { api, ApiError } from '@/services/api'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { hoursText } from '@/utils/format'

const prefix = 'vol-verify'

/** Anyone can check a certificate by its number; the answer masks the holder's name. */
export default function VerifyPage() {
  const { params } = useRouter()
  const [no, setNo] = useState(params.no ? decodeURIComponent(params.no) : '')
  const [result, setResult] = useState<(ResponseOf<'volunteer', 'verify'> & { no: string }) | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const check = async (value: string) => {
    const n = value.trim()
    if (!n) return setError('请输入证明上的编号')
    setBusy(true)
    setError('')
    try {
      setResult({ ...(await api.call('volunteer', 'verify', { no: n })), no: n })
    } catch (e) {
      setResult(null)
      setError(e instanceof ApiError ? (e.field('no') ?? e.message) : '查验失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  // Opened from a certificate with its number: check it at once.
  useEffect(() => {
    if (params.no) void check(decodeURIComponent(params.no))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <View className={prefix}>
      <ModeMeta />
      <View className="cwt-section">
        <Text className={`${prefix}__lead`}>输入志愿服务记录证明上的编号，核验证明是否真实有效。</Text>
        <Input
          className={`${prefix}__input`}
          value={no}
          onChange={(v) => {
            setNo(v)
            setError('')
          }}
          placeholder="证明编号"
          clearable
          maxLength={40}
          onConfirm={() => void check(no)}
        />
        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        <Button className={`${prefix}__submit`} type="primary" block loading={busy} onClick={() => check(no)}>
          查验
        </Button>
      </View>

      {result &&
        (result.valid ? (
          <View className={`cwt-section ${prefix}__result ${prefix}__result--valid`}>
            <View className={`${prefix}__verdict`}>
              <CheckChecked size={28} color="var(--cwt-success)" />
              <Text>证明有效</Text>
            </View>
            <View className={`${prefix}__rows`}>
              <Text className={`${prefix}__row`}>编号：{result.no}</Text>
              <Text className={`${prefix}__row`}>志愿者：{result.name}</Text>
              <Text className={`${prefix}__row`}>认证服务时长：{hoursText(result.hours ?? 0)} 小时</Text>
              <Text className={`${prefix}__row`}>参加活动：{result.activities ?? 0} 次</Text>
            </View>
          </View>
        ) : (
          <View className={`cwt-section ${prefix}__result ${prefix}__result--invalid`}>
            <View className={`${prefix}__verdict`}>
              <Failure size={28} color="var(--cwt-brand)" />
              <Text>未查到该证明</Text>
            </View>
            <Text className={`${prefix}__row`}>编号「{result.no}」不存在或已失效，请核对编号后重试。</Text>
          </View>
        ))}
    </View>
  )
}
