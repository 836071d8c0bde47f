import { useEffect, useRef, useState } from 'react'
import { Button, Cell, Radio, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ChecklistItem, PointChecklist } from '@contract'
import { LoadState } from '@/components/load-state'
import { PhotoPicker } from '@/components/photo-picker'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { VerdictOnly } from '../verdict'
import { clearVisitDraft, emptyItem, loadVisitDraft, saveVisitDraft, toMarks, visitProblems, type ItemDraft, type VisitDraft } from '../visit-draft'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'inspect-visit'

/** On site: the point's checklist marked item by item; kept on the phone until sent, sent once. */
export default function Visit() {
  const { params } = useRouter()
  const roundId = params.roundId ?? ''
  const pointId = params.pointId ?? ''
  const sheet = useRequest(() => api.call('reports', 'checklist', { roundId, pointId }), [roundId, pointId])
  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={sheet.loading} error={sheet.error} ready={!!sheet.data} onRetry={sheet.reload} rows={8}>
        {sheet.data && <VisitForm sheet={sheet.data} onSent={sheet.reload} />}
      </LoadState>
    </View>
  )
}

function VisitForm({ sheet, onSent }: { sheet: PointChecklist; onSent: () => void }) {
  const { round, point, checklist, visits, next, open } = sheet
  const [draft, setDraft] = useState<VisitDraft>(() => loadVisitDraft(round.id, point._id))
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [uploading, setUploading] = useState(0)
  const [sending, setSending] = useState(false)
  const sent = useRef(false)

  useEffect(() => {
    if (!sent.current) saveVisitDraft(round.id, point._id, draft)
  }, [draft, round.id, point._id])

  const change = (id: string, patch: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, items: { ...d.items, [id]: { ...(d.items[id] ?? emptyItem()), ...patch } } }))
    if (problems[id]) setProblems(({ [id]: _, ...rest }) => rest)
  }
  const busy = (on: boolean) => setUploading((n) => n + (on ? 1 : -1))

  const send = async () => {
    const found = visitProblems(checklist, draft)
    setProblems(found)
    if (Object.keys(found).length) {
      Taro.showToast({ title: `还有 ${Object.keys(found).length} 项没有填好`, icon: 'none' })
      return
    }
    setSending(true)
    try {
      const made = await api.call('reports', 'visit', { roundId: round.id, pointId: point._id, marks: toMarks(checklist, draft) }, { requestId: draft.requestId })
      sent.current = true
      clearVisitDraft(round.id, point._id)
      Taro.showToast({ title: made.verdict === '达标' ? '已提交：达标' : `已提交，${made.caseNos.length} 个问题已交办`, icon: 'none', duration: 2500 })
      onSent()
    } catch (e) {
      // the draft stays on the phone: nothing typed is lost
      Taro.showToast({ title: e instanceof ApiError ? e.message : '提交失败，草稿已保存，请稍后重试', icon: 'none', duration: 3000 })
    } finally {
      setSending(false)
    }
  }

  const failed = checklist.filter((item) => draft.items[item.id]?.pass === false).length
  return (
    <>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__name`}>{point.name}</Text>
        <Text className={`${prefix}__meta`}>
          {point.typeName} · {point.departmentName}
          {point.gridName ? ` · ${point.gridName}` : ''}
        </Text>
        <Text className={`${prefix}__meta`}>{point.address}</Text>
        <Text className={`${prefix}__meta`}>
          {round.kind} · {round.title}
        </Text>
      </View>

      {visits.length > 0 && (
        <Cell.Group title="本次督查记录" className={`${prefix}__visits`}>
          {visits.map((v) => (
            <Cell
              key={v._id}
              title={`${v.kind}：${v.verdict}`}
              description={v.caseNos.length ? `问题 ${v.caseNos.join('、')}` : '全部达标'}
              extra={<VerdictOnly verdict={v.verdict} />}
            />
          ))}
        </Cell.Group>
      )}

      {next === null ? (
        <View className={`${prefix}__done`}>
          <Text>{visits[visits.length - 1]?.verdict === '达标' ? '该点位已达标，本次督查无需再查。' : `该点位还有 ${open} 个问题在整改，整改完成后再来复查。`}</Text>
        </View>
      ) : (
        <>
          <View className={`${prefix}__title`}>
            <Text>{next === '复查' ? '复查：问题整改后再查一遍' : '测评表：逐项评定'}</Text>
            <Text className={`${prefix}__count`}>{failed ? `不达标 ${failed} 项` : ''}</Text>
          </View>
          {checklist.map((item, i) => (
            <ItemCard key={item.id} index={i} item={item} value={draft.items[item.id] ?? emptyItem()} problem={problems[item.id]} onChange={(patch) => change(item.id, patch)} onBusy={busy} />
          ))}
          <View className={`${prefix}__submit`}>
            <Button block type="primary" loading={sending} disabled={uploading > 0} onClick={send}>
              {uploading > 0 ? '照片上传中…' : `提交${next}`}
            </Button>
            <Text className={`${prefix}__hint`}>填写内容会自动保存在手机上，提交成功后清除</Text>
          </View>
        </>
      )}
    </>
  )
}

function ItemCard({ index, item, value, problem, onChange, onBusy }: { index: number; item: ChecklistItem; value: ItemDraft; problem?: string; onChange: (patch: Partial<ItemDraft>) => void; onBusy: (on: boolean) => void }) {
  return (
    <View className={`${prefix}__item ${problem ? `${prefix}__item--error` : ''}`}>
      <Text className={`${prefix}__text`}>
        {index + 1}. {item.text}
      </Text>
      <Radio.Group direction="horizontal" value={value.pass === null ? '' : value.pass ? 'pass' : 'fail'} onChange={(v) => onChange({ pass: v === 'pass' })}>
        <Radio value="pass" shape="button">
          达标
        </Radio>
        <Radio value="fail" shape="button">
          不达标
        </Radio>
      </Radio.Group>
      {value.pass === false && (
        <View className={`${prefix}__fail`}>
          <TextArea className={`${prefix}__note`} placeholder="写明问题，如：站台广告栏贴满小广告" maxLength={200} value={value.note} onChange={(note) => onChange({ note })} />
          <PhotoPicker value={value.photos} onChange={(photos) => onChange({ photos })} onBusyChange={onBusy} max={3} addText="现场照片" />
          <Cell title="立行立改" description="现场已整改，上传整改后照片" extra={<Switch checked={value.onSpot} onChange={(onSpot) => onChange({ onSpot })} />} />
          {value.onSpot && <PhotoPicker value={value.afterPhotos} onChange={(afterPhotos) => onChange({ afterPhotos })} onBusyChange={onBusy} max={3} addText="整改后照片" />}
        </View>
      )}
      {problem && <Text className={`${prefix}__problem`}>{problem}</Text>}
    </View>
  )
}
