import type { ActivityStage, Attendance, RosterRow, SignupStatus } from '@contract'

// Draft and ended: amber, waiting on the organizer; published: green; confirmed: blue, settled; cancelled: grey.
export const ACTIVITY_STAGE_COLOURS: Record<ActivityStage, [background: string, color: string]> = {
  draft: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  published: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  ended: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  confirmed: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  completed: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  cancelled: ['var(--cwt-fill-strong)', 'var(--cwt-text-2)']
}

export const ATTENDANCE_LABELS: Record<Attendance, string> = { pending: '未结算', present: '出勤', short: '不足 60%', absent: '缺席' }

/** 已报名, 候补 3, 待确认…: a waitlisted person's number is their place in line, not their ticket. */
export function signupLabel(status: SignupStatus, position: number | null = null): string {
  switch (status) {
    case 'confirmed':
      return '已报名'
    case 'waitlisted':
      return position ? `候补 ${position}` : '候补'
    case 'offered':
      return '待确认'
    case 'cancelled':
      return '已取消'
    case 'passed':
      return '已递补失效'
  }
}

/** Each waitlisted person's 1-based place in line, by ticket (arrival order). */
export function waitlistPositions(rows: Pick<RosterRow, 'userId' | 'status' | 'ticket'>[]): Map<string, number> {
  const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.ticket ?? Infinity) - (b.ticket ?? Infinity))
  return new Map(waiting.map((r, i) => [r.userId, i + 1]))
}

