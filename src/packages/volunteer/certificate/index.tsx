import { Order } from '@nutui/icons-react-taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CANVAS_ID, saveCertificate } from './image'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay, formatFullDay, hoursText } from '@/utils/format'

const prefix = 'vol-cert'

export default function CertificatePage() {
  const cert = useRequest(() => api.call('volunteer', 'certificate'), [])
  const [saving, setSaving] = useState(false)

  usePullDownRefresh(async () => {
    await cert.reload()
    Taro.stopPullDownRefresh()
  })

  // No confirmed hours yet: nothing to certify, so point to the activities that earn them.
  if (cert.error?.code === 'NO_HOURS' && !cert.loading) {
    return (
      <View className={prefix}>
        <ModeMeta />
        <Blank
          icon={<Order size={56} color="var(--cwt-brand-line)" />}
          title="还没有可证明的服务时长"
          description={cert.error.message}
          action={{ text: '去报名活动', onClick: () => void Taro.navigateTo({ url: '/packages/volunteer/list/index' }) }}
        />
      </View>
    )
  }

  // Someone who never registered has nothing to certify: send them to register rather than show an error.
  if (cert.error && ['NOT_FOUND', 'FORBIDDEN'].includes(cert.error.code) && !cert.loading) {
    return (
      <View className={prefix}>
        <Blank
          icon={<Order size={56} color="var(--cwt-brand-line)" />}
          title="暂时无法开具证明"
          description={`${cert.error.message}。注册志愿者并参加活动后，即可开具志愿服务记录证明`}
          action={{ text: '注册志愿者', onClick: () => void Taro.navigateTo({ url: '/packages/volunteer/register/index' }) }}
        />
      </View>
    )
  }

  const c = cert.data
  const save = async () => {
    if (!c) return
    setSaving(true)
    try {
      await saveCertificate(c)
      Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? '图片已下载' : '已保存到相册', icon: 'success' })
    } catch (e) {
      const denied = /auth|deny|denied/.test(String((e as { errMsg?: string })?.errMsg ?? ''))
      if (denied) void Taro.showModal({ title: '无法保存到相册', content: '请在设置中允许“保存到相册”后重试', confirmText: '去设置', success: (r) => r.confirm && void Taro.openSetting() })
      else if (!/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) Taro.showToast({ title: '图片生成失败，请稍后再试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className={prefix}>
      <LoadState loading={cert.loading} error={cert.error} ready={!!c} onRetry={cert.reload} rows={10}>
        {c && (
          <>
            <View className={`${prefix}__paper`}>
              <View className={`${prefix}__frame`}>
                <Text className={`${prefix}__title`}>志愿服务记录证明</Text>
                <Text className={`${prefix}__no`}>编号：{c.no}</Text>
                <Text className={`${prefix}__body`}>
                  兹证明 <Text className={`${prefix}__strong`}>{c.name}</Text>（{c.team}）为本市注册志愿者，截至 {formatFullDay(c.issuedAt)}，共参加志愿服务活动{' '}
                  <Text className={`${prefix}__strong`}>{c.activities.length}</Text> 次，经组织者确认的志愿服务时长累计{' '}
                  <Text className={`${prefix}__strong ${prefix}__hours`}>{hoursText(c.hours)}</Text> 小时。
                </Text>
                {c.makeupHours > 0 && <Text className={`${prefix}__makeup`}>另经创文办补录志愿服务时长 {hoursText(c.makeupHours)} 小时，未计入上述认证时长。</Text>}

                {c.activities.length > 0 && (
                  <View className={`${prefix}__table`}>
                    <View className={`${prefix}__row ${prefix}__row--head`}>
                      <Text className={`${prefix}__cell-date`}>日期</Text>
                      <Text className={`${prefix}__cell-title`}>活动</Text>
                      <Text className={`${prefix}__cell-hours`}>时长</Text>
                    </View>
                    {c.activities.map((a, i) => (
                      <View key={`${a.date}-${i}`} className={`${prefix}__row`}>
                        <Text className={`${prefix}__cell-date`}>{formatDay(a.date)}</Text>
                        <Text className={`${prefix}__cell-title`}>{a.title}</Text>
                        <Text className={`${prefix}__cell-hours`}>{hoursText(a.hours)} 小时</Text>
                      </View>
                    ))}
                  </View>
                )}

                <Text className={`${prefix}__body`}>特此证明。</Text>
                <View className={`${prefix}__sign`}>
                  <Text className={`${prefix}__issuer`}>{c.issuer}</Text>
                  <Text className={`${prefix}__date`}>{formatFullDay(c.issuedAt)}</Text>
                </View>
              </View>
            </View>
            <Text className={`${prefix}__note`}>凭编号可在「证明查验」中核验</Text>
            <View className={`${prefix}__actions`}>
              <Button type="primary" block loading={saving} onClick={() => void save()}>
                {process.env.TARO_ENV === 'h5' ? '下载证明图片' : '保存证明图片到相册'}
              </Button>
              <Button fill="outline" block onClick={() => void Taro.navigateTo({ url: `/packages/volunteer/verify/index?no=${encodeURIComponent(c.no)}` })}>
                去证明查验
              </Button>
            </View>
            {process.env.TARO_ENV !== 'h5' && <Canvas type="2d" id={CANVAS_ID} className={`${prefix}__canvas`} />}
          </>
        )}
      </LoadState>
    </View>
  )
}
