import { useEffect, useRef, useState } from 'react'
import { Button, Cell, Input, InputNumber, Picker, Popup, Radio, Skeleton, Tag, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { mayBeOriginal, MOVES, type Department, type ReportCard, type ReportDetail, type RoutingSuggestion, type Settings } from '@contract'
import { PhotoPicker } from '@/components/photo-picker'
import { api, ApiError } from '@/services/api'
import type { Photo } from '@/services/photos'
import { dayWithWeekday, deadlineDay } from '../deadline'
import type { StaffAction } from '../transitions'

interface Form {
  note: string
  reason: string
  duplicateOf: string
  departmentId: string
  gridId: string
  deadlineDays: number
  days: number
  afterPhotos: Photo[]
}

const EMPTY: Form = { note: '', reason: '', duplicateOf: '', departmentId: '', gridId: '', deadlineDays: 3, days: 3, afterPhotos: [] }

/** The payload fields each form shows, so a server message about any other field still reaches the user. */
const FIELDS: Record<StaffAction, (keyof Form)[]> = {
  accept: ['note'],
  reject: ['reason', 'note'],
  markDuplicate: ['duplicateOf'],
  assign: ['departmentId', 'gridId', 'deadlineDays', 'note'],
  fixOnSpot: ['afterPhotos', 'note'],
  grantExtension: ['note'],
  refuseExtension: ['note'],
  verify: ['note'],
  rework: ['reason'],
  start: ['note'],
  fix: ['afterPhotos', 'note'],
  requestExtension: ['days', 'reason'],
  sendBack: ['reason']
}

const DONE: Record<StaffAction, string> = {
  accept: '已受理',
  reject: '已不予受理',
  markDuplicate: '已标记重复',
  assign: '已交办',
  fixOnSpot: '已立行立改',
  grantExtension: '已同意延期',
  refuseExtension: '已不同意延期',
  verify: '已核查办结',
  rework: '已退回重改',
  start: '已开始整改',
  fix: '已报整改完成',
  requestExtension: '已申请延期',
  sendBack: '已退回创文办'
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined)

function send(action: StaffAction, id: string, f: Form): Promise<ReportDetail> {
  const note = optional(f.note)
  const photos = f.afterPhotos.map((p) => p.fileId)
  switch (action) {
    case 'accept':
      return api.call('reports', 'accept', { id, note })
    case 'reject':
      return api.call('reports', 'reject', { id, reason: f.reason, note })
    case 'markDuplicate':
      return api.call('reports', 'markDuplicate', { id, duplicateOf: f.duplicateOf.trim() })
    case 'assign':
      return api.call('reports', 'assign', { id, departmentId: f.departmentId, gridId: f.gridId || undefined, deadlineDays: f.deadlineDays, note })
    case 'fixOnSpot':
      return api.call('reports', 'fixOnSpot', { id, afterPhotos: photos, note: f.note.trim() })
    case 'grantExtension':
      return api.call('reports', 'grantExtension', { id, note })
    case 'refuseExtension':
      return api.call('reports', 'refuseExtension', { id, note: f.note.trim() })
    case 'verify':
      return api.call('reports', 'verify', { id, note })
    case 'rework':
      return api.call('reports', 'rework', { id, reason: f.reason.trim() })
    case 'start':
      return api.call('reports', 'start', { id, note })
    case 'fix':
      return api.call('reports', 'fix', { id, afterPhotos: photos, note: f.note.trim() })
    case 'requestExtension':
      return api.call('reports', 'requestExtension', { id, days: f.days, reason: f.reason.trim() })
    case 'sendBack':
      return api.call('reports', 'sendBack', { id, reason: f.reason.trim() })
  }
}

export interface ActionPopupProps {
  /** The form to show; null keeps the popup closed (and what was typed, for the next time). */
  action: StaffAction | null
  detail: ReportDetail
  onClose: () => void
  /** The case changed (the step went through, or someone else moved it first): fetch it again. */
  onChanged: () => void
  /** Calendar for the assign form's deadline preview; weekends only until it is known. */
  holidays?: Settings['holidays']
  grids?: Settings['grids']
}

const defaultProps = { holidays: { off: [], workdays: [] }, grids: [] } satisfies Partial<ActionPopupProps>
const prefix = 'staff-action'

/**
 * One bottom sheet for every staff step on a case. A failed step keeps the sheet open with everything typed
 * and puts the server's message next to the field it names; a successful one clears the form.
 */
export function ActionPopup(props: ActionPopupProps) {
  const { action, detail, onClose, onChanged, holidays, grids } = { ...defaultProps, ...props }
  // Each step keeps its own draft, so a note typed for one is not sent with another.
  const [drafts, setDrafts] = useState<Partial<Record<StaffAction, Form>>>({})
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  const [uploading, setUploading] = useState(false)
  // The sheet slides out after `action` went null; keep drawing the last form until it is gone.
  const last = useRef<StaffAction | null>(action)
  if (action) last.current = action
  const shown = last.current
  const form = (shown && drafts[shown]) || EMPTY

  const set = (change: Partial<Form>) => {
    if (!shown) return
    setDrafts((all) => ({ ...all, [shown]: { ...(all[shown] ?? EMPTY), ...change } }))
    setIssues((all) => Object.fromEntries(Object.entries(all).filter(([field]) => !(field in change))))
    setError('')
  }

  // Another case, other drafts.
  useEffect(() => {
    setDrafts({})
    setIssues({})
    setError('')
  }, [detail.id])

  useEffect(() => {
    setIssues({})
    setError('')
  }, [action])

  const submit = async () => {
    if (!action || sending) return
    if (uploading) return setError('照片还在上传，请稍候')
    setSending(true)
    setIssues({})
    setError('')
    try {
      await send(action, detail.id, form)
      setDrafts((all) => ({ ...all, [action]: undefined }))
      onClose()
      onChanged()
      Taro.showToast({ title: DONE[action], icon: 'success' })
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError('操作失败，请稍后再试')
      } else {
        const fields = FIELDS[action] as string[]
        setIssues(Object.fromEntries(e.issues.filter((i) => fields.includes(i.field)).map((i) => [i.field, i.message])))
        const others = e.issues.filter((i) => !fields.includes(i.field)).map((i) => i.message)
        setError(e.issues.length ? others.join('；') : e.message)
        // The case moved on under us: show its new state behind the sheet.
        if (e.code === 'CONFLICT') onChanged()
      }
    } finally {
      setSending(false)
    }
  }

  const fieldError = (field: keyof Form) => (issues[field] ? <Text className={`${prefix}__error`}>{issues[field]}</Text> : null)

  const note = (placeholder: string) => (
    <View className={`${prefix}__field`}>
      <TextArea className={`${prefix}__text`} value={form.note} onChange={(note) => set({ note })} placeholder={placeholder} maxLength={200} showCount autoSize />
      {fieldError('note')}
    </View>
  )

  const reason = (placeholder: string) => (
    <View className={`${prefix}__field`}>
      <TextArea className={`${prefix}__text`} value={form.reason} onChange={(reason) => set({ reason })} placeholder={placeholder} maxLength={200} showCount autoSize />
      {fieldError('reason')}
    </View>
  )

  const photos = (
    <View className={`${prefix}__field`}>
      <Text className={`${prefix}__label`}>整改后照片</Text>
      <PhotoPicker value={form.afterPhotos} onChange={(afterPhotos) => set({ afterPhotos })} max={6} onBusyChange={setUploading} />
      {fieldError('afterPhotos')}
    </View>
  )

  const body = (): JSX.Element | null => {
    switch (shown) {
      case null:
        return null
      case 'accept':
        return note('受理意见（选填）')
      case 'reject':
        return (
          <>
            <RejectReasons value={form.reason} onChange={(r) => set({ reason: r })} />
            {fieldError('reason')}
            {note('补充说明（选填），市民会看到')}
          </>
        )
      case 'markDuplicate':
        return (
          <>
            <DuplicateCandidates detail={detail} value={form.duplicateOf} onChange={(duplicateOf) => set({ duplicateOf })} />
            {fieldError('duplicateOf')}
          </>
        )
      case 'assign':
        return <AssignFields detail={detail} form={form} set={set} fieldError={fieldError} holidays={holidays} grids={grids} note={note('交办说明（选填），责任单位会看到')} />
      case 'fixOnSpot':
        return (
          <>
            {photos}
            {note('现场处置情况（必填）')}
          </>
        )
      case 'fix':
        return (
          <>
            {photos}
            {note('整改情况说明（必填）')}
          </>
        )
      case 'grantExtension':
      case 'refuseExtension':
        return (
          <>
            {detail.extension && (
              <View className={`${prefix}__quote`}>
                <Text className={`${prefix}__quote-head`}>
                  {detail.department?.name ?? '责任单位'} 申请延期 {detail.extension.days} 个工作日
                </Text>
                <Text className={`${prefix}__quote-body`}>{detail.extension.reason}</Text>
              </View>
            )}
            {note(shown === 'grantExtension' ? '意见（选填）' : '不同意的理由（必填），责任单位会看到')}
          </>
        )
      case 'verify':
        return note('核查意见（选填）')
      case 'rework':
        return reason('退回重改的原因（必填），责任单位会看到')
      case 'start':
        return note('备注（选填）')
      case 'requestExtension':
        return (
          <>
            <Cell
              className={`${prefix}__cell`}
              title="延期天数"
              description="工作日，同意后期限顺延"
              extra={<InputNumber value={form.days} min={1} max={30} onChange={(v) => set({ days: Number(v) })} />}
            />
            {fieldError('days')}
            {reason('延期原因（必填）')}
          </>
        )
      case 'sendBack':
        return reason('退回原因（必填），如：不属于本单位职责')
    }
  }

  return (
    <Popup
      visible={!!action}
      position="bottom"
      round
      closeable
      title={shown ? MOVES[shown].label : ''}
      description={`案件 ${detail.no} · ${detail.categoryName}`}
      onClose={onClose}
    >
      <View className={prefix}>
        <View className={`${prefix}__body`}>{body()}</View>
        {error && <Text className={`${prefix}__error ${prefix}__error--form`}>{error}</Text>}
        <Button block type="primary" loading={sending} disabled={uploading} onClick={submit}>
          {uploading ? '照片上传中…' : shown ? `确认${MOVES[shown].label}` : '确认'}
        </Button>
      </View>
    </Popup>
  )
}

