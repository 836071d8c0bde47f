import type { ReactNode } from 'react'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { ApiError } from '@/services/api'

export interface LoadStateProps {
  loading: boolean
  error?: ApiError
  /** Whether there is something to show; while false, loading shows a skeleton instead of stale content. */
  ready: boolean
  onRetry: () => void
  rows?: number
  children: ReactNode
}

const defaultProps = { rows: 4 } satisfies Partial<LoadStateProps>

/** Skeleton while the first load runs, a retry card when it failed, the content once there is some. */
export function LoadState(props: LoadStateProps) {
  const { loading, error, ready, onRetry, rows, children } = { ...defaultProps, ...props }
  if (ready) return <>{children}</>
  if (error && !loading) {
    return (
      <View className="cwt-section">
        <Empty status={error.code === 'NETWORK' ? 'network' : 'error'} title="加载失败" description={error.message} />
        <Button block type="primary" onClick={onRetry}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className="cwt-section">
      <Skeleton rows={rows} animated />
    </View>
  )
}
