import type { ReactNode } from 'react'
import { Button, Empty } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import './index.scss'

export interface BlankProps {
  /** Drawn locally: NutUI's default pictures come from a CDN and break offline. */
  icon: ReactNode
  title: string
  /** What to do next. */
  description: string
  action?: { text: string; onClick: () => void }
}

const prefix = 'cwt-blank'

/** An empty list or a missing case, saying what to do next, with the button that does it. */
export function Blank({ icon, title, description, action }: BlankProps) {
  return (
    <View className={prefix}>
      <Empty image={icon} title={title} description={description} />
      {action && (
        <Button className={`${prefix}__action`} type="primary" onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  )
}
