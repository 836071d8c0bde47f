import { Cell, Popup, Skeleton } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ORDER_LEVEL_LABELS, REPORT_STATUS_LABELS, type Deduction } from '@contract'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import './behind.scss'

const prefix = 'bulletin-behind'
/** Named by a read each; past this many the rest are listed by number only. */
const NAMED = 20

interface Item {
  key: string
  title: string
  description: string
  url: string
}

async function itemsOf(d: Deduction): Promise<Item[]> {
  const cases = d.caseIds.map(async (id, i): Promise<Item> => {
    const url = `/packages/staff/case/index?id=${id}`
    if (i >= NAMED) return { key: id, title: `问题 ${i + 1}`, description: '点击查看', url }
    const c = await api.call('reports', 'detail', { id }).catch(() => null)
    return { key: id, title: c ? `${c.no} · ${c.categoryName}` : `问题 ${i + 1}`, description: c ? `${REPORT_STATUS_LABELS[c.status]}${c.overdue ? ' · 超期' : ''} · ${c.location.address}` : '点击查看', url }
  })
  const orders = d.orderIds.map(async (id, i): Promise<Item> => {
    const url = `/packages/orders/detail/index?id=${id}`
    if (i >= NAMED) return { key: id, title: `督办单 ${i + 1}`, description: '点击查看', url }
    const o = await api.call('reports', 'order', { id }).catch(() => null)
    return { key: id, title: o ? o.no : `督办单 ${i + 1}`, description: o ? `${ORDER_LEVEL_LABELS[o.level]}督办 · ${o.cases.length} 个问题` : '点击查看', url }
  })
  return Promise.all([...cases, ...orders])
}

function List({ d }: { d: Deduction }) {
  const items = useRequest(() => itemsOf(d), [d])
  if (!items.data) return <Skeleton rows={4} animated />
  return (
    <Cell.Group>
      {items.data.map((item) => (
        <Cell key={item.key} title={item.title} description={item.description} clickable onClick={() => Taro.navigateTo({ url: item.url })} />
      ))}
    </Cell.Group>
  )
}

/** What cost a unit its points: the cases or orders behind one term, each opening its own page. */
export function Behind({ deduction, onClose }: { deduction: Deduction | null; onClose: () => void }) {
  return (
    <Popup visible={!!deduction} position="bottom" round closeable title={deduction?.label ?? ''} onClose={onClose}>
      <View className={prefix}>{deduction && <List d={deduction} />}</View>
    </Popup>
  )
}
