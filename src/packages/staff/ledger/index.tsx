import { openExport } from '@/utils/open-export'
import { formatHours } from '@/utils/format'
import { Blank } from '@/components/blank'
import { useMemo, useRef, useState } from 'react'
import { Search } from '@nutui/icons-react-taro'
import { Button, Calendar, Cell, Menu, NoticeBar, Radio, Skeleton, Switch, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { calendarWarning, CASE_SOURCES, REPORT_STATUS_LABELS, REPORT_STATUSES, type CaseSource, type LedgerFilter, type LedgerStats } from '@contract'
import { PagedList } from '@/components/paged-list'
import { StatGrid } from '@/components/stat-grid'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { CaseCard } from '@/components/case-card'
import { beijingDay } from '@contract/calendar'
import { formFromParams, moreCount, toLedgerFilter, type FilterForm } from '../ledger-filter'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const PAGE_SIZE = 20
const prefix = 'staff-ledger'

const STATUS_OPTIONS = [
  { text: '全部状态', value: '' },
  { text: '未办结', value: 'open' },
  ...REPORT_STATUSES.map((s) => ({ text: REPORT_STATUS_LABELS[s], value: s }))
]

const statItems = (s: LedgerStats) => [
  { label: '交办', value: s.assigned },
  { label: '立行立改', value: s.onSpot },
  { label: '限期整改', value: s.byDeadline },
  { label: '已整改', value: s.fixed },
  { label: '整改中', value: s.inProgress },
  { label: '超期', value: s.overdue, alert: s.overdue > 0 },
  { label: '整改率', value: s.fixRate === null ? '—' : `${s.fixRate}%` },
  { label: '平均整改时长', value: formatHours(s.avgHoursToFix) }
]

const short = (day: string) => day.slice(5)
const span = (from: string, to: string) => (from && to ? `${short(from)} 至 ${short(to)}` : from ? `${short(from)} 起` : `至 ${short(to)}`)

/**
 * 问题台账: the campaign figures and every case, under one filter that the list, the figures and the export share.
 * Opened from a figure elsewhere (the cockpit), it starts on that figure's filter, given in the page's URL.
 */
export default function StaffLedger() {
  const { params } = useRouter()
  const [form, setForm] = useState<FilterForm>(() => formFromParams(params))
  // 更多's fields are edited here and applied together with 确定.
  const [moreDraft, setMoreDraft] = useState<FilterForm>(form)
  const [picking, setPicking] = useState(false)
  const [page, setPage] = useState(1)
  const [exporting, setExporting] = useState(false)
  const moreRef = useRef<{ toggle: (show: boolean) => void }>(null)

  const filter: LedgerFilter = useMemo(() => toLedgerFilter(form), [form])
  const key = JSON.stringify(filter)
  const list = useRequest(() => api.call('reports', 'ledger', { ...filter, page, pageSize: PAGE_SIZE }), [key, page])
  const stats = useRequest(() => api.call('reports', 'stats', filter), [key])
  const categories = useRequest(() => api.call('campaign', 'categories'), [])
  const departments = useRequest(() => api.call('campaign', 'departments'), [])
  const settings = useRequest(() => api.call('campaign', 'settings'), [])

  const reload = async () => {
    await Promise.all([list.reload(), stats.reload()])
  }
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const apply = (change: Partial<FilterForm>) => {
    setForm((f) => ({ ...f, ...change }))
    setPage(1)
  }

  const categoryOptions = [{ text: '全部类别', value: '' }, ...(categories.data ?? []).flatMap((g) => g.kinds.map((k) => ({ text: k.name, value: k.id })))]
  const departmentOptions = [{ text: '全部单位', value: '' }, ...(departments.data ?? []).map((d) => ({ text: d.short || d.name, value: d._id }))]
  const grids = settings.data?.grids ?? []
  const more = moreCount(form)
  const calendarGap = settings.data && calendarWarning(settings.data.holidays, beijingDay(new Date()))

  const exportLedger = async () => {
    setExporting(true)
    try {
      const file = await api.call('reports', 'export', filter)
      if (file.rows === 0) {
        Taro.showToast({ title: '没有符合条件的问题可导出', icon: 'none' })
        return
      }
      await openExport(file.url, `问题台账-${dayjs().format('YYYYMMDD')}.xlsx`)
      Taro.showToast({ title: `已导出 ${file.rows} 条`, icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '导出的文件打不开，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  const range = moreDraft.from && moreDraft.to ? `${moreDraft.from} 至 ${moreDraft.to}` : '不限'
  return (
    <View className={prefix}>
      <ModeMeta />
      {calendarGap && (
        <View onClick={() => void Taro.navigateTo({ url: '/packages/staff/settings/index?tab=holidays' })}>
          <NoticeBar className={`${prefix}__calendar`} content={calendarGap} wrap rightIcon={null} />
        </View>
      )}
      <View className={`${prefix}__stats`}>
        {stats.data ? (
          <>
            <View className={`${prefix}__stats-head`}>
              <Text className={`${prefix}__stats-title`}>
                共 <Text className={`${prefix}__em`}>{stats.data.total}</Text> 件{!filter.status || filter.status === 'submitted' ? ` · 待受理 ${stats.data.submitted} 件` : ''}
              </Text>
              <Button size="small" type="primary" fill="outline" loading={exporting} onClick={exportLedger}>
                导出 Excel
              </Button>
            </View>
            <StatGrid items={statItems(stats.data)} columns={4} />
          </>
        ) : stats.error ? (
          <Text className={`${prefix}__error`}>统计数字加载失败：{stats.error.message}</Text>
        ) : (
          <Skeleton rows={3} animated />
        )}
      </View>

      <Menu className={`${prefix}__menu`}>
        <Menu.Item options={STATUS_OPTIONS} value={form.status} onChange={(o: { value: FilterForm['status'] }) => apply({ status: o.value })} />
        <Menu.Item options={categoryOptions} columns={2} value={form.categoryId} onChange={(o: { value: string }) => apply({ categoryId: o.value })} />
        <Menu.Item options={departmentOptions} columns={2} value={form.departmentId} onChange={(o: { value: string }) => apply({ departmentId: o.value })} />
        <Menu.Item title={more ? `筛选·${more}` : '筛选'} ref={moreRef} options={[]}>
          <View className={`${prefix}__more`}>
            <Cell.Group>
              <Cell
                title="上报日期"
                extra={<Text className={moreDraft.from ? '' : `${prefix}__placeholder`}>{range}</Text>}
                clickable
                onClick={() => setPicking(true)}
              />
              <Cell title="只看超期" extra={<Switch checked={moreDraft.overdue} onChange={(overdue) => setMoreDraft((d) => ({ ...d, overdue }))} />} />
            </Cell.Group>
            <View className={`${prefix}__grids`}>
              <Text className={`${prefix}__label`}>来源</Text>
              <Radio.Group value={moreDraft.source} direction="horizontal" onChange={(v) => setMoreDraft((d) => ({ ...d, source: String(v) as CaseSource | '' }))}>
                <Radio value="" shape="button">
                  全部
                </Radio>
                {CASE_SOURCES.map((s) => (
                  <Radio key={s} value={s} shape="button">
                    {s}
                  </Radio>
                ))}
              </Radio.Group>
            </View>
            {grids.length > 0 && (
              <View className={`${prefix}__grids`}>
                <Text className={`${prefix}__label`}>网格</Text>
                <Radio.Group value={moreDraft.gridId} direction="horizontal" onChange={(v) => setMoreDraft((d) => ({ ...d, gridId: String(v) }))}>
                  <Radio value="" shape="button">
                    全部
                  </Radio>
                  {grids.map((g) => (
                    <Radio key={g._id} value={g._id} shape="button">
                      {g.name}
                    </Radio>
                  ))}
                </Radio.Group>
              </View>
            )}
            <View className={`${prefix}__more-actions`}>
              <Button size="small" onClick={() => setMoreDraft((d) => ({ ...d, from: '', to: '', overdue: false, gridId: '', source: '' }))}>
                重置
              </Button>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  apply({ from: moreDraft.from, to: moreDraft.to, overdue: moreDraft.overdue, gridId: moreDraft.gridId, source: moreDraft.source })
                  moreRef.current?.toggle(false)
                }}
              >
                确定
              </Button>
            </View>
          </View>
        </Menu.Item>
      </Menu>

      <Calendar
        visible={picking}
        type="range"
        title="选择上报日期范围"
        startDate={dayjs().subtract(2, 'year').format('YYYY-MM-DD')}
        endDate={dayjs().format('YYYY-MM-DD')}
        defaultValue={moreDraft.from && moreDraft.to ? [moreDraft.from, moreDraft.to] : undefined}
        onClose={() => setPicking(false)}
        onConfirm={(param) => {
          // A range answers [[y, m, d, 'YYYY-MM-DD', weekday], [...]] although it is typed as a string.
          const [from, to] = (param as unknown as string[][]).map((day) => day[3])
          setMoreDraft((d) => ({ ...d, from, to: to ?? from }))
        }}
      />

      {(form.closedFrom || form.closedTo || form.dueFrom || form.dueTo) && (
        <View className={`${prefix}__ranges`}>
          {(form.closedFrom || form.closedTo) && (
            <Tag background="#fdeeee" color="#c8161d" closeable onClose={() => apply({ closedFrom: '', closedTo: '' })}>
              结案日期 {span(form.closedFrom, form.closedTo)}
            </Tag>
          )}
          {(form.dueFrom || form.dueTo) && (
            <Tag background="#fdeeee" color="#c8161d" closeable onClose={() => apply({ dueFrom: '', dueTo: '' })}>
              整改期限 {span(form.dueFrom, form.dueTo)}
            </Tag>
          )}
        </View>
      )}

      <PagedList
        list={{ ...list, page, setPage }}
        pageSize={PAGE_SIZE}
        head={(data) => (
          <Text className={`${prefix}__total`}>
            {data.total} 件{list.loading ? '，刷新中…' : ''}
          </Text>
        )}
        empty={<Blank icon={<Search size={48} color="var(--cwt-border-strong)" />} title="没有符合条件的问题" description="换个状态、类别或日期范围试试" />}
        item={(card) => <CaseCard key={card.id} variant="row" card={card} onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${card.id}` })} />}
      />
    </View>
  )
}
