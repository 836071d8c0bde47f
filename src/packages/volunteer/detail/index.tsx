import { formatDateTime, formatPoint, formatSpan, hoursText } from '@/utils/format'
import { useState, type ReactNode } from 'react'
import { Location, Search } from '@nutui/icons-react-taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { ACTIVITY_TYPE_LABELS, type ActivityDetail, type MySignup, type VolunteerMe } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { CheckInSheet } from '../components/check-in-sheet'
import { SignupTag } from '../components/signup-tag'
import { lineText, placesText } from '../format'
import { checkMove, isActive } from '../moves'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'vol-detail'
const isWeapp = process.env.TARO_ENV === 'weapp'
const when = (iso: string) => formatDateTime(iso)

type Busy = '' | 'signUp' | 'cancel' | 'acceptOffer'

interface ActionsProps {
  d: ActivityDetail
  /** undefined while unknown: the sign-up button waits rather than sending a non-volunteer to register. */
  me: VolunteerMe | null | undefined
  busy: Busy
  error: string
  onMove: (move: Exclude<Busy, ''>) => void
  onCheck: (mode: 'checkIn' | 'checkOut') => void
}

/** What the caller's sign-up is and what it waits on, from the sign-up itself. */
function signupLine(d: ActivityDetail, s: MySignup): string {
  switch (s.status) {
    case 'confirmed':
      if (d.stage === 'completed') return s.hours ? `已完成，计入服务时长 ${s.hours} 小时` : '已完成，名单已确认'
      if (s.checkOutAt) return `已签退（${when(s.checkOutAt)}）`
      if (s.checkInAt) return `已签到（${when(s.checkInAt)}），结束时记得扫组织者的签到码签退`
      return `已报名，请于 ${when(d.startAt)} 前到场签到`
    case 'waitlisted':
      return lineText(s.position)
    case 'offered':
      return `有名额空出，请在 ${s.offerExpiresAt ? when(s.offerExpiresAt) : '截止时间'} 前确认`
    case 'cancelled':
      return '您已取消报名'
    case 'passed':
      return '候补名额未在时限内确认，已让给下一位'
  }
}

/** The hours line once the activity is over: counted, or waiting for the organizer's roster. */
function hoursLine(d: ActivityDetail, s: MySignup): string | null {
  if (s.status !== 'confirmed' || dayjs().isBefore(d.endAt)) return null
  if (s.placeCheck === 'refused') return '签到位置未获组织者认可，不计服务时长'
  if (s.hours !== null) return `本次计入志愿服务时长 ${hoursText(s.hours)} 小时`
  if (s.placeCheck === 'pending') return '签到时没有提供位置，待组织者核实后计入时长'
  if (s.attendance === 'absent') return '本次未到场，不计服务时长'
  if (s.attendance === 'short') return '在场时间不足，不计服务时长'
  return d.rosterConfirmedAt ? '本次不计服务时长' : '服务时长待组织者确认名单后计入'
}

