import type { ReactNode } from 'react'
import { NetworkError, Warning } from '@nutui/icons-react-taro'
import { Skeleton } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { Blank } from '@/components/blank'
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
    const icon = error.code === 'NETWORK' ? <NetworkError size={48} color="var(--cwt-border-strong)" /> : <Warning size={48} color="var(--cwt-border-strong)" />
    return <Blank icon={icon} title="加载失败" description={error.message} action={{ text: '重试', onClick: onRetry }} />
  }
  return (
    <View className="cwt-section">
      <Skeleton rows={rows} animated />
    </View>
  )
}
