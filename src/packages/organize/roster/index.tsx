import { useState } from 'react'
import { Checked, Edit, QrCode, User } from '@nutui/icons-react-taro'
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { CHECK_OUT_LATE_MINUTES, type Attendance, type PlaceCheck, type Roster, type RosterRow, type SignupStatus } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { StatGrid } from '@/components/stat-grid'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { ActivityTag } from '../activity-tag'
import { openExport } from '@/utils/open-export'
import { ATTENDANCE_LABELS, signupLabel, waitlistPositions } from '../labels'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDateTime, formatSpan, hoursText } from '@/utils/format'

const prefix = 'org-roster'

// Has a place: green; in line or asked: amber; out: grey.
const STATUS_COLOURS: Record<SignupStatus, [string, string]> = {
  confirmed: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  offered: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  waitlisted: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  cancelled: ['var(--cwt-fill-strong)', 'var(--cwt-text-hint)'],
  passed: ['var(--cwt-fill-strong)', 'var(--cwt-text-hint)']
}
const ATTENDANCE_COLOURS: Record<Attendance, [string, string]> = {
  pending: ['var(--cwt-fill-strong)', 'var(--cwt-text-hint)'],
  present: ['var(--cwt-success-soft)', 'var(--cwt-success)'],
  short: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'],
  absent: ['var(--cwt-brand-soft)', 'var(--cwt-brand)']
}
// 待核实 asks for a decision; the decision shows plainly.
const PLACE_CHECKS: Record<PlaceCheck, { label: string; colours: [string, string] }> = {
  pending: { label: '待核实', colours: ['var(--cwt-warning-soft)', 'var(--cwt-warning)'] },
  approved: { label: '已认可', colours: ['var(--cwt-success-soft)', 'var(--cwt-success)'] },
  refused: { label: '未认可', colours: ['var(--cwt-brand-soft)', 'var(--cwt-brand)'] }
}
// Places first, then the line in order, then those who left.
const ORDER: Record<SignupStatus, number> = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3, passed: 4 }

const clock = (iso: string | null) => (iso ? dayjs(iso).format('HH:mm') : '—')

interface RowProps {
  row: RosterRow
  position: number | null
  settled: boolean
  /** Set while this row's decision is being sent. */
  reviewing: boolean
  onReview: (approve: boolean) => void
}

function Row({ row, position, settled, reviewing, onReview }: RowProps) {
  const [bg, fg] = STATUS_COLOURS[row.status]
  const [abg, afg] = ATTENDANCE_COLOURS[row.attendance]
  const active = row.status === 'confirmed'
  return (
    <View className={`${prefix}__row ${active ? '' : `${prefix}__row--muted`}`}>
      <View className={`${prefix}__who`}>
        <Text className={`${prefix}__name`}>{row.realName || row.nickname}</Text>
        {row.realName && row.realName !== row.nickname && <Text className={`${prefix}__nick`}>{row.nickname}</Text>}
        <Text className={`${prefix}__phone`}>{row.phone}</Text>
        <Tag className={`${prefix}__tag`} background={bg} color={fg}>
          {signupLabel(row.status, position)}
        </Tag>
      </View>
      {active && (
        <View className={`${prefix}__times`}>
          <Text>签到 {clock(row.checkInAt)}</Text>
          <Text>
            签退 {clock(row.checkOutAt)}
            {row.autoCheckout && <Text className={`${prefix}__auto`}>自动签退</Text>}
          </Text>
          {row.placeCheck && (
            <Tag className={`${prefix}__place`} background={PLACE_CHECKS[row.placeCheck].colours[0]} color={PLACE_CHECKS[row.placeCheck].colours[1]}>
              {PLACE_CHECKS[row.placeCheck].label}
            </Tag>
          )}
          {(settled || row.attendance !== 'pending') && (
            <View className={`${prefix}__result`}>
              <Tag background={abg} color={afg}>
                {ATTENDANCE_LABELS[row.attendance]}
              </Tag>
              <Text className={`${prefix}__hours`}>{row.hours === null ? '—' : `${hoursText(row.hours)} 小时`}</Text>
            </View>
          )}
        </View>
      )}
      {active && row.placeCheck === 'pending' && !settled && (
        <View className={`${prefix}__review`}>
          <Text className={`${prefix}__review-hint`}>签到或签退时没有提供位置，请核实是否到场</Text>
          <Button size="small" fill="outline" disabled={reviewing} onClick={() => onReview(false)}>
            不认可
          </Button>
          <Button size="small" type="primary" loading={reviewing} onClick={() => onReview(true)}>
            认可
          </Button>
        </View>
      )}
    </View>
  )
}

