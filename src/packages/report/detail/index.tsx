import { useState } from 'react'
import { ArrowRight, Location, Search } from '@nutui/icons-react-taro'
import { Button, Cell, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { Confirmation, ReportDetail } from '@contract'
import { CaseTimeline } from '@/components/case-timeline'
import { LoadState } from '@/components/load-state'
import { StatusTag } from '@/components/status-tag'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { Blank } from '@/components/blank'
import { formatDateTime, formatWhen } from '@/utils/format'
import { Rating } from '@/components/rating'
import { alt } from '@/utils/a11y'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const SETTLED = ['closed', 'rejected', 'duplicate']

/** One line under the status saying where the case stands and who it waits on. */
function headline(d: ReportDetail): string {
  switch (d.status) {
    case 'submitted':
      return '已收到，等待创文办受理'
    case 'accepted':
      return '创文办已受理，正在安排责任单位'
    case 'assigned':
      return `已交办${d.department ? `「${d.department.name}」` : ''}，等待整改`
    case 'in_progress':
      return `${d.department?.name ?? '责任单位'}正在整改`
    case 'extension_requested':
      return `${d.department?.name ?? '责任单位'}申请延期，等待创文办审核`
    case 'returned':
      return '责任单位退回，创文办正在重新安排'
    case 'fixed':
      return '已整改，等待创文办核查'
    case 'closed':
      if (d.canConfirm) return '已整改办结，请确认问题是否解决'
      return d.onSpot ? '已立行立改，问题办结' : '问题已办结，感谢您的参与'
    case 'rejected':
      return `不予受理${d.rejectReason ? `：${d.rejectReason}` : ''}`
    case 'duplicate':
      return '与已上报的问题重复，已合并办理'
  }
}

function confirmationText(c: Confirmation): string | null {
  if (c.state === 'resolved') return `您已确认已解决${c.rating ? `，评价 ${c.rating} 星` : ''}${c.comment ? `：${c.comment}` : ''}`
  if (c.state === 'unresolved') return `您反馈未解决${c.reason ? `：${c.reason}` : ''}，已退回重新整改`
  if (c.state === 'auto') return '7 天内未确认，系统已按已解决办结'
  return null
}

const preview = (urls: string[], current: string) => Taro.previewImage({ urls, current })

function Photos({ urls }: { urls: string[] }) {
  return (
    <View className="report-detail__photos">
      {urls.map((url) => (
        <Image key={url} className="report-detail__photo" {...alt('问题照片')} src={url} mode="aspectFill" onClick={() => preview(urls, url)} />
      ))}
    </View>
  )
}

interface Answer {
  resolved: '' | 'yes' | 'no'
  rating: number
  comment: string
  reason: string
}

export default function ReportDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const report = useRequest(() => api.call('reports', 'detail', { id }), [id])
  const [busy, setBusy] = useState('')
  const [answer, setAnswer] = useState<Answer>({ resolved: '', rating: 5, comment: '', reason: '' })
  const [answerError, setAnswerError] = useState('')

  usePullDownRefresh(async () => {
    await report.reload()
    Taro.stopPullDownRefresh()
  })

  const follow = async () => {
    setBusy('follow')
    try {
      await api.call('reports', 'follow', { id })
      Taro.showToast({ title: '已关注，有进展会通知您', icon: 'none' })
      await report.reload()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后再试', icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  const confirm = async () => {
    if (!answer.resolved) return setAnswerError('请选择问题是否已解决')
    if (answer.resolved === 'no' && !answer.reason.trim()) return setAnswerError('请说说哪里还没解决，方便责任单位重新整改')
    setAnswerError('')
    setBusy('confirm')
    try {
      const resolved = answer.resolved === 'yes'
      await api.call('reports', 'confirm', {
        id,
        resolved,
        rating: answer.rating,
        ...(resolved ? (answer.comment.trim() ? { comment: answer.comment.trim() } : {}) : { reason: answer.reason.trim() })
      })
      Taro.showToast({ title: resolved ? '感谢您的评价' : '已退回重新整改', icon: 'none' })
      await report.reload()
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '提交失败，请稍后再试')
      setAnswerError(err.field('reason') ?? err.field('rating') ?? err.field('comment') ?? err.message)
    } finally {
      setBusy('')
    }
  }

  const openMap = (d: ReportDetail) => {
    if (process.env.TARO_ENV !== 'weapp') return
    void Taro.openLocation({ latitude: d.location.lat, longitude: d.location.lng, name: d.categoryName, address: d.location.address, scale: 17 })
  }

  if (report.error?.code === 'NOT_FOUND' && !report.loading) {
    return (
      <View className="report-detail">
        <ModeMeta />
        <Blank
          icon={<Search size={56} color="var(--cwt-brand-line)" />}
          title="找不到这个问题"
          description="它可能已被撤下，或者还没有公开"
          action={{ text: '看看附近的问题', onClick: () => void Taro.redirectTo({ url: '/packages/report/feed/index' }) }}
        />
      </View>
    )
  }

  const d = report.data
  const fixedAt = d?.timeline.filter((t) => t.to === 'fixed').pop()?.at
  return (
    <View className="report-detail">
      <LoadState loading={report.loading} error={report.error} ready={!!d} onRetry={report.reload} rows={8}>
        {d && (
          <>
            <View className={`report-detail__head report-detail__head--${d.status}`}>
              <View className="report-detail__status">
                <StatusTag status={d.status} overdue={d.overdue} />
                <Text className="report-detail__no">编号 {d.no}</Text>
              </View>
              <Text className="report-detail__headline">{headline(d)}</Text>
              {d.deadline && !SETTLED.includes(d.status) && (
                <Text className={`report-detail__deadline ${d.overdue ? 'report-detail__deadline--over' : ''}`}>
                  整改时限：{formatDateTime(d.deadline)} 前{d.overdue ? '（已超期）' : ''}
                </Text>
              )}
            </View>

            {d.canConfirm && (
              <View className="cwt-section report-detail__confirm">
                <View className="cwt-section__title">
                  <Text>问题解决了吗？</Text>
                  <Text className="cwt-section__hint">选「未解决」会退回责任单位重新整改</Text>
                </View>
                <Radio.Group
                  className="report-detail__choice"
                  shape="button"
                  direction="horizontal"
                  value={answer.resolved}
                  onChange={(v) => {
                    setAnswer({ ...answer, resolved: v as Answer['resolved'] })
                    setAnswerError('')
                  }}
                >
                  <Radio value="yes">已解决</Radio>
                  <Radio value="no">未解决</Radio>
                </Radio.Group>
                {answer.resolved && (
                  <>
                    <View className="report-detail__rate">
                      <Text className="report-detail__rate-label">{answer.resolved === 'yes' ? '满意度' : '评价'}</Text>
                      <Rating value={answer.rating} label={answer.resolved === 'yes' ? '满意度' : '评价'} onChange={(rating) => setAnswer({ ...answer, rating })} />
                    </View>
                    {answer.resolved === 'yes' ? (
                      <TextArea className="report-detail__textarea" value={answer.comment} onChange={(comment) => setAnswer({ ...answer, comment })} placeholder="说点什么（选填）" maxLength={200} showCount />
                    ) : (
                      <TextArea
                        className="report-detail__textarea"
                        value={answer.reason}
                        onChange={(reason) => {
                          setAnswer({ ...answer, reason })
                          setAnswerError('')
                        }}
                        placeholder="哪里还没解决？（必填）"
                        maxLength={200}
                        showCount
                      />
                    )}
                  </>
                )}
                {answerError && <Text className="report-detail__error">{answerError}</Text>}
                <Button className="report-detail__confirm-button" block type="primary" loading={busy === 'confirm'} onClick={confirm}>
                  提交确认
                </Button>
              </View>
            )}

            {d.confirmation && confirmationText(d.confirmation) && (
              <View className={`cwt-section report-detail__confirmed report-detail__confirmed--${d.confirmation.state}`}>
                <Text>{confirmationText(d.confirmation)}</Text>
                {d.confirmation.at && <Text className="report-detail__confirmed-at">{formatDateTime(d.confirmation.at)}</Text>}
              </View>
            )}

            <View className="cwt-section">
              {d.afterPhotos.length > 0 ? (
                <View className="report-detail__compare">
                  <View className="report-detail__side">
                    <Text className="report-detail__side-label">整改前</Text>
                    {d.photos.map((url) => (
                      <Image key={url} className="report-detail__side-photo" {...alt('整改前照片')} src={url} mode="aspectFill" onClick={() => preview(d.photos, url)} />
                    ))}
                  </View>
                  <View className="report-detail__side">
                    <Text className="report-detail__side-label report-detail__side-label--after">整改后</Text>
                    {d.afterPhotos.map((url) => (
                      <Image key={url} className="report-detail__side-photo" {...alt('整改后照片')} src={url} mode="aspectFill" onClick={() => preview(d.afterPhotos, url)} />
                    ))}
                  </View>
                </View>
              ) : d.photos.length > 0 ? (
                <Photos urls={d.photos} />
              ) : (
                <Text className="report-detail__muted">照片在创文办受理后公开</Text>
              )}
              {d.description && <Text className="report-detail__desc">{d.description}</Text>}
              {d.fixNote && (
                <View className="report-detail__fix">
                  <Text className="report-detail__fix-label">整改说明{fixedAt ? ` · ${formatWhen(fixedAt)}` : ''}</Text>
                  <Text>{d.fixNote}</Text>
                </View>
              )}
            </View>

            <Cell.Group className="report-detail__cells">
              <Cell title="问题类别" extra={d.categoryName} />
              <Cell
                title="问题位置"
                description={d.location.address}
                extra={process.env.TARO_ENV === 'weapp' ? <Location size={16} color="var(--cwt-brand)" /> : undefined}
                clickable={process.env.TARO_ENV === 'weapp'}
                onClick={() => openMap(d)}
              />
              {d.department && <Cell title="责任单位" extra={d.department.name} />}
              {d.deadline && (
                <Cell
                  title="整改时限"
                  extra={<Text className={d.overdue ? 'report-detail__over' : ''}>{`${formatDateTime(d.deadline)}${d.overdue ? ' 超期' : ''}`}</Text>}
                />
              )}
              {d.extension && <Cell title="延期申请" description={d.extension.reason} extra={`${d.extension.days} 个工作日`} />}
              {d.mine && <Cell title="公开方式" extra={d.anonymous ? '对公众匿名' : '公开昵称'} />}
              {d.duplicateOf && (
                <Cell
                  title="重复于"
                  extra={
                    <Text className="report-detail__link">
                      查看原问题 <ArrowRight size={12} />
                    </Text>
                  }
                  clickable
                  onClick={() => Taro.navigateTo({ url: `/packages/report/detail/index?id=${d.duplicateOf}` })}
                />
              )}
              {/* Unconditional and last: NutUI draws a divider after every child but the last, even an empty one. */}
              <Cell title="提交时间" extra={formatDateTime(d.createdAt)} />
            </Cell.Group>

            {(!d.mine || d.followers > 0) && (
              <View className="cwt-section report-detail__follow">
                <View className="report-detail__follow-text">
                  <Text className="report-detail__follow-count">{d.followers}</Text>
                  <Text className="report-detail__muted"> 人也遇到这个问题</Text>
                </View>
                {d.following ? (
                  <Button size="small" disabled>
                    已关注
                  </Button>
                ) : (
                  d.canFollow && (
                    <Button size="small" type="primary" loading={busy === 'follow'} onClick={follow}>
                      我也遇到
                    </Button>
                  )
                )}
              </View>
            )}

            <View className="cwt-section">
              <View className="cwt-section__title">
                <Text>办理进度</Text>
                <Text className="cwt-section__hint">共 {d.timeline.length} 步</Text>
              </View>
              <CaseTimeline entries={d.timeline} />
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
