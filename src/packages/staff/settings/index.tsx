import { useState } from 'react'
import { Tabs } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { CategoriesTab } from './categories'
import { DepartmentsTab } from './departments'
import { GridsTab } from './grids'
import { HolidaysTab } from './holidays'
import { OrdersTab } from './orders'
import { ReasonsTab } from './reasons'
import { WeightsTab } from './weights'
import './index.scss'

const TABS = [
  { value: 'categories', title: '问题类别', Tab: CategoriesTab },
  { value: 'departments', title: '责任单位', Tab: DepartmentsTab },
  { value: 'grids', title: '网格', Tab: GridsTab },
  { value: 'reasons', title: '驳回理由', Tab: ReasonsTab },
  { value: 'holidays', title: '节假日', Tab: HolidaysTab },
  { value: 'orders', title: '督办阈值', Tab: OrdersTab },
  { value: 'weights', title: '考核权重', Tab: WeightsTab }
] as const

type TabValue = (typeof TABS)[number]['value']

/** 系统设置: the office's reference data, one tab each, all read in one call and read again after each save. */
export default function StaffSettings() {
  const asked = useRouter().params.tab
  const [tab, setTab] = useState<TabValue>(TABS.find((t) => t.value === asked)?.value ?? 'categories')
  const settings = useRequest(() => api.call('campaign', 'settings'), [])

  usePullDownRefresh(async () => {
    await settings.reload()
    Taro.stopPullDownRefresh()
  })

  const { Tab } = TABS.find((t) => t.value === tab)!
  return (
    <View className="staff-settings-page">
      <Tabs className="staff-settings-page__tabs" value={tab} onChange={(v) => setTab(v as TabValue)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} title={t.title} value={t.value} />
        ))}
      </Tabs>
      <LoadState loading={settings.loading} error={settings.error} ready={!!settings.data} onRetry={settings.reload} rows={10}>
        {settings.data && <Tab settings={settings.data} onSaved={settings.reload} />}
      </LoadState>
    </View>
  )
}
