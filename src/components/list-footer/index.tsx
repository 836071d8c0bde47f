import { Loading } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ApiError } from '@/services/api'
import './index.scss'

export interface ListFooterProps {
  loading: boolean
  done: boolean
  error?: ApiError
  onRetry: () => void
  /** What the end of the list says. */
  endText?: string
}

const defaultProps = { endText: '已经到底了' } satisfies Partial<ListFooterProps>
const prefix = 'cwt-list-footer'

/** The line under a paged list: loading the next page, a retry after a failure, or the end. */
export function ListFooter(props: ListFooterProps) {
  const { loading, done, error, onRetry, endText } = { ...defaultProps, ...props }
  if (loading) {
    return (
      <View className={prefix}>
        <Loading type="spinner">加载中…</Loading>
      </View>
    )
  }
  if (error) {
    return (
      <View className={`${prefix} ${prefix}--error`} onClick={onRetry}>
        <Text>{error.message}，点此重试</Text>
      </View>
    )
  }
  return <View className={prefix}>{done ? <Text>{endText}</Text> : <Text>上拉加载更多</Text>}</View>
}
