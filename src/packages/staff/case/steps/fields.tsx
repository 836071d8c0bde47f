import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { PhotoPicker } from '@/components/photo-picker'
import type { StepProps } from './step'

export const prefix = 'staff-action'

export const FieldError = ({ message }: { message?: string }) => (message ? <Text className={`${prefix}__error`}>{message}</Text> : null)

type TextProps = Pick<StepProps, 'draft' | 'set' | 'errors'> & { placeholder: string }

export function Note({ draft, set, errors, placeholder }: TextProps) {
  return (
    <View className={`${prefix}__field`}>
      <TextArea className={`${prefix}__text`} value={draft.note} onChange={(note) => set({ note })} placeholder={placeholder} maxLength={200} showCount autoSize />
      <FieldError message={errors.note} />
    </View>
  )
}

export function Reason({ draft, set, errors, placeholder }: TextProps) {
  return (
    <View className={`${prefix}__field`}>
      <TextArea className={`${prefix}__text`} value={draft.reason} onChange={(reason) => set({ reason })} placeholder={placeholder} maxLength={200} showCount autoSize />
      <FieldError message={errors.reason} />
    </View>
  )
}

export function AfterPhotos({ draft, set, errors, onUploading }: StepProps) {
  return (
    <View className={`${prefix}__field`}>
      <Text className={`${prefix}__label`}>整改后照片</Text>
      <PhotoPicker value={draft.afterPhotos} onChange={(afterPhotos) => set({ afterPhotos })} max={6} onBusyChange={onUploading} />
      <FieldError message={errors.afterPhotos} />
    </View>
  )
}

/** The department's request, quoted above the office's answer to it. */
export function ExtensionQuote({ detail }: Pick<StepProps, 'detail'>) {
  if (!detail.extension) return null
  return (
    <View className={`${prefix}__quote`}>
      <Text className={`${prefix}__quote-head`}>
        {detail.department?.name ?? '责任单位'} 申请延期 {detail.extension.days} 个工作日
      </Text>
      <Text className={`${prefix}__quote-body`}>{detail.extension.reason}</Text>
    </View>
  )
}
