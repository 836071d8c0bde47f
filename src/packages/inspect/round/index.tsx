import { useState } from 'react'
import { Button, Cell, InputNumber, Radio, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { Figures } from '../figures'
import { VerdictTag } from '../verdict'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'inspect-round'

/** One round for the office: draw its points at random, follow each point's verdict, and the round's figures. */
export default function RoundPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const round = useRequest(() => api.call('reports', 'round', { id }), [id])
  const figures = useRequest(() => api.call('reports', 'figures', { roundId: id }), [id])
  const types = useRequest(() => api.call('reports', 'pointTypes'), [])
  const settings = useRequest(() => api.call('campaign', 'settings'), [])
  const [count, setCount] = useState(3)
  const [typeId, setTypeId] = useState('')
  const [gridId, setGridId] = useState('')
  const [drawing, setDrawing] = useState(false)

  const reload = async () => {
    await Promise.all([round.reload(), figures.reload()])
  }
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const draw = async () => {
    setDrawing(true)
    try {
      await api.call('reports', 'drawPoints', { id, count, ...(typeId ? { typeId } : {}), ...(gridId ? { gridId } : {}) })
      await reload()
      Taro.showToast({ title: `已随机抽取 ${count} 个点位`, icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '抽取失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setDrawing(false)
    }
  }

  const r = round.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={round.loading} error={round.error} ready={!!r} onRetry={round.reload} rows={8}>
        {r && (
          <>
            <View className={`${prefix}__head`}>
              <Text className={`${prefix}__title`}>
                {r.kind} · {r.title}
              </Text>
              <Text className={`${prefix}__meta`}>
                {r.day} · 带队 {r.leader} · 督查员 {r.inspectors.map((i) => i.nickname).join('、')}
              </Text>
            </View>

            <View className={`${prefix}__section`}>
              <Text className={`${prefix}__caption`}>随机抽取点位</Text>
              <Radio.Group direction="horizontal" value={typeId} onChange={(v) => setTypeId(String(v))}>
                <Radio value="" shape="button">
                  全部类型
                </Radio>
                {types.data?.map((t) => (
                  <Radio key={t._id} value={t._id} shape="button">
                    {t.name}
                  </Radio>
                ))}
              </Radio.Group>
              <Radio.Group direction="horizontal" value={gridId} onChange={(v) => setGridId(String(v))}>
                <Radio value="" shape="button">
                  全部网格
                </Radio>
                {settings.data?.grids.map((g) => (
                  <Radio key={g._id} value={g._id} shape="button">
                    {g.name}
                  </Radio>
                ))}
              </Radio.Group>
              <View className={`${prefix}__draw`} data-label="随机抽取点位数">
                <InputNumber value={count} min={1} max={100} onChange={(v) => setCount(Number(v))} />
                <Button type="primary" loading={drawing} onClick={draw}>
                  抽取
                </Button>
              </View>
              {r.draws.length > 0 && <Text className={`${prefix}__meta`}>已抽取 {r.draws.length} 次，共 {r.draws.reduce((n, d) => n + d.picked.length, 0)} 个点位；抽取结果已记录，不会重复</Text>}
            </View>

            <Cell.Group title={`点位（${r.points.length}）`}>
              {r.points.length === 0 && <Cell title="还没有点位" description="按类型、网格随机抽取，当天督查员才能看到" />}
              {r.points.map((p) => (
                <Cell key={p.id} title={p.name} description={`${p.typeName} · ${p.departmentName}${p.visits > 1 ? ` · 已复查` : ''}`} extra={<VerdictTag point={p} />} />
              ))}
            </Cell.Group>

            <View className={`${prefix}__section`}>
              <Text className={`${prefix}__caption`}>本次督查数据</Text>
              {figures.data ? <Figures data={figures.data} /> : <Skeleton rows={3} animated />}
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
