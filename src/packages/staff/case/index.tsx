import { formatDateTime, formatPoint } from '@/utils/format'
import { useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Button, Cell, NoticeBar, Rate, Tag } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { MOVES, pastDeadline, type Confirmation, type ReportDetail } from '@contract'
import { CaseTimeline } from '@/components/case-timeline'
import { LoadState } from '@/components/load-state'
import { StatusTag } from '@/components/status-tag'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { beijingDay, type WorkCalendar } from '@contract/calendar'
import { dayWithWeekday, deadlineLabel } from '../deadline'
import { availableActions, type StaffAction } from '../transitions'
import { ActionPopup } from './action-popup'
import { alt } from '@/utils/a11y'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'staff-case'

const OPEN = new Set(['accepted', 'assigned', 'in_progress', 'extension_requested', 'returned'])
// a 督办单 presses a unit on a case it is working on
const WITH_DEPARTMENT = new Set(['assigned', 'in_progress', 'extension_requested'])

const CONFIRMATION: Record<Confirmation['state'], string> = {
  pending: '待市民确认',
  resolved: '市民确认已解决',
  unresolved: '市民反馈未解决',
  auto: '逾期未评价，默认已解决'
}

/** One column of the before/after comparison: the first photo large, the rest as thumbnails under it. */
function Photos({ title, urls, empty }: { title: string; urls: string[]; empty: string }) {
  const [first, ...rest] = urls
  const preview = (current: string) => Taro.previewImage({ urls, current })
  return (
    <View className={`${prefix}__photos`}>
      <Text className={`${prefix}__photos-title`}>
        {title}
        {urls.length > 1 ? ` · ${urls.length} 张` : ''}
      </Text>
      {first ? (
        <Image className={`${prefix}__photo`} {...alt('问题照片')} src={first} mode="aspectFill" onClick={() => preview(first)} />
      ) : (
        <View className={`${prefix}__photo ${prefix}__photo--none`}>
          <Text>{empty}</Text>
        </View>
      )}
      {rest.length > 0 && (
        <View className={`${prefix}__thumbs`}>
          {rest.map((url) => (
            <Image key={url} className={`${prefix}__thumb`} {...alt('问题照片')} src={url} mode="aspectFill" onClick={() => preview(url)} />
          ))}
        </View>
      )}
    </View>
  )
}

function Facts({ detail, calendar }: { detail: ReportDetail; calendar?: WorkCalendar }) {
  const due = detail.deadline && OPEN.has(detail.status) ? deadlineLabel(detail.deadline, new Date(), calendar) : null
  const openMap = () => {
    if (process.env.TARO_ENV === 'h5') return
    void Taro.openLocation({ latitude: detail.location.lat, longitude: detail.location.lng, name: detail.categoryName, address: detail.location.address })
  }
  return (
    <Cell.Group className={`${prefix}__facts`}>
      <Cell
        title="位置"
        description={formatPoint(detail.location)}
        extra={<Text className={`${prefix}__value`}>{detail.location.address}</Text>}
        onClick={openMap}
      />
      <Cell title="网格" extra={detail.grid?.name ?? '未落入网格'} />
      <Cell title="举报人" extra={detail.reporter ? `${detail.reporter}${detail.anonymous ? '（对外匿名）' : ''}` : detail.anonymous ? '匿名举报' : '—'} />
      <Cell title="关注人数" extra={`${detail.followers} 人`} />
      <Cell title="责任单位" extra={detail.department?.name ?? '未交办'} />
      {detail.deadline && (
        <Cell
          title="整改时限"
          extra={
            <View className={`${prefix}__deadline`}>
              <Text>{dayWithWeekday(beijingDay(detail.deadline))}</Text>
              {due && <Text className={`${prefix}__due ${prefix}__due--${due.tone}`}>{due.text}</Text>}
            </View>
          }
        />
      )}
      {detail.onSpot && <Cell title="办理方式" extra="立行立改" />}
      {detail.fixNote && <Cell title="整改说明" description={detail.fixNote} />}
      {detail.rejectReason && <Cell title="不予受理理由" extra={detail.rejectReason} />}
      {detail.duplicateOf && (
        <Cell title="重复于" extra="查看原问题" clickable onClick={() => Taro.navigateTo({ url: `/packages/staff/case/index?id=${detail.duplicateOf}` })} />
      )}
    </Cell.Group>
  )
}

