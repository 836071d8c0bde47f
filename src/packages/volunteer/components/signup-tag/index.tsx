import { Tag } from '@nutui/nutui-react-taro'
import type { SignupStatus } from '@contract'
import { SIGNUP_LABELS } from '../../format'

export interface SignupTagProps {
  status: SignupStatus
}

// Has a place: green; waiting: amber; asked to answer: red, it needs acting on; over: grey.
const COLOURS: Record<SignupStatus, [background: string, color: string]> = {
  confirmed: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  waitlisted: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  offered: ['var(--cwt-brand)', 'var(--cwt-text-on-brand)'],
  cancelled: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)'],
  passed: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)']
}

/** The caller's own sign-up as a coloured tag. */
export function SignupTag({ status }: SignupTagProps) {
  const [background, color] = COLOURS[status]
  return (
    <Tag className="vol-signup-tag" background={background} color={color}>
      {SIGNUP_LABELS[status]}
    </Tag>
  )
}