function Actions({ d, me, busy, error, onMove, onCheck }: ActionsProps) {
  const s = d.mySignup
  const now = dayjs()
  const check = checkMove(d, s)
  const buttons: ReactNode[] = []
  let line: string
  let note: string | null = null

  if (d.status === 'cancelled') {
    return (
      <View className={`cwt-section ${prefix}__action ${prefix}__action--cancelled`}>
        <Text className={`${prefix}__line`}>活动已取消</Text>
        <Text className={`${prefix}__note`}>{d.cancelReason ? `原因：${d.cancelReason}` : '组织者取消了这场活动'}</Text>
      </View>
    )
  }

  if (isActive(s)) {
    line = signupLine(d, s)
    note = s.status === 'waitlisted' ? '有人取消时按候补顺序递补，递补后请及时确认' : hoursLine(d, s)
    if (check) {
      buttons.push(
        <Button key="check" className={`${prefix}__check`} type="primary" block onClick={() => onCheck(check)}>
          {check === 'checkIn' ? '签到' : '签退'}
        </Button>
      )
    }
    if (s.status === 'offered') {
      buttons.push(
        <Button key="accept" className={`${prefix}__accept`} type="primary" block loading={busy === 'acceptOffer'} onClick={() => onMove('acceptOffer')}>
          确认参加
        </Button>
      )
    }
    if (!s.checkInAt && now.isBefore(d.startAt)) {
      if (now.isBefore(d.cancelDeadline)) {
        const text = s.status === 'confirmed' ? '取消报名' : s.status === 'waitlisted' ? '取消候补' : '放弃名额'
        buttons.push(
          <Button key="cancel" className={`${prefix}__cancel`} fill="outline" block loading={busy === 'cancel'} onClick={() => onMove('cancel')}>
            {text}
          </Button>
        )
      } else if (s.status === 'confirmed') {
        note = `已过取消截止时间（${when(d.cancelDeadline)}），如不能参加请联系组织者`
      }
    }
  } else {
    line = s ? signupLine(d, s) : ''
    if (!now.isBefore(d.endAt)) note = '活动已结束'
    else if (!now.isBefore(d.startAt)) note = '活动已开始，不再接受报名'
    else if (!now.isBefore(d.signupDeadline)) note = `报名已于 ${when(d.signupDeadline)} 截止`
    else if (me === null) {
      note = '注册成为志愿者后即可报名'
      buttons.push(
        <Button key="register" className={`${prefix}__register`} type="primary" block onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/register/index' })}>
          注册志愿者
        </Button>
      )
    } else {
      buttons.push(
        <Button key="signUp" className={`${prefix}__sign-up`} type="primary" block disabled={me === undefined} loading={busy === 'signUp'} onClick={() => onMove('signUp')}>
          {d.placesLeft > 0 ? '报名' : '名额已满，报名候补'}
        </Button>
      )
      note = d.placesLeft > 0 ? `报名后如不能参加，请在 ${when(d.cancelDeadline)} 前取消` : `已有 ${d.waitlist} 人候补，有人取消时按候补顺序递补`
    }
  }

  return (
    <View className={`cwt-section ${prefix}__action`}>
      {s && (
        <View className={`${prefix}__mine`}>
          <SignupTag status={s.status} />
          <Text className={`${prefix}__line`}>{line}</Text>
        </View>
      )}
      {note && <Text className={`${prefix}__note`}>{note}</Text>}
      {error && <Text className={`${prefix}__error`}>{error}</Text>}
      {buttons.length > 0 && <View className={`${prefix}__buttons`}>{buttons}</View>}
    </View>
  )
}

const DONE: Record<Exclude<Busy, ''>, (s: MySignup) => string> = {
  signUp: (s) => (s.status === 'waitlisted' ? lineText(s.position) : '已报名'),
  cancel: () => '已取消报名',
  acceptOffer: () => '已确认参加'
}

