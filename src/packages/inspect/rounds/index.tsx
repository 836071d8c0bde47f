import { useState } from 'react'
import { Button, Calendar, Cell, Checkbox, Input, Pagination, Popup, Radio, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ROUND_KINDS, type RoundKind } from '@contract'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError, newRequestId } from '@/services/api'
import { openExport } from '@/utils/open-export'
import { Figures } from '../figures'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'inspect-rounds'
const PAGE_SIZE = 20

interface Plan {
  requestId: string
  title: string
  kind: RoundKind
  day: string
  leader: string
  inspectorIds: string[]
}
const emptyPlan = (): Plan => ({ requestId: newRequestId(), title: '', kind: '暗访', day: dayjs().format('YYYY-MM-DD'), leader: '', inspectorIds: [] })

/** 督查: the figures over a period, the rounds, and planning a new one (its points drawn on the round's page). */
export default function Rounds() {
  const [range, setRange] = useState({ from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') })
  const [picking, setPicking] = useState<'' | 'range' | 'day'>('')
  const [page, setPage] = useState(1)
  const [plan, setPlan] = useState<Plan | null>(null)
  const [saving, setSaving] = useState(false)
  const [exporting, setExporting] = useState(false)
  const figures = useRequest(() => api.call('reports', 'figures', range), [range.from, range.to])
  const rounds = useRequest(() => api.call('reports', 'rounds', { page, pageSize: PAGE_SIZE }), [page])
  const inspectors = useRequest(() => api.call('users', 'list', { role: 'inspector', page: 1, pageSize: 100 }), [])

  const reload = async () => {
    await Promise.all([figures.reload(), rounds.reload()])
  }
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const save = async () => {
    if (!plan) return
    setSaving(true)
    try {
      const { requestId, ...input } = plan
      const made = await api.call('reports', 'planRound', { ...input, pointIds: [] }, { requestId })
      setPlan(null)
      Taro.navigateTo({ url: `/packages/inspect/round/index?id=${made.id}` })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '保存失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const exportFigures = async () => {
    setExporting(true)
    try {
      const file = await api.call('reports', 'exportFigures', range)
      await openExport(file.url, `督查汇总-${range.from}至${range.to}.xlsx`)
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '导出失败，请稍后再试', icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__section`}>
        <View className={`${prefix}__bar`}>
          <Text className={`${prefix}__range`} onClick={() => setPicking('range')}>
            {range.from} 至 {range.to} ▾
          </Text>
          <Button size="small" fill="outline" type="primary" loading={exporting} onClick={exportFigures}>
            导出 Excel
          </Button>
        </View>
        {figures.data ? <Figures data={figures.data} /> : figures.error ? <Text className={`${prefix}__error`}>{figures.error.message}</Text> : <Skeleton rows={3} animated />}
      </View>

      <View className={`${prefix}__bar ${prefix}__bar--list`}>
        <Text className={`${prefix}__caption`}>督查安排</Text>
        <Button size="small" type="primary" onClick={() => setPlan(emptyPlan())}>
          安排督查
        </Button>
      </View>
      <LoadState loading={rounds.loading} error={rounds.error} ready={!!rounds.data} onRetry={rounds.reload} rows={6}>
        <Cell.Group>
          {rounds.data?.items.length === 0 && <Cell title="还没有督查安排" description="点「安排督查」，再随机抽取点位" />}
          {rounds.data?.items.map((r) => (
            <Cell
              key={r.id}
              title={`${r.kind} · ${r.title}`}
              description={`${r.day} · 带队 ${r.leader}`}
              extra={`${r.visited}/${r.points} 个点位`}
              clickable
              onClick={() => Taro.navigateTo({ url: `/packages/inspect/round/index?id=${r.id}` })}
            />
          ))}
        </Cell.Group>
        {(rounds.data?.total ?? 0) > PAGE_SIZE && <Pagination value={page} total={rounds.data!.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />}
      </LoadState>

      <Popup visible={!!plan} position="bottom" round title="安排督查" closeable onClose={() => setPlan(null)}>
        {plan && (
          <View className={`${prefix}__form`}>
            <Cell.Group>
              <Cell title="标题" extra={<Input placeholder="如：11月第4周暗访" value={plan.title} maxLength={40} onChange={(title) => setPlan({ ...plan, title })} />} />
              <Cell title="日期" extra={plan.day} clickable onClick={() => setPicking('day')} />
              <Cell title="带队领导" extra={<Input placeholder="姓名职务" value={plan.leader} maxLength={20} onChange={(leader) => setPlan({ ...plan, leader })} />} />
            </Cell.Group>
            <Text className={`${prefix}__label`}>类型</Text>
            <Radio.Group direction="horizontal" value={plan.kind} onChange={(kind) => setPlan({ ...plan, kind: kind as RoundKind })}>
              {ROUND_KINDS.map((k) => (
                <Radio key={k} value={k} shape="button">
                  {k}
                </Radio>
              ))}
            </Radio.Group>
            <Text className={`${prefix}__label`}>督查员</Text>
            {inspectors.data?.items.length === 0 && <Text className={`${prefix}__hint`}>还没有督查员：请先在「用户管理」中授予督查员角色</Text>}
            <Checkbox.Group direction="horizontal" value={plan.inspectorIds} onChange={(inspectorIds) => setPlan({ ...plan, inspectorIds: inspectorIds as string[] })}>
              {inspectors.data?.items.map((u) => <Checkbox key={u.id} value={u.id} label={u.nickname} shape="button" />)}
            </Checkbox.Group>
            <Button block type="primary" loading={saving} onClick={save}>
              保存，去抽取点位
            </Button>
          </View>
        )}
      </Popup>

      <Calendar
        visible={picking !== ''}
        type={picking === 'range' ? 'range' : 'single'}
        title={picking === 'range' ? '选择统计日期' : '选择督查日期'}
        startDate={dayjs().subtract(2, 'year').format('YYYY-MM-DD')}
        endDate={dayjs().add(3, 'month').format('YYYY-MM-DD')}
        onClose={() => setPicking('')}
        onConfirm={(param) => {
          if (picking === 'range') {
            // A range answers [[y, m, d, 'YYYY-MM-DD', weekday], [...]] although it is typed as a string.
            const [from, to] = (param as unknown as string[][]).map((d) => d[3])
            setRange({ from, to: to ?? from })
            setPage(1)
          } else if (plan) {
            setPlan({ ...plan, day: (param as unknown as string[])[3] })
          }
        }}
      />
    </View>
  )
}
