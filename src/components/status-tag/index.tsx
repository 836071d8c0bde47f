import { Tag } from '@nutui/nutui-react-taro'
import { REPORT_STATUS_LABELS, type ReportStatus } from '@contract'

export interface StatusTagProps {
  status: ReportStatus
  /** Adds a red 超期 mark: open past the deadline, or closed late. */
  overdue?: boolean
}

const defaultProps = { overdue: false } satisfies Partial<StatusTagProps>

// Waiting on the office: amber; with a department: blue; waiting on verification: violet; done: green; dropped: grey.
const COLOURS: Record<ReportStatus, [background: string, color: string]> = {
  submitted: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  accepted: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  assigned: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  in_progress: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  extension_requested: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  returned: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  fixed: ['var(--cwt-violet-soft)', 'var(--cwt-violet)'],
  closed: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  rejected: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)'],
  duplicate: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)']
}

/** A case's status as a coloured tag, with 超期 beside it when it ran over. */
export function StatusTag(props: StatusTagProps) {
  const { status, overdue } = { ...defaultProps, ...props }
  const [background, color] = COLOURS[status]
  return (
    <>
      <Tag className="cwt-status-tag" background={background} color={color}>
        {REPORT_STATUS_LABELS[status]}
      </Tag>
      {overdue && (
        <Tag className="cwt-status-tag cwt-status-tag--overdue" background="var(--cwt-brand)" color="var(--cwt-text-on-brand)">
          超期
        </Tag>
      )}
    </>
  )
}
