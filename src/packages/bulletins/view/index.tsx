import { useState } from 'react'
import { Button, Dialog, NoticeBar } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { openExport } from '@/utils/open-export'
import { BulletinDocument } from '../document'
import { exportName } from '../format'
import './index.scss'

const prefix = 'bulletin-view'
type Busy = '' | 'publish' | 'docx' | 'xlsx'

/** A bulletin as its readers see it: the office's preview of a draft (edit, publish) or a published one (download). */
export default function BulletinViewPage() {
  const id = useRouter().params.id ?? ''
  const bulletin = useRequest(() => api.call('reports', 'bulletin', { id }), [id])
  const me = useRequest(() => api.call('users', 'me'), [])
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<Busy>('')
  useReloadOnShow(bulletin.reload)
  usePullDownRefresh(async () => {
    await bulletin.reload()
    Taro.stopPullDownRefresh()
  })

  const b = bulletin.data
  const office = !!me.data?.roles.includes('admin')
  const draft = b?.status === 'draft'

  const publish = async () => {
    setConfirming(false)
    setBusy('publish')
    try {
      await api.call('reports', 'publishBulletin', { id })
      Taro.showToast({ title: '已发布，各责任单位已收到通知', icon: 'none', duration: 2500 })
      await bulletin.reload()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '发布失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setBusy('')
    }
  }

  const download = async (format: 'docx' | 'xlsx') => {
    if (!b) return
    setBusy(format)
    try {
      const file = await api.call('reports', 'exportBulletin', { id, format })
      await openExport(file.url, exportName(b.no, format))
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '文件打不开，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setBusy('')
    }
  }

  return (
    <View className={prefix}>
      <LoadState loading={bulletin.loading} error={bulletin.error} ready={!!b} onRetry={bulletin.reload} rows={12}>
        {b && (
          <>
            {draft && <NoticeBar className={`${prefix}__draft`} content="草稿预览：这是各责任单位将看到的样子，发布后数据和文字不再改动" wrap rightIcon={null} />}
            <BulletinDocument b={b} />
            <View className={`${prefix}__bar`}>
              {draft && office ? (
                <>
                  <Button className={`${prefix}__edit`} disabled={!!busy} onClick={() => Taro.redirectTo({ url: `/packages/bulletins/edit/index?id=${id}` })}>
                    继续编辑
                  </Button>
                  <Button className={`${prefix}__publish`} type="primary" loading={busy === 'publish'} disabled={!!busy} onClick={() => setConfirming(true)}>
                    发布通报
                  </Button>
                </>
              ) : (
                <>
                  <Button className={`${prefix}__docx`} type="primary" loading={busy === 'docx'} disabled={!!busy} onClick={() => download('docx')}>
                    下载 Word
                  </Button>
                  <Button className={`${prefix}__xlsx`} type="primary" fill="outline" loading={busy === 'xlsx'} disabled={!!busy} onClick={() => download('xlsx')}>
                    下载 Excel
                  </Button>
                </>
              )}
            </View>
          </>
        )}
      </LoadState>
      <Dialog
        visible={confirming}
        title={`发布${b?.no ?? ''}通报？`}
        content="发布后各责任单位办理人会收到通知；通报的数据、导语和点评不能再修改。"
        confirmText="确认发布"
        cancelText="再看看"
        onConfirm={publish}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