/** The staff view of one case: everything on record, and the steps this caller may take now. */
export default function StaffCase() {
  const id = useRouter().params.id ?? ''
  const detail = useRequest(() => api.call('reports', 'detail', { id }), [id])
  const me = useRequest(() => api.call('users', 'me'), [])
  const isAdmin = !!me.data?.roles.includes('admin')
  // Deadlines count working days on the office's calendar; the assign form also offers the grids, which only the office reads.
  const calendar = useRequest(() => api.call('campaign', 'calendar'), [])
  const settings = useRequest(() => (isAdmin ? api.call('campaign', 'settings') : Promise.resolve(null)), [isAdmin])
  const [action, setAction] = useState<StaffAction | null>(null)

  usePullDownRefresh(async () => {
    await detail.reload()
    Taro.stopPullDownRefresh()
  })

  const d = detail.data
  const actions = d && me.data
    ? availableActions(d.status, { admin: isAdmin, handlesCase: !!me.data.roles.includes('handler') && !!d.department && me.data.department?.id === d.department.id }, pastDeadline(d, new Date()))
    : []

  return (
    <View className={`${prefix} ${actions.length ? `${prefix}--with-bar` : ''}`}>
      <ModeMeta />
      <LoadState loading={detail.loading} error={detail.error} ready={!!d} onRetry={detail.reload} rows={10}>
        {d && (
          <>
            <View className={`${prefix}__body`}>
              {d.needsReview && <NoticeBar className={`${prefix}__review`} content="文字内容触发安全提示，待人工复核后再受理" />}
              <View className={`${prefix}__head`}>
                <View className={`${prefix}__title`}>
                  <Text className={`${prefix}__kind`}>{d.categoryName}</Text>
                  <View className={`${prefix}__tags`}>
                    {d.onSpot && (
                      <Tag background="var(--cwt-success-soft)" color="var(--cwt-success)">
                        立行立改
                      </Tag>
                    )}
                    <StatusTag status={d.status} overdue={d.overdue} />
                  </View>
                </View>
                <Text className={`${prefix}__meta`}>
                  {d.no} · {formatDateTime(d.createdAt)} 上报
                </Text>
                <Text className={`${prefix}__desc`}>{d.description}</Text>
                <View className={`${prefix}__compare`}>
                  <Photos title="整改前" urls={d.photos} empty="无照片" />
                  <Photos title="整改后" urls={d.afterPhotos} empty="尚未整改" />
                </View>
              </View>

              {d.extension && (
                <View className={`${prefix}__box ${prefix}__box--warn`}>
                  <Text className={`${prefix}__box-title`}>
                    申请延期 {d.extension.days} 个工作日 · {formatDateTime(d.extension.requestedAt)}
                  </Text>
                  <Text className={`${prefix}__box-body`}>{d.extension.reason}</Text>
                </View>
              )}

              {d.confirmation && (
                <View className={`${prefix}__box`}>
                  <View className={`${prefix}__box-row`}>
                    <Text className={`${prefix}__box-title`}>{CONFIRMATION[d.confirmation.state]}</Text>
                    {d.confirmation.rating !== undefined && <Rate value={d.confirmation.rating} readOnly size="small" />}
                  </View>
                  {(d.confirmation.comment || d.confirmation.reason) && <Text className={`${prefix}__box-body`}>{d.confirmation.comment || d.confirmation.reason}</Text>}
                </View>
              )}

              <Facts detail={d} calendar={calendar.data} />

              {isAdmin && d.department && WITH_DEPARTMENT.has(d.status) && (
                <Cell.Group className={`${prefix}__order`}>
                  <Cell
                    title="开具督办单"
                    description={`向${d.department.name}督办此问题`}
                    extra={<ArrowRight size={12} />}
                    clickable
                    onClick={() => Taro.navigateTo({ url: `/packages/orders/issue/index?departmentId=${d.department!.id}&caseId=${d.id}` })}
                  />
                </Cell.Group>
              )}

              <View className="cwt-section">
                <View className="cwt-section__title">
                  <Text>办理经过</Text>
                  <Text className="cwt-section__hint">{d.timeline.length} 步</Text>
                </View>
                <CaseTimeline entries={d.timeline} />
              </View>
            </View>

            {actions.length > 0 && (
              <View className={`${prefix}__bar`}>
                {actions.map((a, i) => (
                  <Button key={a} className={`${prefix}__action`} type={i === 0 ? 'primary' : 'default'} size="small" onClick={() => setAction(a)}>
                    {MOVES[a].label}
                  </Button>
                ))}
              </View>
            )}

            <ActionPopup
              action={action}
              detail={d}
              holidays={calendar.data}
              grids={settings.data?.grids}
              onClose={() => setAction(null)}
              onChanged={() => void detail.reload()}
            />
          </>
        )}
      </LoadState>
    </View>
  )
}
