import { useState } from 'react'
import { Button, Cell, Input, Menu, Pagination, Popup, Radio, Switch, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { PointFilter, PointView } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { chooseSpreadsheet, uploadFile } from '@/services/spreadsheets'
import { openExport } from '@/utils/open-export'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'inspect-points'
const PAGE_SIZE = 20

/** Kept as typed: the coordinates may hold half a number for a moment. */
interface PointForm {
  id?: string
  name: string
  typeId: string
  address: string
  lat: string
  lng: string
  departmentId: string
  active: boolean
}
const toForm = (p?: PointView): PointForm =>
  p ? { id: p._id, name: p.name, typeId: p.typeId, address: p.address, lat: String(p.lat), lng: String(p.lng), departmentId: p.departmentId, active: p.active } : { name: '', typeId: '', address: '', lat: '', lng: '', departmentId: '', active: true }

const say = (e: unknown, fallback: string) => Taro.showToast({ title: e instanceof ApiError ? e.message : fallback, icon: 'none', duration: 3500 })

/** 测评点位: filtered by type, grid and unit; edited one at a time, or in bulk through the exported sheet. */
export default function Points() {
  const [filter, setFilter] = useState<PointFilter>({})
  const [page, setPage] = useState(1)
  const [form, setForm] = useState<PointForm | null>(null)
  const [busy, setBusy] = useState<'' | 'save' | 'import' | 'export'>('')
  const list = useRequest(() => api.call('reports', 'points', { ...filter, page, pageSize: PAGE_SIZE }), [JSON.stringify(filter), page])
  const types = useRequest(() => api.call('reports', 'pointTypes'), [])
  const settings = useRequest(() => api.call('campaign', 'settings'), [])
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const apply = (change: PointFilter) => {
    setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...change }).filter(([, v]) => v !== '')))
    setPage(1)
  }
  const typeOptions = [{ text: '全部类型', value: '' }, ...(types.data ?? []).map((t) => ({ text: t.name, value: t._id }))]
  const gridOptions = [{ text: '全部网格', value: '' }, ...(settings.data?.grids ?? []).map((g) => ({ text: g.name, value: g._id }))]
  const deptOptions = [{ text: '全部单位', value: '' }, ...(settings.data?.departments ?? []).map((d) => ({ text: d.short || d.name, value: d._id }))]

  const save = async () => {
    if (!form) return
    setBusy('save')
    try {
      const { id, lat, lng, ...rest } = form
      await api.call('reports', 'savePoint', { ...(id ? { id } : {}), ...rest, lat: Number(lat), lng: Number(lng) })
      setForm(null)
      await list.reload()
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      say(e, '保存失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const importSheet = async () => {
    const picked = await chooseSpreadsheet().catch(() => null)
    if (!picked) return
    setBusy('import')
    try {
      const done = await api.call('reports', 'importPoints', { fileId: await uploadFile(picked) })
      await list.reload()
      Taro.showToast({ title: `新增 ${done.imported} 个，更新 ${done.updated} 个`, icon: 'none', duration: 3000 })
    } catch (e) {
      say(e, '导入失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const exportSheet = async () => {
    setBusy('export')
    try {
      const file = await api.call('reports', 'exportPoints', filter)
      await openExport(file.url, `测评点位-${dayjs().format('YYYYMMDD')}.xlsx`)
    } catch (e) {
      say(e, '导出失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const data = list.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <Menu className={`${prefix}__menu`}>
        <Menu.Item options={typeOptions} columns={2} value={filter.typeId ?? ''} onChange={(o: { value: string }) => apply({ typeId: o.value })} />
        <Menu.Item options={gridOptions} columns={2} value={filter.gridId ?? ''} onChange={(o: { value: string }) => apply({ gridId: o.value })} />
        <Menu.Item options={deptOptions} columns={2} value={filter.departmentId ?? ''} onChange={(o: { value: string }) => apply({ departmentId: o.value })} />
      </Menu>
      <View className={`${prefix}__actions`}>
        <Text className={`${prefix}__total`}>{data ? `${data.total} 个点位` : ''}</Text>
        <Button size="small" fill="outline" loading={busy === 'export'} onClick={exportSheet}>
          导出
        </Button>
        <Button size="small" fill="outline" loading={busy === 'import'} onClick={importSheet}>
          导入
        </Button>
        <Button size="small" type="primary" onClick={() => setForm(toForm())}>
          新增
        </Button>
      </View>
      <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={8}>
        <Cell.Group>
          {data?.items.length === 0 && <Cell title="没有符合条件的点位" description="换个类型、网格或单位试试，或新增点位" />}
          {data?.items.map((p) => (
            <Cell
              key={p._id}
              title={p.name}
              description={`${p.typeName} · ${p.gridName ?? '不在网格内'} · ${p.address}`}
              extra={p.active ? <Text className={`${prefix}__dept`}>{p.departmentName}</Text> : <Tag>停用</Tag>}
              clickable
              onClick={() => setForm(toForm(p))}
            />
          ))}
        </Cell.Group>
        {(data?.total ?? 0) > PAGE_SIZE && (
          <View className={`${prefix}__pager`}>
            <Pagination value={page} total={data!.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
          </View>
        )}
      </LoadState>
      <Text className={`${prefix}__hint`}>批量修改：导出后在表中改好（新点位的点位编号留空），再导入；有一行出错则整表不导入并指明第几行。</Text>

      <Popup visible={!!form} position="bottom" round title={form?.id ? '编辑点位' : '新增点位'} closeable onClose={() => setForm(null)}>
        {form && (
          <View className={`${prefix}__form`}>
            <Cell.Group>
              <Cell title="名称" extra={<Input placeholder="如：南宁农贸市场" value={form.name} maxLength={40} onChange={(name) => setForm({ ...form, name })} />} />
              <Cell title="地址" extra={<Input placeholder="街道门牌" value={form.address} maxLength={100} onChange={(address) => setForm({ ...form, address })} />} />
              <Cell title="纬度" extra={<Input type="digit" placeholder="25.50" value={form.lat} onChange={(lat) => setForm({ ...form, lat })} />} />
              <Cell title="经度" extra={<Input type="digit" placeholder="103.79" value={form.lng} onChange={(lng) => setForm({ ...form, lng })} />} />
              <Cell title="启用" extra={<Switch checked={form.active} onChange={(active) => setForm({ ...form, active })} />} />
            </Cell.Group>
            <Text className={`${prefix}__label`}>点位类型</Text>
            <Radio.Group direction="horizontal" value={form.typeId} onChange={(v) => setForm({ ...form, typeId: String(v) })}>
              {types.data?.map((t) => (
                <Radio key={t._id} value={t._id} shape="button">
                  {t.name}
                </Radio>
              ))}
            </Radio.Group>
            <Text className={`${prefix}__label`}>责任单位</Text>
            <Radio.Group direction="horizontal" value={form.departmentId} onChange={(v) => setForm({ ...form, departmentId: String(v) })}>
              {settings.data?.departments.map((d) => (
                <Radio key={d._id} value={d._id} shape="button">
                  {d.short || d.name}
                </Radio>
              ))}
            </Radio.Group>
            <Button block type="primary" loading={busy === 'save'} onClick={save}>
              保存
            </Button>
          </View>
        )}
      </Popup>
    </View>
  )
}
