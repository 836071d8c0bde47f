import { useRef, useState } from 'react'
import { ArrowRight, Checked } from '@nutui/icons-react-taro'
import { Button, Cell, Checkbox, DatePicker, Picker, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ORDER_LEVEL_LABELS, ORDER_LEVELS, type OrderLevel } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError, newRequestId } from '@/services/api'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay } from '@/utils/format'

const prefix = 'orders-issue'
// Only these are with the unit and running against a deadline: what an order can press on.
const WITH_UNIT = new Set(['assigned', 'in_progress', 'extension_requested'])
const DEFAULT_TEXT = '你单位承办的下列问题已超过整改时限，请高度重视，立即组织整改，并于回复期限前将整改情况书面回复市创文办。'

/** 开具督办单: a unit, some of its open cases, a level, a reply deadline and the text. From a case, that case comes ticked. */
export default function OrdersIssue() {
  const { params } = useRouter()
  const [departmentId, setDepartmentId] = useState(params.departmentId ?? '')
  const [caseIds, setCaseIds] = useState<string[]>(params.caseId ? [params.caseId] : [])
  const [level, setLevel] = useState<OrderLevel>('white')
  const [replyBy, setReplyBy] = useState(dayjs().add(5, 'day').format('YYYY-MM-DD'))
  const [text, setText] = useState(DEFAULT_TEXT)
  const [picking, setPicking] = useState<'' | 'unit' | 'day'>('')
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  // one per order being written: a retried tap after a lost answer issues nothing twice
  const requestId = useRef(newRequestId())

  const units = useRequest(() => api.call('campaign', 'departments'), [])
  const cases = useRequest(() => (departmentId ? api.call('reports', 'ledger', { departmentId, status: 'open', pageSize: 100 }) : Promise.resolve(null)), [departmentId])
  const open = (cases.data?.items ?? []).filter((c) => WITH_UNIT.has(c.status))
  const unit = units.data?.find((d) => d._id === departmentId)

  const submit = async () => {
    setBusy(true)
    setIssues({})
    try {
      const order = await api.call('reports', 'issueOrder', { departmentId, caseIds, level, replyBy, text }, { requestId: requestId.current })
      Taro.showToast({ title: `已开具${order.no}`, icon: 'none' })
      void Taro.redirectTo({ url: `/packages/orders/detail/index?id=${order.id}` })
    } catch (e) {
      // the form stays as typed; the message names what to change
      if (e instanceof ApiError && e.issues.length) setIssues(Object.fromEntries(e.issues.map((i) => [i.field.split('.')[0], i.message])))
      else Taro.showToast({ title: e instanceof ApiError ? e.message : '开具失败，请稍后再试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const error = (field: string) => issues[field] && <Text className={`${prefix}__error`}>{issues[field]}</Text>
  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__body`}>
        <Cell.Group className={`${prefix}__group`}>
          <Cell title="责任单位" extra={<Text className={`${prefix}__pick`}>{unit?.name ?? '请选择'}<ArrowRight size={12} /></Text>} clickable onClick={() => setPicking('unit')} />
        </Cell.Group>
        {error('departmentId')}

        {departmentId && (
          <View className="cwt-section">
            <View className="cwt-section__title">
              <Text>督办的问题</Text>
              <Text className="cwt-section__hint">已选 {caseIds.length} 个 · 仅列出整改中的问题</Text>
            </View>
            <LoadState loading={cases.loading} error={cases.error} ready={!!cases.data} onRetry={cases.reload} rows={4}>
              {open.length ? (
                <Checkbox.Group className={`${prefix}__cases`} value={caseIds} onChange={(v) => setCaseIds(v as string[])}>
                  {open.map((c) => (
                    <Checkbox key={c.id} value={c.id} className={`${prefix}__case`} label={
                      <View className={`${prefix}__case-body`}>
                        <Text className={`${prefix}__case-title`}>
                          {c.categoryName}
                          {c.overdue && <Text className={`${prefix}__late`}> 超期</Text>}
                        </Text>
                        <Text className={`${prefix}__case-meta`}>
                          {c.no} · {c.address}
                          {c.deadline ? ` · ${formatDay(c.deadline)}到期` : ''}
                        </Text>
                      </View>
                    } />
                  ))}
                </Checkbox.Group>
              ) : (
                <Blank icon={<Checked size={48} color="var(--cwt-border-strong)" />} title="该单位没有整改中的问题" description="只有已交办、正在整改的问题可以督办" />
              )}
            </LoadState>
            {error('caseIds')}
          </View>
        )}

        <View className="cwt-section">
          <View className="cwt-section__title">
            <Text>督办级别</Text>
          </View>
          <Radio.Group className={`${prefix}__levels`} direction="horizontal" value={level} onChange={(v) => setLevel(v as OrderLevel)}>
            {ORDER_LEVELS.map((l) => (
              <Radio key={l} value={l} shape="button">
                {ORDER_LEVEL_LABELS[l]}
              </Radio>
            ))}
          </Radio.Group>
          {error('level')}
        </View>

        <Cell.Group className={`${prefix}__group`}>
          <Cell title="回复期限" extra={<Text className={`${prefix}__pick`}>{replyBy}<ArrowRight size={12} /></Text>} clickable onClick={() => setPicking('day')} />
        </Cell.Group>
        {error('replyBy')}

        <View className="cwt-section">
          <View className="cwt-section__title">
            <Text>督办内容</Text>
          </View>
          <TextArea className={`${prefix}__text`} value={text} onChange={setText} maxLength={500} showCount placeholder="写明问题、整改要求和回复方式" />
          {error('text')}
        </View>
      </View>

      <View className={`${prefix}__footer`}>
        <Button block type="primary" loading={busy} disabled={!departmentId || !caseIds.length} onClick={submit}>
          开具并通知责任单位
        </Button>
      </View>

      <Picker
        visible={picking === 'unit'}
        title="责任单位"
        options={[(units.data ?? []).map((d) => ({ label: d.name, value: d._id }))]}
        value={[departmentId || units.data?.[0]?._id || '']}
        onConfirm={(_, [v]) => {
          if (v && v !== departmentId) {
            setDepartmentId(String(v))
            setCaseIds([])
          }
        }}
        onClose={() => setPicking('')}
      />
      <DatePicker
        visible={picking === 'day'}
        title="回复期限"
        type="date"
        showChinese
        value={dayjs(replyBy).toDate()}
        startDate={dayjs().startOf('day').toDate()}
        endDate={dayjs().add(1, 'year').toDate()}
        onConfirm={(_, v) => {
          const [y, m, d] = v.map(Number)
          setReplyBy(dayjs(new Date(y, m - 1, d)).format('YYYY-MM-DD'))
        }}
        onClose={() => setPicking('')}
      />
    </View>
  )
}
