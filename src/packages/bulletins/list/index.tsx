import { useRef, useState } from 'react'
import { ArrowRight, Order } from '@nutui/icons-react-taro'
import { Button, Cell, Picker, Popup, Radio, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BULLETIN_KIND_LABELS, BULLETIN_KINDS, BULLETIN_STATUS_LABELS, type BulletinCard, type BulletinKind } from '@contract'
import { Blank } from '@/components/blank'
import { PagedList } from '@/components/paged-list'
import { usePages } from '@/hooks/use-pages'
import { useRequest } from '@/hooks/use-request'
import { useSubmit } from '@/hooks/use-submit'
import { api, newRequestId } from '@/services/api'
import { periodOptions } from '../format'
import { formatDateTime, formatFullDay } from '@/utils/format'
import './index.scss'

const prefix = 'bulletin-list'
const PAGE_SIZE = 20

interface Plan {
  kind: BulletinKind
  start: string
}

const planFor = (kind: BulletinKind): Plan => ({ kind, start: periodOptions(kind, new Date(), 1)[0].start })
const fieldOf = (path: string) => (path === 'start' || path === 'kind' ? path : null)

function Row({ card, office }: { card: BulletinCard; office: boolean }) {
  const draft = card.status === 'draft'
  const page = draft && office ? 'edit' : 'view'
  return (
    <View className={`${prefix}__card`} onClick={() => Taro.navigateTo({ url: `/packages/bulletins/${page}/index?id=${card.id}` })}>
      <View className={`${prefix}__row`}>
        <Text className={`${prefix}__no`}>{card.no}</Text>
        <Tag background={draft ? 'var(--cwt-warning-soft)' : 'var(--cwt-success-soft)'} color={draft ? 'var(--cwt-warning)' : 'var(--cwt-success)'}>
          {BULLETIN_STATUS_LABELS[card.status]}
        </Tag>
      </View>
      <Text className={`${prefix}__title`}>
        {card.title}
        {BULLETIN_KIND_LABELS[card.kind]}
      </Text>
      <Text className={`${prefix}__meta`}>{draft ? `${formatDateTime(card.createdAt)}起草` : `${formatFullDay(card.publishedAt ?? card.createdAt)}发布`}</Text>
    </View>
  )
}

/** 通报: the office's drafts and published bulletins, newest first, and a new draft for a past week or month; units see the published ones. */
export default function BulletinList() {
  const me = useRequest(() => api.call('users', 'me'), [])
  const office = !!me.data?.roles.includes('admin')
  const list = usePages((page) => api.call('reports', 'bulletins', { page, pageSize: PAGE_SIZE }), [])
  const [plan, setPlan] = useState<Plan | null>(null)
  const [picking, setPicking] = useState(false)
  const submit = useSubmit(fieldOf, '生成失败，请稍后再试')
  // one per draft being made: a retried tap after a lost answer makes one draft under one number
  const requestId = useRef(newRequestId())

  const options = plan ? periodOptions(plan.kind, new Date()) : []
  const chosen = options.find((o) => o.start === plan?.start)

  const create = () =>
    plan &&
    submit.run(() => api.call('reports', 'createBulletin', plan, { requestId: requestId.current }), {
      done: (b) => {
        requestId.current = newRequestId()
        setPlan(null)
        void Taro.navigateTo({ url: `/packages/bulletins/edit/index?id=${b.id}` })
      }
    })

  return (
    <View className={prefix}>
      <PagedList
        list={list}
        pageSize={PAGE_SIZE}
        head={(data) => (
          <View className={`${prefix}__summary`}>
            <Text>
              通报 <Text className={`${prefix}__count`}>{data.total}</Text> 期
            </Text>
            <View className={`${prefix}__links`}>
              <Button size="small" fill="outline" type="primary" onClick={() => Taro.navigateTo({ url: '/packages/bulletins/ranking/index' })}>
                考核排名
              </Button>
              {office && (
                <Button className={`${prefix}__new`} size="small" type="primary" onClick={() => { submit.reset(); setPlan(planFor('week')) }}>
                  新建通报
                </Button>
              )}
            </View>
          </View>
        )}
        empty={
          <Blank
            icon={<Order size={48} color="var(--cwt-border-strong)" />}
            title={office ? '还没有通报' : '还没有发布的通报'}
            description={office ? '点「新建通报」，选上周或上个月，系统按期末数据生成草稿' : '创文办发布通报后会通知您，并出现在这里'}
          />
        }
        item={(card) => <Row key={card.id} card={card} office={office} />}
      />

      <Popup visible={!!plan} position="bottom" round title="新建通报" closeable onClose={() => setPlan(null)}>
        {plan && (
          <View className={`${prefix}__form`}>
            <Radio.Group className={`${prefix}__kinds`} direction="horizontal" value={plan.kind} onChange={(v) => { submit.clear('kind', 'start'); setPlan(planFor(v as BulletinKind)) }}>
              {BULLETIN_KINDS.map((k) => (
                <Radio key={k} value={k} shape="button">
                  {BULLETIN_KIND_LABELS[k]}
                </Radio>
              ))}
            </Radio.Group>
            <Cell.Group>
              <Cell
                title={plan.kind === 'week' ? '通报周' : '通报月份'}
                description={plan.kind === 'week' ? '周一至周日' : '当月 1 日至月末'}
                extra={<Text className={`${prefix}__pick`}>{chosen?.label ?? plan.start}<ArrowRight size={12} /></Text>}
                clickable
                onClick={() => setPicking(true)}
              />
            </Cell.Group>
            {(submit.errors.start || submit.errors.kind || submit.error) && <Text className={`${prefix}__error`}>{submit.errors.start ?? submit.errors.kind ?? submit.error}</Text>}
            <Text className={`${prefix}__hint`}>数据取自该期结束时，生成后可撰写导语和单位点评，预览无误再发布。</Text>
            <Button className={`${prefix}__create`} block type="primary" loading={submit.busy} onClick={create}>
              生成草稿
            </Button>
          </View>
        )}
      </Popup>
      <Picker
        visible={picking}
        title={plan?.kind === 'month' ? '通报月份' : '通报周'}
        options={[options.map((o) => ({ label: o.label, value: o.start }))]}
        value={[plan?.start ?? '']}
        onConfirm={(_, [v]) => plan && v && setPlan({ ...plan, start: String(v) })}
        onClose={() => setPicking(false)}
      />
    </View>
  )
}
