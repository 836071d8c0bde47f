import type { ReactNode } from 'react'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

export interface SheetProps {
  visible: boolean
  title: string
  saving: boolean
  /** The server's message for the whole form, if any. */
  error: string
  onClose: () => void
  onSubmit: () => void
  children: ReactNode
}

const prefix = 'staff-sheet'

/** The bottom sheet every settings editor uses: fields, the form's error and a 保存 button. */
export function Sheet({ visible, title, saving, error, onClose, onSubmit, children }: SheetProps) {
  return (
    <Popup visible={visible} position="bottom" round closeable title={title} onClose={onClose}>
      <View className={prefix}>
        <View className={`${prefix}__fields`}>{children}</View>
        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        <Button block type="primary" loading={saving} onClick={onSubmit}>
          保存
        </Button>
      </View>
    </Popup>
  )
}

/** A server message under the field it names. */
export function FieldError({ message }: { message?: string }) {
  return message ? <Text className={`${prefix}__field-error`}>{message}</Text> : null
}
