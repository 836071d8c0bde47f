import { useEffect, useRef, useState } from 'react'
import { Close, Photograph, Refresh } from '@nutui/icons-react-taro'
import { Image, Progress } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/api'
import { choosePhotos, ownPhotoUrl, uploadPhoto, type Photo } from '@/services/photos'
import { alt } from '@/utils/a11y'
import './index.scss'

export interface PhotoPickerProps {
  /** Photos already uploaded, in order. */
  value: Photo[]
  onChange: (value: Photo[]) => void
  max?: number
  disabled?: boolean
  /** Told when uploads start and finish, so a form can hold its submit until every photo is in. */
  onBusyChange?: (busy: boolean) => void
  /** Label under the camera icon on the add tile. */
  addText?: string
  /** Opens the camera/album once on mount when there is no photo yet: the camera is one tap from home. */
  autoOpen?: boolean
}

interface Pending {
  key: number
  path: string
  percent: number
  failed: boolean
}

const defaultProps = { max: 6, disabled: false, addText: '拍照/相册', autoOpen: false } satisfies Partial<PhotoPickerProps>
const prefix = 'cwt-photo-picker'

/** Thumbnails of uploaded photos with remove buttons, photos still uploading with their progress, and an add tile. */
export function PhotoPicker(props: PhotoPickerProps) {
  const { value, onChange, max, disabled, onBusyChange, addText, autoOpen } = { ...defaultProps, ...props }
  const [pending, setPending] = useState<Pending[]>([])
  // Several uploads finish independently; each must add to the latest list, not to the one it started with.
  const latest = useRef(value)
  latest.current = value
  const nextKey = useRef(0)

  const busy = pending.some((p) => !p.failed)
  // braces: whatever the callback answers must not be taken for the effect's cleanup
  useEffect(() => {
    onBusyChange?.(busy)
  }, [busy, onBusyChange])

  const patch = (key: number, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const upload = async (item: Pending) => {
    patch(item.key, { failed: false, percent: 0 })
    try {
      const photo = await uploadPhoto(item.path, (percent) => patch(item.key, { percent }))
      setPending((list) => list.filter((p) => p.key !== item.key))
      latest.current = [...latest.current, photo]
      onChange(latest.current)
    } catch (e) {
      patch(item.key, { failed: true })
      Taro.showToast({ title: e instanceof ApiError ? e.message : '照片上传失败，请重试', icon: 'none' })
    }
  }

  const room = max - value.length - pending.length
  const add = async () => {
    if (disabled || room < 1) return
    let paths: string[]
    try {
      paths = await choosePhotos(room)
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '无法打开相机或相册', icon: 'none' })
      return
    }
    const items = paths.slice(0, room).map((path) => ({ key: nextKey.current++, path, percent: 0, failed: false }))
    setPending((list) => [...list, ...items])
    items.forEach((item) => void upload(item))
  }

  const opened = useRef(false)
  useEffect(() => {
    if (autoOpen && !opened.current && value.length === 0) void add()
    opened.current = true
    // Only on mount: later changes of value must not reopen the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const remove = (fileId: string) => onChange(value.filter((p) => p.fileId !== fileId))
  const drop = (key: number) => setPending((list) => list.filter((p) => p.key !== key))
  const preview = (url: string) => Taro.previewImage({ urls: value.map((p) => p.url), current: url })
  // A restored draft's signed URLs may have run out; the uploader may still read their own photos.
  const refresh = async (photo: Photo) => {
    if (process.env.TARO_ENV !== 'h5') return
    const url = await ownPhotoUrl(photo.fileId)
    if (url) onChange(value.map((p) => (p.fileId === photo.fileId ? { ...p, url } : p)))
  }

  return (
    <View className={`${prefix} ${disabled ? `${prefix}--disabled` : ''}`}>
      {value.map((photo, i) => (
        <View key={photo.fileId} className={`${prefix}__tile`}>
          <Image className={`${prefix}__img`} {...alt(`第 ${i + 1} 张照片，点按查看大图`)} src={photo.url} mode="aspectFill" width="100%" height="100%" onClick={() => preview(photo.url)} onError={() => void refresh(photo)} />
          {!disabled && (
            <View className={`${prefix}__remove`} ariaRole="button" ariaLabel={`删除第 ${i + 1} 张照片`} onClick={() => remove(photo.fileId)}>
              <Close size={14} color="var(--cwt-surface)" />
            </View>
          )}
        </View>
      ))}
      {pending.map((item) => (
        <View key={item.key} className={`${prefix}__tile ${prefix}__tile--pending`}>
          <Image className={`${prefix}__img`} {...alt('正在上传的照片')} src={item.path} mode="aspectFill" width="100%" height="100%" />
          {item.failed ? (
            <View className={`${prefix}__mask ${prefix}__mask--failed`} ariaRole="button" onClick={() => void upload(item)}>
              <Refresh size={18} color="var(--cwt-surface)" />
              <Text className={`${prefix}__mask-text`}>上传失败，点此重试</Text>
            </View>
          ) : (
            <View className={`${prefix}__mask`}>
              <Text className={`${prefix}__mask-text`}>{item.percent > 0 ? `上传中 ${item.percent}%` : '处理中…'}</Text>
              <Progress className={`${prefix}__progress`} percent={item.percent} strokeWidth="4" color="var(--cwt-text-on-brand)" background="rgba(255,255,255,0.35)" />
            </View>
          )}
          {item.failed && (
            <View className={`${prefix}__remove`} ariaRole="button" ariaLabel="删除这张照片" onClick={() => drop(item.key)}>
              <Close size={14} color="var(--cwt-surface)" />
            </View>
          )}
        </View>
      ))}
      {!disabled && room > 0 && (
        <View className={`${prefix}__tile ${prefix}__add`} ariaRole="button" onClick={add}>
          <Photograph size="var(--cwt-icon-lg)" color="var(--cwt-brand)" />
          <Text className={`${prefix}__add-text`}>{addText}</Text>
          <Text className={`${prefix}__count`}>
            {value.length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