function RejectReasons({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  const [reasons, setReasons] = useState<string[]>()
  const [failed, setFailed] = useState('')
  useEffect(() => {
    api
      .call('campaign', 'rejectReasons')
      .then(setReasons)
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '驳回理由加载失败'))
  }, [])
  return (
    <View className={`${prefix}__field`}>
      <Text className={`${prefix}__label`}>不予受理的理由</Text>
      {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
      {!reasons && !failed && <Skeleton rows={1} animated />}
      <View className={`${prefix}__chips`}>
        {reasons?.map((r) => (
          <Tag key={r} className={`${prefix}__chip`} background={r === value ? '#c8161d' : '#f2f3f5'} color={r === value ? '#fff' : '#333'} onClick={() => onChange(r)}>
            {r}
          </Tag>
        ))}
      </View>
    </View>
  )
}

/** Cases of the same kind the office may name as the original: picked from the ledger, or a number typed in. */
function DuplicateCandidates({ detail, value, onChange }: { detail: ReportDetail; value: string; onChange: (id: string) => void }) {
  const [cases, setCases] = useState<ReportCard[]>()
  const [failed, setFailed] = useState('')
  useEffect(() => {
    api
      .call('reports', 'ledger', { categoryId: detail.categoryId, pageSize: 30 })
      .then((page) => setCases(page.items.filter((c) => mayBeOriginal(c, detail.id))))
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '同类案件加载失败'))
  }, [detail.id, detail.categoryId])
  const picked = cases?.some((c) => c.id === value)
  return (
    <View className={`${prefix}__field`}>
      <Text className={`${prefix}__label`}>选择原案件（同类「{detail.categoryName}」最近的案件）</Text>
      {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
      {!cases && !failed && <Skeleton rows={3} animated />}
      {cases?.length === 0 && <Text className={`${prefix}__none`}>最近没有同类案件，可在下方直接输入原案件编号</Text>}
      {!!cases?.length && (
        <Radio.Group className={`${prefix}__candidates`} value={picked ? value : ''} onChange={(v) => onChange(String(v))}>
          {cases.map((c) => (
            <Radio key={c.id} value={c.id} className={`${prefix}__candidate`}>
              <View className={`${prefix}__candidate-body`}>
                <Text className={`${prefix}__candidate-head`}>
                  {c.no} · {dayjs(c.createdAt).format('M-D HH:mm')}
                </Text>
                <Text className={`${prefix}__candidate-desc`}>{c.description}</Text>
                <Text className={`${prefix}__candidate-where`}>{c.address}</Text>
              </View>
            </Radio>
          ))}
        </Radio.Group>
      )}
      <Input
        className={`${prefix}__input`}
        value={picked ? '' : value}
        onChange={(v) => onChange(v)}
        placeholder="或输入原案件编号，如 20261123-7F3A2C"
        clearable
      />
    </View>
  )
}

