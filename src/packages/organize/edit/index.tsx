import { useEffect, useRef, useState } from 'react'
import { ArrowRight, Location } from '@nutui/icons-react-taro'
import { Button, Cell, DatePicker, Dialog, Input, InputNumber, NoticeBar, Picker, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, activityLocked, type ActivityDetail } from '@contract'
import { LoadState } from '@/components/load-state'
import { api, ApiError } from '@/services/api'
import { currentPosition } from '@/utils/location'
import { clearDraft, emptyForm, fieldOf, fromDetail, hasContent, loadDraft, moveStart, parseCoordinate, saveDraft, setDay, setTime, toInput, validate, type ActivityForm, type FormErrors, type FormField } from '../activity-form'
import { ActivityTag } from '../activity-tag'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'org-edit'
const isH5 = process.env.TARO_ENV === 'h5'

type TimeField = 'startAt' | 'endAt' | 'signupDeadline' | 'cancelDeadline'
const TIME_LABELS: Record<TimeField, string> = { startAt: '开始时间', endAt: '结束时间', signupDeadline: '报名截止', cancelDeadline: '取消报名截止' }
const TIME_HINTS: Record<TimeField, string> = { startAt: '', endAt: '', signupDeadline: '截止后不再接受报名', cancelDeadline: '之后志愿者不能自行取消' }
const TYPE_OPTIONS = [ACTIVITY_TYPES.map((t) => ({ label: ACTIVITY_TYPE_LABELS[t], value: t }))]

const dayText = (iso: string) => dayjs(iso).format('YYYY-MM-DD')
const clockText = (iso: string) => dayjs(iso).format('HH:mm')

/** Which part of a time field is being picked: its day on a date wheel, or its hour and minute. */
type Picking = { field: TimeField; part: 'day' | 'time' }

