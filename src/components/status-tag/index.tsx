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
  submitted: ['#fff4e5', '#d46b08'],
  accepted: ['#e6f4ff', '#0958d9'],
  assigned: ['#e6f4ff', '#0958d9'],
  in_progress: ['#e6f4ff', '#0958d9'],
  extension_requested: ['#fff4e5', '#d46b08'],
  returned: ['#fff4e5', '#d46b08'],
  fixed: ['#f4f0ff', '#6f3cc0'],
  closed: ['#eaf8ef', '#1f8a4c'],
  rejected: ['#f2f3f5', '#595959'],
  duplicate: ['#f2f3f5', '#595959']
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
        <Tag className="cwt-status-tag cwt-status-tag--overdue" background="#c8161d" color="#fff">
          超期
        </Tag>
      )}
    </>
  )
}