/** 名单: who signed up and who came; after the activity the organizer confirms it, which books the hours. */
export default function OrganizeRoster() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const roster = useRequest(() => api.call('volunteer', 'roster', { id }), [id])
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'' | 'confirm' | 'export'>('')
  // Confirming answers with the roster as booked; show it at once rather than wait for a reload.
  const [confirmed, setConfirmed] = useState<Roster>()
  const [reviewing, setReviewing] = useState('')

  useReloadOnShow(roster.reload)
  usePullDownRefresh(async () => {
    await roster.reload()
    Taro.stopPullDownRefresh()
  })

  const data = confirmed && !roster.data?.confirmedAt ? confirmed : roster.data

  const confirm = async () => {
    setBusy('confirm')
    try {
      setConfirmed(await api.call('volunteer', 'confirmRoster', { id }))
      setConfirming(false)
      Taro.showToast({ title: '名单已确认，时长已计入', icon: 'none' })
      void roster.reload()
    } catch (e) {
      setConfirming(false)
      Taro.showToast({ title: e instanceof ApiError ? e.message : '确认失败，请稍后再试', icon: 'none', duration: 3000 })
      if (e instanceof ApiError && e.code === 'CONFLICT') void roster.reload()
    } finally {
      setBusy('')
    }
  }

  const review = async (userId: string, approve: boolean) => {
    setReviewing(userId)
    try {
      await api.call('volunteer', 'reviewAttendance', { id, userId, approve })
      Taro.showToast({ title: approve ? '已认可' : '已标记为未认可', icon: 'none' })
      await roster.reload()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '核实失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setReviewing('')
    }
  }

  const exportRoster = async () => {
    if (!data) return
    setBusy('export')
    try {
      const file = await api.call('volunteer', 'exportRoster', { id })
      if (file.rows === 0) {
        Taro.showToast({ title: '名单是空的，没有可导出的内容', icon: 'none' })
        return
      }
      await openExport(file.url, `${data.activity.title}-名单-${dayjs(data.activity.startAt).format('YYYYMMDD')}.xlsx`)
      Taro.showToast({ title: `已导出 ${file.rows} 人`, icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '导出的文件打不开，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setBusy('')
    }
  }

  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={roster.loading} error={roster.error} ready={!!data} onRetry={roster.reload} rows={8}>
        {data && <Body data={data} busy={busy} reviewing={reviewing} onReview={review} onConfirm={() => setConfirming(true)} onExport={exportRoster} />}
      </LoadState>
      <Dialog
        visible={confirming}
        title="确认名单"
        content="确认后按签到、签退记录计入志愿者的服务时长，名单不能再修改。"
        confirmText={busy === 'confirm' ? '确认中…' : '确认'}
        cancelText="再核对一下"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

interface BodyProps {
  data: Roster
  busy: '' | 'confirm' | 'export'
  /** The volunteer whose check-in is being decided. */
  reviewing: string
  onReview: (userId: string, approve: boolean) => void
  onConfirm: () => void
  onExport: () => void
}

function Body({ data, busy, reviewing, onReview, onConfirm, onExport }: BodyProps) {
  const { activity: a, rows, confirmedAt } = data
  const taken = a.capacity - a.placesLeft
  const ended = dayjs().isAfter(a.endAt)
  const live = a.status === 'published'
  // The code serves check-out too, until the sweep checks out whoever forgot.
  const checkOutUntil = dayjs(a.endAt).add(CHECK_OUT_LATE_MINUTES, 'minute')
  const codeOpen = live && dayjs().isBefore(checkOutUntil)
  const positions = waitlistPositions(rows)
  const sorted = [...rows].sort((x, y) => ORDER[x.status] - ORDER[y.status] || (x.ticket ?? 0) - (y.ticket ?? 0))
  const checkedIn = rows.filter((r) => r.status === 'confirmed' && r.checkInAt).length
  const unchecked = rows.filter((r) => r.status === 'confirmed' && r.placeCheck === 'pending').length

  return (
    <>
      <View className={`${prefix}__summary`}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__title`}>{a.title}</Text>
          <ActivityTag stage={a.stage} />
        </View>
        <Text className={`${prefix}__meta`}>{formatSpan(a.startAt, a.endAt)}</Text>
        <Text className={`${prefix}__meta`}>{a.place.address}</Text>
        <StatGrid
          className={`${prefix}__stats`}
          items={[
            { label: '已报名', value: `${taken}/${a.capacity}` },
            { label: '候补', value: a.waitlist },
            { label: '已签到', value: checkedIn },
            { label: '空余名额', value: a.placesLeft }
          ]}
        />
        <View className={`${prefix}__actions`}>
          {codeOpen && (
            <Button className={`${prefix}__code`} size="small" type="primary" icon={<QrCode size={12} />} onClick={() => Taro.navigateTo({ url: `/packages/organize/code/index?id=${a.id}` })}>
              签到码
            </Button>
          )}
          {!confirmedAt && a.status !== 'cancelled' && (
            <Button className={`${prefix}__edit`} size="small" fill="outline" type="primary" icon={<Edit size={12} />} onClick={() => Taro.navigateTo({ url: `/packages/organize/edit/index?id=${a.id}` })}>
              编辑
            </Button>
          )}
          {ended && live && (
            <Button className={`${prefix}__export`} size="small" fill="outline" type="primary" loading={busy === 'export'} onClick={onExport}>
              导出 Excel
            </Button>
          )}
        </View>
        {codeOpen && ended && <Text className={`${prefix}__code-hint`}>活动已结束，志愿者签退仍扫签到码，{checkOutUntil.format('HH:mm')} 后未签退的按结束时间自动签退</Text>}
        {a.status === 'cancelled' && <Text className={`${prefix}__cancelled`}>活动已取消{a.cancelReason ? `：${a.cancelReason}` : ''}</Text>}
      </View>

      {ended && live && (
        <View className={`${prefix}__confirm-bar`}>
          {confirmedAt ? (
            <Text className={`${prefix}__confirmed`}>
              <Checked size={14} color="var(--cwt-success)" /> 已确认 · {formatDateTime(confirmedAt)}，时长已计入
            </Text>
          ) : (
            <Text className={`${prefix}__confirm-hint`}>{unchecked ? `还有 ${unchecked} 人的签到待核实，核实后才能确认名单` : '活动已结束，核对签到签退后确认名单，时长才会计入'}</Text>
          )}
          <Button className={`${prefix}__confirm`} size="small" type="primary" disabled={!!confirmedAt || unchecked > 0} loading={busy === 'confirm'} onClick={onConfirm}>
            {confirmedAt ? '已确认' : '确认名单'}
          </Button>
        </View>
      )}

      <Text className={`${prefix}__total`}>共 {rows.length} 人次</Text>
      {sorted.length === 0 ? (
        <Blank icon={<User size={48} color="var(--cwt-border-strong)" />} title="还没有人报名" description={a.status === 'draft' ? '活动发布后志愿者才能报名' : '报名的志愿者会出现在这里'} />
      ) : (
        <View className={`${prefix}__rows`}>
          {sorted.map((row) => (
            <Row
              key={row.userId}
              row={row}
              position={positions.get(row.userId) ?? null}
              settled={!!confirmedAt}
              reviewing={reviewing === row.userId}
              onReview={(approve) => onReview(row.userId, approve)}
            />
          ))}
        </View>
      )}
    </>
  )
}
