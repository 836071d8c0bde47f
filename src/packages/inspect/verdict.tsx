import { Tag } from '@nutui/nutui-react-taro'
import type { RoundPoint, Verdict } from '@contract'

// NutUI's danger and success tags are pale with white text: unreadable at a glance on site.
const TONES = {
  pending: { background: 'var(--cwt-fill)', color: 'var(--cwt-text-2)' },
  达标: { background: 'var(--cwt-success-soft)', color: 'var(--cwt-success)' },
  未达标: { background: 'var(--cwt-danger-soft)', color: 'var(--cwt-danger)' }
}

export function VerdictOnly({ verdict }: { verdict: Verdict }) {
  return <Tag {...TONES[verdict]}>{verdict}</Tag>
}

/** A point's standing in a round, as a tag: 待督查, 达标, 未达标 (整改中 while its problems are open). */
export function VerdictTag({ point }: { point: Pick<RoundPoint, 'verdict' | 'open'> }) {
  if (point.verdict === null) return <Tag {...TONES.pending}>待督查</Tag>
  if (point.verdict === '达标') return <VerdictOnly verdict="达标" />
  return <Tag {...TONES.未达标}>{point.open ? `未达标·${point.open} 项整改中` : '未达标·待复查'}</Tag>
}
