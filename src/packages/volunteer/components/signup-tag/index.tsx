import { Tag } from '@nutui/nutui-react-taro'
import type { SignupStatus } from '@contract'
import { SIGNUP_LABELS } from '../../format'

export interface SignupTagProps {
  status: SignupStatus
}

// Has a place: green; waiting: amber; asked to answer: red, it needs acting on; over: grey.
const COLOURS: Record<SignupStatus, [background: string, color: string]> = {
  confirmed: ['#eaf8ef', '#1f8a4c'],
  waitlisted: ['#fff4e5', '#d46b08'],
  offered: ['#c8161d', '#ffffff'],
  cancelled: ['#f2f3f5', '#595959'],
  passed: ['#f2f3f5', '#595959']
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