export default function ActivityDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useRequest(() => api.call('volunteer', 'activity', { id }), [id])
  const me = useRequest(() => api.call('volunteer', 'me'), [])
  const [busy, setBusy] = useState<Busy>('')
  const [error, setError] = useState('')
  const [sheet, setSheet] = useState<'checkIn' | 'checkOut' | null>(null)

  const refresh = () => Promise.all([activity.reload(), me.reload()])
  // Back from 志愿者注册 the sign-up button must appear.
  useReloadOnShow(refresh)
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })

  const move = async (action: Exclude<Busy, ''>) => {
    if (busy) return
    if (action === 'cancel') {
      const sure = await Taro.showModal({ title: '确定取消吗？', content: '取消后名额会让给候补的志愿者', confirmText: '确定取消', cancelText: '再想想', confirmColor: '#c8161d' })
      if (!sure.confirm) return
    }
    setBusy(action)
    setError('')
    try {
      const signup = await api.call('volunteer', action, { id })
      Taro.showToast({ title: DONE[action](signup), icon: 'none' })
      await activity.reload()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const openMap = (d: ActivityDetail) => {
    if (!isWeapp || d.place.lat === null || d.place.lng === null) return
    void Taro.openLocation({ latitude: d.place.lat, longitude: d.place.lng, name: d.title, address: d.place.address, scale: 17 })
  }

  if (activity.error?.code === 'NOT_FOUND' && !activity.loading) {
    return (
      <View className={prefix}>
        <ModeMeta />
        <Blank
          icon={<Search size={56} color="var(--cwt-brand-line)" />}
          title="找不到这个活动"
          description="它可能还没有发布，或者已被组织者撤下"
          action={{ text: '看看其他活动', onClick: () => void Taro.redirectTo({ url: '/packages/volunteer/list/index' }) }}
        />
      </View>
    )
  }

  const d = activity.data
  const located = d && d.place.lat !== null && d.place.lng !== null
  return (
    <View className={prefix}>
      <LoadState loading={activity.loading} error={activity.error} ready={!!d} onRetry={activity.reload} rows={8}>
        {d && (
          <>
            <View className={`${prefix}__head ${d.status === 'cancelled' ? `${prefix}__head--cancelled` : ''}`}>
              <View className={`${prefix}__tags`}>
                <Tag background="rgba(255, 255, 255, 0.92)" color="var(--cwt-brand)">
                  {ACTIVITY_TYPE_LABELS[d.type]}
                </Tag>
                {d.insurance && (
                  <Tag background="rgba(255, 255, 255, 0.2)" color="var(--cwt-text-on-brand)">
                    含保险
                  </Tag>
                )}
              </View>
              <Text className={`${prefix}__title`}>{d.title}</Text>
              <Text className={`${prefix}__when`}>{formatSpan(d.startAt, d.endAt)}</Text>
              <Text className={`${prefix}__places`}>{d.status === 'cancelled' ? '已取消' : placesText(d)}</Text>
            </View>

            {d.organizing && <Text className={`${prefix}__organizing`}>这是您组织的活动，名单与签到码在「活动管理」中查看</Text>}

            <Actions d={d} me={me.error ? null : me.data} busy={busy} error={error} onMove={move} onCheck={setSheet} />

            <Cell.Group className={`${prefix}__cells`}>
              <Cell title="活动时间" extra={formatSpan(d.startAt, d.endAt)} />
              <Cell
                title="活动地点"
                description={located && !isWeapp ? `${d.place.address}（${formatPoint({ lat: d.place.lat!, lng: d.place.lng! })}）` : d.place.address}
                extra={
                  located && isWeapp ? (
                    <Text className={`${prefix}__map`}>
                      <Location size="var(--cwt-icon-sm)" color="var(--cwt-brand)" /> 导航
                    </Text>
                  ) : undefined
                }
                clickable={!!located && isWeapp}
                onClick={() => openMap(d)}
              />
              <Cell title="招募名额" extra={`共 ${d.capacity} 人 · 已报名 ${d.capacity - d.placesLeft} 人`} />
              <Cell title="报名截止" extra={formatDateTime(d.signupDeadline)} />
              <Cell title="取消截止" extra={formatDateTime(d.cancelDeadline)} />
              <Cell title="志愿者保险" extra={d.insurance ? '组织方已为参加者投保' : '本次活动未投保'} />
              {/* Unconditional and last: NutUI draws a divider after every child but the last, even an empty one. */}
              <Cell title="组织团队" extra={d.team} />
            </Cell.Group>

            {d.bring.trim() && (
              <View className="cwt-section">
                <View className="cwt-section__title">
                  <Text>请携带</Text>
                </View>
                <Text className={`${prefix}__text`}>{d.bring}</Text>
              </View>
            )}

            <View className="cwt-section">
              <View className="cwt-section__title">
                <Text>活动介绍</Text>
              </View>
              <Text className={`${prefix}__text`}>{d.description}</Text>
            </View>

            <CheckInSheet
              activityId={d.id}
              mode={sheet}
              onClose={() => setSheet(null)}
              onDone={() => {
                setSheet(null)
                void activity.reload()
              }}
            />
          </>
        )}
      </LoadState>
    </View>
  )
}
