import { useEffect, useMemo, useRef, useState } from 'react'
import { ArrowRight, Location } from '@nutui/icons-react-taro'
import { Button, Cascader, Cell, Input, Popup, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { REPORT_DESCRIPTION_MAX, type CategoryGroup, type NearbyMatch } from '@contract'
import { PhotoPicker } from '@/components/photo-picker'
import { StatusTag } from '@/components/status-tag'
import { useRequest } from '@/hooks/use-request'
import { fieldIn, useSubmit } from '@/hooks/use-submit'
import { api, ApiError } from '@/services/api'
import { clearDraft, loadDraft, parseCoordinate, saveDraft, type ReportDraft } from '../draft'
import { formatDistance, formatPoint, formatWhen } from '@/utils/format'
import { currentPosition } from '@/utils/location'
import { askForNotices, reportTemplates } from '@/services/subscribe'
import { alt } from '@/utils/a11y'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

type Field = 'photos' | 'categoryId' | 'location' | 'description'
type Errors = Partial<Record<Field, string>>

const FIELDS: Field[] = ['photos', 'categoryId', 'location', 'description']
const isH5 = process.env.TARO_ENV === 'h5'

function kindOf(groups: CategoryGroup[] | undefined, kindId: string) {
  for (const group of groups ?? []) {
    const kind = group.kinds.find((k) => k.id === kindId)
    if (kind) return { group, kind }
  }
  return undefined
}

function validate(d: ReportDraft): Errors {
  const errors: Errors = {}
  if (d.photos.length === 0) errors.photos = '请至少拍一张照片'
  if (!d.categoryId) errors.categoryId = '请选择问题类别'
  if (!d.address.trim()) errors.location = '请填写问题所在的位置'
  else if (parseCoordinate(d.lat, 'lat') === null || parseCoordinate(d.lng, 'lng') === null) errors.location = isH5 ? '请填写正确的经纬度，或点「使用我的位置」' : '请在地图上选择问题所在的位置'
  if (!d.description.trim()) errors.description = '请简单描述一下问题'
  else if (d.description.length > REPORT_DESCRIPTION_MAX) errors.description = `问题描述最多 ${REPORT_DESCRIPTION_MAX} 个字`
  return errors
}

export default function NewReport() {
  const { params } = useRouter()
  const [draft, setDraft] = useState<ReportDraft>(loadDraft)
  const [uploading, setUploading] = useState(false)
  // the server names nested fields with dots (location.address): each belongs to its top-level field
  const submission = useSubmit(fieldIn(FIELDS))
  const { errors, busy: submitting } = submission
  const [picking, setPicking] = useState(false)
  const [locating, setLocating] = useState(false)
  const [matches, setMatches] = useState<NearbyMatch[]>([])
  const [following, setFollowing] = useState('')
  // The nearby check asked about this category and spot and the resident said it is a different problem.
  const checked = useRef('')
  const done = useRef(false)
  const categories = useRequest(() => api.call('campaign', 'categories'), [])

  // Every change is on the phone at once, so leaving the page or a failed submit loses nothing.
  useEffect(() => {
    if (!done.current) saveDraft(draft)
  }, [draft])

  const change = (patch: Partial<ReportDraft>, field?: Field) => {
    setDraft((d) => ({ ...d, ...patch }))
    if (field && errors[field]) submission.clear(field)
  }

  const options = useMemo(
    () => (categories.data ?? []).map((g) => ({ text: g.name, value: g.id, children: g.kinds.map((k) => ({ text: k.name, value: k.id })) })),
    [categories.data]
  )
  const chosen = kindOf(categories.data, draft.categoryId)

  const locateMe = async () => {
    setLocating(true)
    const at = await currentPosition()
    setLocating(false)
    change({ lat: String(at.lat), lng: String(at.lng) }, 'location')
    Taro.showToast({ title: at.fallback ? '未能获取您的位置，已定位到市中心，请手动修改' : '已获取您的位置', icon: 'none' })
  }

  const chooseOnMap = async () => {
    const lat = parseCoordinate(draft.lat, 'lat')
    const lng = parseCoordinate(draft.lng, 'lng')
    try {
      const res = await Taro.chooseLocation(lat !== null && lng !== null ? { latitude: lat, longitude: lng } : {})
      // The place name (翠峰公园) says more than the street address alone; keep both, once.
      const address = res.name && !res.address.includes(res.name) ? `${res.address} ${res.name}`.trim() : res.address || res.name
      change({ address, lat: String(res.latitude), lng: String(res.longitude) }, 'location')
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string }).errMsg))) Taro.showToast({ title: '无法打开地图，请在设置中允许使用位置信息', icon: 'none' })
    }
  }

  const failed = (err: ApiError, found: Errors) => {
    const first = FIELDS.map((f) => found[f]).find(Boolean)
    const saved = err.code === 'NETWORK' || err.code === 'INTERNAL' ? '，草稿已保存' : ''
    Taro.showToast({ title: `${first ?? err.message}${saved}`, icon: 'none', duration: 3000 })
  }

  const spot = () => `${draft.categoryId}@${draft.lat},${draft.lng}`

  /** Files the case; the draft's requestId makes a retry after a lost answer the same submit. */
  const file = async () => {
    const detail = await api.call(
      'reports',
      'submit',
      {
        categoryId: draft.categoryId,
        description: draft.description.trim(),
        photos: draft.photos.map((p) => p.fileId),
        location: { address: draft.address.trim(), lat: parseCoordinate(draft.lat, 'lat')!, lng: parseCoordinate(draft.lng, 'lng')! },
        anonymous: draft.anonymous
      },
      { requestId: draft.requestId }
    )
    done.current = true
    clearDraft()
    Taro.showToast({ title: '提交成功', icon: 'success' })
    void Taro.redirectTo({ url: `/packages/report/detail/index?id=${detail.id}` })
  }

  const submit = async () => {
    if (submitting) return
    if (uploading) return Taro.showToast({ title: '照片还在上传，请稍候', icon: 'none' })
    const found = validate(draft)
    submission.show(found)
    const first = FIELDS.map((f) => found[f]).find(Boolean)
    if (first) return Taro.showToast({ title: first, icon: 'none' })
    await askForNotices(reportTemplates())
    await submission.run(async () => {
      if (checked.current !== spot()) {
        const near = await api.call('reports', 'nearby', { categoryId: draft.categoryId, lat: parseCoordinate(draft.lat, 'lat')!, lng: parseCoordinate(draft.lng, 'lng')! })
        if (near.length) return setMatches(near)
      }
      await file()
    }, { failed })
  }

  const submitAnyway = async () => {
    checked.current = spot()
    setMatches([])
    await submission.run(file, { failed })
  }

  // The same problem is already on file: follow it instead, and this draft has done its job.
  const follow = async (match: NearbyMatch) => {
    setFollowing(match.id)
    try {
      await api.call('reports', 'follow', { id: match.id })
      done.current = true
      clearDraft()
      setMatches([])
      Taro.showToast({ title: '已关注，有进展会通知您', icon: 'none' })
      void Taro.redirectTo({ url: `/packages/report/detail/index?id=${match.id}` })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后再试', icon: 'none' })
    } finally {
      setFollowing('')
    }
  }

  const located = parseCoordinate(draft.lat, 'lat') !== null && parseCoordinate(draft.lng, 'lng') !== null

  return (
    <View className="report-new">
      <ModeMeta />
      <View className="report-new__body">
        <View className="cwt-section">
          <View className="cwt-section__title">
            <Text>
              现场照片<Text className="report-new__required">*</Text>
            </Text>
            <Text className="cwt-section__hint">1–6 张，拍清问题和周边环境</Text>
          </View>
          <PhotoPicker value={draft.photos} onChange={(photos) => change({ photos }, 'photos')} onBusyChange={setUploading} autoOpen={params.pick === '1'} disabled={submitting} />
          {errors.photos && <Text className="report-new__error">{errors.photos}</Text>}
        </View>

        <View className="cwt-section report-new__form">
          <View className="report-new__block report-new__block--first">
            <Text className="report-new__label">
              问题类别<Text className="report-new__required">*</Text>
            </Text>
            <View className="report-new__input report-new__category" ariaRole="button" onClick={() => (categories.error && !categories.data ? void categories.reload() : setPicking(true))}>
              <Text className={chosen ? '' : 'report-new__placeholder'}>
                {chosen ? `${chosen.group.name} / ${chosen.kind.name}` : categories.error ? '类别加载失败，点此重试' : '选择问题所属的类别'}
              </Text>
              <ArrowRight size="var(--cwt-icon-sm)" color="var(--cwt-text-hint)" />
            </View>
            {chosen && (
              <Text className="report-new__hint">
                {chosen.kind.department?.name ?? '创文办'}办理 · 一般 {chosen.kind.deadlineDays} 个工作日内整改
              </Text>
            )}
            {errors.categoryId && <Text className="report-new__error">{errors.categoryId}</Text>}
          </View>

          <View className="report-new__block">
            <Text className="report-new__label">
              问题位置<Text className="report-new__required">*</Text>
            </Text>
            <Input
              className="report-new__input report-new__address"
              value={draft.address}
              onChange={(address) => change({ address }, 'location')}
              placeholder="如：文昌路与翠峰路口东北角公交站旁"
              maxLength={100}
              clearable
            />
            {isH5 ? (
              <View className="report-new__coords">
                <Input className="report-new__input report-new__coord" type="digit" value={draft.lat} onChange={(lat) => change({ lat }, 'location')} placeholder="纬度" />
                <Input className="report-new__input report-new__coord" type="digit" value={draft.lng} onChange={(lng) => change({ lng }, 'location')} placeholder="经度" />
                <Button className="report-new__locate" size="small" fill="outline" type="primary" icon={<Location size="var(--cwt-icon-sm)" />} loading={locating} onClick={locateMe}>
                  使用我的位置
                </Button>
              </View>
            ) : (
              <View className="report-new__coords">
                <Text className="report-new__coord-text">{located ? `已选点：${formatPoint({ lat: Number(draft.lat), lng: Number(draft.lng) })}` : '尚未在地图上选点'}</Text>
                <Button className="report-new__locate" size="small" fill="outline" type="primary" icon={<Location size="var(--cwt-icon-sm)" />} onClick={chooseOnMap}>
                  {located ? '重新选点' : '地图选点'}
                </Button>
              </View>
            )}
            {errors.location && <Text className="report-new__error">{errors.location}</Text>}
          </View>

          <View className="report-new__block">
            <Text className="report-new__label">
              问题描述<Text className="report-new__required">*</Text>
            </Text>
            <TextArea
              className="report-new__textarea"
              value={draft.description}
              onChange={(description) => change({ description }, 'description')}
              placeholder="说说看到了什么：比如井盖缺失、垃圾堆了几天、影响行人通行…"
              maxLength={REPORT_DESCRIPTION_MAX}
              showCount
              rows={4}
              autoSize
            />
            {errors.description && <Text className="report-new__error">{errors.description}</Text>}
          </View>

          <Cell
            className="report-new__anonymous"
            title="对公众匿名"
            description="开启后，公开信息中不显示您的昵称；创文办仍可联系您核实"
            extra={<Switch checked={draft.anonymous} ariaLabel="对公众匿名" onChange={(anonymous) => change({ anonymous })} />}
          />
        </View>
      </View>

      <View className="report-new__bar">
        <Text className="report-new__saved">{uploading ? '照片上传中…' : '内容已自动保存为草稿'}</Text>
        <Button className="report-new__submit" type="primary" block loading={submitting} disabled={uploading} onClick={submit}>
          {submitting ? '提交中…' : '提交随手拍'}
        </Button>
      </View>

      <Cascader
        visible={picking}
        title="选择问题类别"
        options={options}
        value={chosen ? [chosen.group.id, chosen.kind.id] : []}
        closeable
        onClose={() => setPicking(false)}
        onChange={(value) => {
          const kindId = String(value[value.length - 1] ?? '')
          if (value.length === 2) change({ categoryId: kindId }, 'categoryId')
        }}
      />

      <Popup
        visible={matches.length > 0}
        position="bottom"
        round
        closeable
        title="附近已有相似问题"
        onClose={() => setMatches([])}
        className="report-new__nearby"
      >
        <View className="report-new__nearby-body">
          <Text className="report-new__nearby-hint">附近 100 米内已有人反映了同类问题。如果是同一个问题，点「我也遇到」一起跟进，处理进展会通知您。</Text>
          {matches.map((m) => (
            <View key={m.id} className="report-new__match">
              {m.thumb ? <Image className="report-new__match-thumb" {...alt('附近同类问题的照片')} src={m.thumb} mode="aspectFill" /> : <View className="report-new__match-thumb report-new__match-thumb--none">待受理</View>}
              <View className="report-new__match-body">
                <View className="report-new__match-head">
                  <Text className="report-new__match-kind">{m.categoryName}</Text>
                  <StatusTag status={m.status} />
                </View>
                <Text className="report-new__match-address">{m.address}</Text>
                <Text className="report-new__match-meta">
                  {formatDistance(m.distance)} · {formatWhen(m.createdAt)}
                  {m.followers > 0 ? ` · ${m.followers} 人也遇到` : ''}
                </Text>
                {m.mine || m.following ? (
                  <Button className="report-new__match-follow" size="small" fill="outline" onClick={() => Taro.navigateTo({ url: `/packages/report/detail/index?id=${m.id}` })}>
                    {m.mine ? '这是我上报的，去看看' : '已在跟进，去看看'}
                  </Button>
                ) : (
                  <Button className="report-new__match-follow" size="small" type="primary" loading={following === m.id} disabled={!!following} onClick={() => follow(m)}>
                    我也遇到
                  </Button>
                )}
              </View>
            </View>
          ))}
          <Button className="report-new__anyway" block fill="outline" disabled={!!following} onClick={submitAnyway}>
            不是同一个问题，继续提交
          </Button>
        </View>
      </Popup>
    </View>
  )
}