interface AssignFieldsProps {
  detail: ReportDetail
  form: Form
  set: (change: Partial<Form>) => void
  fieldError: (field: keyof Form) => JSX.Element | null
  holidays: Settings['holidays']
  grids: Settings['grids']
  note: JSX.Element
}

/** Department, grid and deadline, pre-filled from the routing suggestion (kind's default department, grid of the point). */
function AssignFields({ detail, form, set, fieldError, holidays, grids, note }: AssignFieldsProps) {
  const [departments, setDepartments] = useState<Department[]>()
  const [suggestion, setSuggestion] = useState<RoutingSuggestion>()
  const [picking, setPicking] = useState<'department' | 'grid' | null>(null)
  const [failed, setFailed] = useState('')

  useEffect(() => {
    api
      .call('campaign', 'departments')
      .then(setDepartments)
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '责任单位加载失败'))
    api
      .call('reports', 'suggest', { id: detail.id })
      .then((s) => {
        setSuggestion(s)
        // Only fill what the office has not chosen yet: a reopened form keeps its choices.
        if (!form.departmentId) set({ departmentId: s.department?.id ?? '', gridId: s.grid?.id ?? '', deadlineDays: s.deadlineDays })
      })
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.id])

  const department = departments?.find((d) => d._id === form.departmentId)
  const grid = grids.find((g) => g._id === form.gridId)
  const due = deadlineDay(new Date(), form.deadlineDays, holidays)

  return (
    <>
      {suggestion && (
        <View className={`${prefix}__hint`}>
          <Text>
            系统建议：{suggestion.department?.name ?? '未定单位'}
            {suggestion.grid ? ` · ${suggestion.grid.name}（${suggestion.grid.worker}）` : ''} · {suggestion.deadlineDays ? `${suggestion.deadlineDays} 个工作日` : '当日整改'}
          </Text>
        </View>
      )}
      {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
      <Cell.Group className={`${prefix}__cells`}>
        <Cell
          className={`${prefix}__cell`}
          title="责任单位"
          extra={<Text className={department ? '' : `${prefix}__placeholder`}>{department?.name ?? '请选择'}</Text>}
          clickable
          onClick={() => setPicking('department')}
        />
        <Cell
          className={`${prefix}__cell`}
          title="所属网格"
          description={grid ? `网格员 ${grid.worker}` : undefined}
          extra={<Text className={grid ? '' : `${prefix}__placeholder`}>{grid?.name ?? '不指定'}</Text>}
          clickable={grids.length > 0}
          onClick={() => grids.length > 0 && setPicking('grid')}
        />
        <Cell
          className={`${prefix}__cell`}
          title="整改时限"
          description={form.deadlineDays ? `截止 ${dayWithWeekday(due)}` : `当日整改，${dayWithWeekday(due)}`}
          extra={<InputNumber value={form.deadlineDays} min={0} max={60} onChange={(v) => set({ deadlineDays: Number(v) })} />}
        />
      </Cell.Group>
      {fieldError('departmentId')}
      {fieldError('gridId')}
      {fieldError('deadlineDays')}
      {note}
      <Picker
        visible={picking === 'department'}
        title="选择责任单位"
        options={[(departments ?? []).map((d) => ({ label: d.name, value: d._id }))]}
        value={[form.departmentId]}
        onConfirm={(_, [v]) => set({ departmentId: String(v ?? '') })}
        onClose={() => setPicking(null)}
      />
      <Picker
        visible={picking === 'grid'}
        title="选择网格"
        options={[[{ label: '不指定', value: '' }, ...grids.map((g) => ({ label: `${g.name}（网格员 ${g.worker}）`, value: g._id }))]]}
        value={[form.gridId]}
        onConfirm={(_, [v]) => set({ gridId: String(v ?? '') })}
        onClose={() => setPicking(null)}
      />
    </>
  )
}
