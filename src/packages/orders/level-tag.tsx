import { Tag } from '@nutui/nutui-react-taro'
import { ORDER_LEVEL_LABELS, ORDER_STATE_LABELS, type OrderLevel, type OrderState } from '@contract'

// A white order on a white page still needs an edge: grey text on light grey.
const LEVEL_COLOURS: Record<OrderLevel, [background: string, color: string]> = {
  white: ['#f2f3f5', '#434343'],
  yellow: ['#fff4cc', '#ad6800'],
  red: ['#fdeeee', '#c8161d']
}

const STATE_COLOURS: Record<OrderState, [background: string, color: string]> = {
  issued: ['#fff4e5', '#d46b08'],
  acknowledged: ['#e6f4ff', '#0958d9'],
  replied: ['#f4f0ff', '#6f3cc0'],
  closed: ['#eaf8ef', '#1f8a4c']
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
  const [background, color] = late ? ['#c8161d', '#ffffff'] : STATE_COLOURS[state]
  return (
    <Tag background={background} color={color}>
      {late ? '逾期未回复' : ORDER_STATE_LABELS[state]}
    </Tag>
  )
}
