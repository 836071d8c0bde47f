import { Tag } from '@nutui/nutui-react-taro'
import { ORDER_LEVEL_LABELS, ORDER_STATE_LABELS, type OrderLevel, type OrderState } from '@contract'

// A white order on a white page still needs an edge: grey text on light grey.
const LEVEL_COLOURS: Record<OrderLevel, [background: string, color: string]> = {
  white: ['var(--cwt-fill-strong)', 'var(--cwt-text)'],
  yellow: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  red: ['var(--cwt-brand-soft)', 'var(--cwt-brand)']
}

const STATE_COLOURS: Record<OrderState, [background: string, color: string]> = {
  issued: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  acknowledged: ['var(--cwt-info-soft)', 'var(--cwt-info)'],
  replied: ['var(--cwt-violet-soft)', 'var(--cwt-violet)'],
  closed: ['var(--cwt-success-soft)', 'var(--cwt-success)']
}

export function LevelTag({ level }: { level: OrderLevel }) {
  const [background, color] = LEVEL_COLOURS[level]
  return (
    <Tag background={background} color={color}>
      {ORDER_LEVEL_LABELS[level]}督办
    </Tag>
  )
}

export function StateTag({ state, late }: { state: OrderState; late?: boolean }) {
  const [background, color] = late ? ['var(--cwt-brand)', 'var(--cwt-text-on-brand)'] : STATE_COLOURS[state]
  return (
    <Tag background={background} color={color}>
      {late ? '逾期未回复' : ORDER_STATE_LABELS[state]}
    </Tag>
  )
}