/** 发布新活动 / 编辑活动: one form for both; a new activity's form is kept on the phone until it is saved. */
export default function OrganizeEdit() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [detail, setDetail] = useState<ActivityDetail>()
  const [loadError, setLoadError] = useState<ApiError>()
  const [form, setForm] = useState<ActivityForm>(() => (params.id ? emptyForm() : loadDraft()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState<'' | 'save' | 'publish' | 'cancel'>('')
  const [picking, setPicking] = useState<Picking | 'type' | null>(null)
  const [locating, setLocating] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState('')
  const editing = useRef(!!params.id)

  const load = async () => {
    if (!params.id) return
    setLoadError(undefined)
    try {
      const d = await api.call('volunteer', 'activity', { id: params.id })
      setDetail(d)
      setForm(fromDetail(d))
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError('INTERNAL', '活动加载失败，请稍后再试'))
    }
  }

  useEffect(() => {
    void load()
    Taro.setNavigationBarTitle({ title: params.id ? '编辑活动' : '发布新活动' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.id])

  // Only a new activity lives on the phone; an existing one is on the server already.
  useEffect(() => {
    if (!editing.current && hasContent(form)) saveDraft(form)
  }, [form])

  const change = (patch: Partial<ActivityForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    const touched = Object.keys(patch) as FormField[]
    if (touched.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k as FormField))))
    setFormError('')
  }

  const fail = (e: unknown) => {
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '保存失败，请稍后再试')
    const { fields, text } = err.byField(fieldOf)
    setErrors(fields)
    setFormError(text)
    Taro.showToast({ title: Object.values(fields)[0] ?? (text || err.message), icon: 'none', duration: 3000 })
    // Someone changed or cancelled it meanwhile: show what it is now, keep what was typed.
    if (err.code === 'CONFLICT' && id) void api.call('volunteer', 'activity', { id }).then(setDetail, () => undefined)
  }

  /** Creates or updates; a new activity becomes an existing one, so 发布 and a second 保存 act on it. */
  const save = async (): Promise<ActivityDetail | null> => {
    const found = validate(form)
    setErrors(found)
    setFormError('')
    const first = Object.values(found)[0]
    if (first) {
      Taro.showToast({ title: first, icon: 'none' })
      return null
    }
    const input = toInput(form)
    const saved = id ? await api.call('volunteer', 'update', { id, ...input }) : await api.call('volunteer', 'create', input, { requestId: form.requestId })
    if (!id) {
      editing.current = true
      clearDraft()
      setId(saved.id)
      Taro.setNavigationBarTitle({ title: '编辑活动' })
    }
    setDetail(saved)
    return saved
  }

  const onSave = async () => {
    if (busy) return
    setBusy('save')
    try {
      if (await save()) Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      fail(e)
    } finally {
      setBusy('')
    }
  }

  const onPublish = async () => {
    if (busy) return
    setBusy('publish')
    try {
      const saved = await save()
      if (!saved) return
      const published = await api.call('volunteer', 'publish', { id: saved.id })
      setDetail(published)
      Taro.showToast({ title: '已发布，志愿者可报名', icon: 'none' })
      setTimeout(() => void Taro.redirectTo({ url: `/packages/organize/roster/index?id=${published.id}` }), 800)
    } catch (e) {
      fail(e)
    } finally {
      setBusy('')
    }
  }

  const onCancel = async () => {
    if (busy) return
    if (!reason.trim()) return setReasonError('请填写取消原因，报名的志愿者会收到')
    setBusy('cancel')
    try {
      const cancelled = await api.call('volunteer', 'cancelActivity', { id, reason: reason.trim() })
      setDetail(cancelled)
      setCancelling(false)
      setReason('')
      Taro.showToast({ title: '活动已取消，已通知报名者', icon: 'none' })
    } catch (e) {
      setReasonError(e instanceof ApiError ? (e.field('reason') ?? e.message) : '取消失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const status = detail?.status ?? 'draft'
  const closed = !!detail && activityLocked(detail, new Date())
  const error = (field: FormField) => (errors[field] ? <Text className={`${prefix}__error`}>{errors[field]}</Text> : null)
  const label = (text: string, required = false) => (
    <Text className={`${prefix}__label`}>
      {text}
      {required && <Text className={`${prefix}__required`}>*</Text>}
    </Text>
  )

  const chooseOnMap = async () => {
    const lat = parseCoordinate(form.lat, 'lat')
    const lng = parseCoordinate(form.lng, 'lng')
    try {
      const res = await Taro.chooseLocation(lat !== null && lng !== null ? { latitude: lat, longitude: lng } : {})
      const address = res.name && !res.address.includes(res.name) ? `${res.address} ${res.name}`.trim() : res.address || res.name
      change({ address, lat: String(res.latitude), lng: String(res.longitude) })
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string }).errMsg))) Taro.showToast({ title: '无法打开地图，请在设置中允许使用位置信息', icon: 'none' })
    }
  }

  const locateMe = async () => {
    setLocating(true)
    const at = await currentPosition()
    setLocating(false)
    change({ lat: String(at.lat), lng: String(at.lng) })
    Taro.showToast({ title: at.fallback ? '未能获取您的位置，已定位到市中心，请手动修改' : '已填入您的位置', icon: 'none' })
  }

  const timePick = picking && picking !== 'type' ? picking : null
  const pickTime = (at: string) => {
    if (!timePick) return
    // Moving the start carries the end and the deadlines along, so they stay valid and as far apart as set.
    if (timePick.field === 'startAt') {
      const moved = moveStart(form, at)
      change({ startAt: moved.startAt, endAt: moved.endAt, signupDeadline: moved.signupDeadline, cancelDeadline: moved.cancelDeadline })
    } else change({ [timePick.field]: at })
  }
  const ready = !params.id || !!detail

  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={!loadError && !ready} error={loadError} ready={ready} onRetry={load} rows={10}>
        <View className={`${prefix}__body`}>
          {detail && (
            <View className={`${prefix}__state`}>
              <ActivityTag stage={detail?.stage ?? 'draft'} />
              <Text className={`${prefix}__state-text`}>
                {status === 'draft' ? '草稿，发布后志愿者才能看到并报名' : status === 'cancelled' ? '活动已取消' : `${closed ? '已开始，不能再修改或取消' : '已发布'} · 已报 ${detail.capacity - detail.placesLeft}/${detail.capacity}`}
              </Text>
            </View>
          )}
          {status === 'cancelled' && detail?.cancelReason && (
            <View className={`${prefix}__notice`}>
              <NoticeBar content={`取消原因：${detail.cancelReason}`} wrap />
            </View>
          )}

          <View className={`cwt-section ${prefix}__section`}>
            <View className={`${prefix}__block`}>
              {label('活动名称', true)}
              <Input className={`${prefix}__input`} value={form.title} onChange={(title) => change({ title })} placeholder="如：文明交通劝导 · 人民路口" maxLength={40} clearable disabled={closed} />
              {error('title')}
            </View>
            <View className={`${prefix}__block`}>
              {label('活动类型', true)}
              <View className={`${prefix}__input ${prefix}__select`} onClick={() => !closed && setPicking('type')}>
                <Text className={form.type ? '' : `${prefix}__placeholder`}>{form.type ? ACTIVITY_TYPE_LABELS[form.type] : '请选择'}</Text>
                <ArrowRight size={12} color="var(--cwt-text-hint)" />
              </View>
              {error('type')}
            </View>
            <View className={`${prefix}__block`}>
              {label('活动内容', true)}
              <TextArea className={`${prefix}__textarea`} value={form.description} onChange={(description) => change({ description })} placeholder="做什么、怎么集合、注意事项" maxLength={1000} showCount autoSize disabled={closed} />
              {error('description')}
            </View>
            <View className={`${prefix}__block`}>
              {label('需携带')}
              <Input className={`${prefix}__input`} value={form.bring} onChange={(bring) => change({ bring })} placeholder="如：身份证、水杯、防晒用品" maxLength={100} clearable disabled={closed} />
              {error('bring')}
            </View>
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            <View className={`${prefix}__block`}>
              {label('活动地点', true)}
              <Input className={`${prefix}__input`} value={form.address} onChange={(address) => change({ address })} placeholder="如：人民路与解放路交叉口东南角" maxLength={100} clearable disabled={closed} />
              {error('address')}
              <View className={`${prefix}__coords`}>
                <Input className={`${prefix}__input ${prefix}__coord`} type="digit" value={form.lat} onChange={(lat) => change({ lat })} placeholder="纬度（选填）" disabled={closed} />
                <Input className={`${prefix}__input ${prefix}__coord`} type="digit" value={form.lng} onChange={(lng) => change({ lng })} placeholder="经度（选填）" disabled={closed} />
                {!closed && (
                  <Button size="small" fill="outline" type="primary" icon={<Location size={12} />} loading={locating} onClick={isH5 ? locateMe : chooseOnMap}>
                    {isH5 ? '使用我的位置' : '地图选点'}
                  </Button>
                )}
              </View>
              {error('lat')}
              {error('lng')}
              <Text className={`${prefix}__hint`}>填写经纬度后，志愿者须在范围内才能签到签退</Text>
            </View>
            <Cell
              className={`${prefix}__cell`}
              title="签到范围"
              description="以活动地点为中心，单位：米"
              extra={<InputNumber value={form.radius} min={50} max={5000} step={50} onChange={(v) => change({ radius: Number(v) })} disabled={closed} />}
            />
            {error('radius')}
          </View>

          <View className={`cwt-section ${prefix}__section`}>
            {(['startAt', 'endAt', 'signupDeadline', 'cancelDeadline'] as TimeField[]).map((f) => (
              <View key={f}>
                <Cell
                  className={`${prefix}__cell ${prefix}__time`}
                  title={label(TIME_LABELS[f], true)}
                  description={TIME_HINTS[f] || undefined}
                  extra={
                    <View className={`${prefix}__value`}>
                      <Text className={`${prefix}__pick`} onClick={() => !closed && setPicking({ field: f, part: 'day' })}>
                        {dayText(form[f])}
                      </Text>
                      <Text className={`${prefix}__pick`} onClick={() => !closed && setPicking({ field: f, part: 'time' })}>
                        {clockText(form[f])}
                      </Text>
                    </View>
                  }
                />
                {error(f)}
              </View>
            ))}
            <Cell
              className={`${prefix}__cell`}
              title={label('招募人数', true)}
              description={detail && detail.capacity - detail.placesLeft > 0 ? `已有 ${detail.capacity - detail.placesLeft} 人报名，不能少于此数` : '报满后进入候补'}
              extra={<InputNumber value={form.capacity} min={1} max={1000} onChange={(v) => change({ capacity: Number(v) })} disabled={closed} />}
            />
            {error('capacity')}
            <Cell
              className={`${prefix}__cell`}
              title={label('已购买保险', true)}
              description="是否已为参加的志愿者投保意外险"
              extra={
                <Radio.Group className={`${prefix}__insurance`} direction="horizontal" value={form.insurance === null ? '' : String(form.insurance)} onChange={(v) => change({ insurance: v === 'true' })} disabled={closed}>
                  <Radio shape="button" value="true">
                    已购买
                  </Radio>
                  <Radio shape="button" value="false">
                    未购买
                  </Radio>
                </Radio.Group>
              }
            />
            {error('insurance')}
          </View>

          {formError && <Text className={`${prefix}__error ${prefix}__error--form`}>{formError}</Text>}
        </View>

        {!closed && (
          <View className={`${prefix}__bar`}>
            {id && (
              <Button className={`${prefix}__cancel`} fill="none" onClick={() => setCancelling(true)}>
                取消活动
              </Button>
            )}
            <Button className={`${prefix}__save`} fill={status === 'draft' ? 'outline' : 'solid'} type="primary" loading={busy === 'save'} disabled={!!busy && busy !== 'save'} onClick={onSave}>
              {id ? '保存' : '保存草稿'}
            </Button>
            {status === 'draft' && (
              <Button className={`${prefix}__publish`} type="primary" loading={busy === 'publish'} disabled={!!busy && busy !== 'publish'} onClick={onPublish}>
                发布
              </Button>
            )}
          </View>
        )}
      </LoadState>

      <Picker
        visible={picking === 'type'}
        title="活动类型"
        options={TYPE_OPTIONS}
        value={[form.type || ACTIVITY_TYPES[0]]}
        onConfirm={(_, [v]) => v && change({ type: v as ActivityForm['type'] })}
        onClose={() => setPicking(null)}
      />

      {/* mounted per opening, so each wheel starts on what the field shows */}
      {timePick && (
        <DatePicker
          key={`${timePick.field}-${timePick.part}`}
          visible
          title={`${TIME_LABELS[timePick.field]} · ${timePick.part === 'day' ? '日期' : '时间'}`}
          type={timePick.part === 'day' ? 'date' : 'hour-minutes'}
          showChinese
          minuteStep={5}
          defaultValue={dayjs(form[timePick.field]).toDate()}
          startDate={dayjs().subtract(1, 'year').startOf('year').toDate()}
          endDate={dayjs().add(2, 'year').endOf('year').toDate()}
          onConfirm={(_, v) => pickTime(timePick.part === 'day' ? setDay(form[timePick.field], v.map(Number)) : setTime(form[timePick.field], v.map(Number)))}
          onClose={() => setPicking(null)}
        />
      )}

      <Dialog
        visible={cancelling}
        title="取消活动"
        confirmText={busy === 'cancel' ? '取消中…' : '确认取消活动'}
        cancelText="再想想"
        closeOnOverlayClick={false}
        onConfirm={onCancel}
        onCancel={() => {
          setCancelling(false)
          setReasonError('')
        }}
      >
        <Text className={`${prefix}__dialog-hint`}>
          {detail && detail.capacity - detail.placesLeft + detail.waitlist > 0 ? `已报名和候补的 ${detail.capacity - detail.placesLeft + detail.waitlist} 人会收到取消通知。` : '取消后活动不再接受报名。'}
          取消后不能恢复。
        </Text>
        <TextArea
          className={`${prefix}__reason`}
          value={reason}
          onChange={(v) => {
            setReason(v)
            setReasonError('')
          }}
          placeholder="取消原因（必填），如：天气原因，改期另行通知"
          maxLength={200}
          showCount
        />
        {reasonError && <Text className={`${prefix}__error`}>{reasonError}</Text>}
      </Dialog>
    </View>
  )
}
