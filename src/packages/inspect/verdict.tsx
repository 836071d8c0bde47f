import { Tag } from '@nutui/nutui-react-taro'
import type { RoundPoint } from '@contract'

/** A point's standing in a round, as a tag: 待督查, 达标, 未达标 (整改中 while its problems are open). */
export function VerdictTag({ point }: { point: Pick<RoundPoint, 'verdict' | 'open'> }) {
  if (point.verdict === null) return <Tag type="default">待督查</Tag>
  if (point.verdict === '达标') return <Tag type="success">达标</Tag>
  return <Tag type="danger">{point.open ? `未达标·${point.open} 项整改中` : '未达标·待复查'}</Tag>
}
