import { ArrowRight } from '@nutui/icons-react-taro'
import { Badge, Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import type { Role } from '@contract'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { openWork } from '@/services/subscribe'

const go = (url: string) => Taro.navigateTo({ url })

/** An entry's arrow with the red count of what waits behind it. */
function Waiting({ count }: { count: number }) {
  return (
    <Text className="me__extra">
      {count > 0 && <Badge className="me__waiting" value={count} max={99} />}
      <ArrowRight size={12} />
    </Text>
  )
}

/** 我的 for the office and the departments: their work entries, each with the red count of what waits on them. */
export function StaffCells({ roles, department }: { roles: Role[]; department: string | null }) {
  const staff = roles.includes('admin') || roles.includes('handler')
  const waiting = useRequest(() => (staff ? api.call('reports', 'waiting', {}) : Promise.resolve(null)), [staff])
  // the newest bulletin the caller may read: a draft waiting on the office, or what units last received
  const latest = useRequest(() => (staff ? api.call('reports', 'bulletins', { page: 1, pageSize: 1 }) : Promise.resolve(null)), [staff])
  const shown = useRef(false)
  // opening work is when staff want to hear of the next: each entry asks WeChat to push it (services/subscribe)
  const work = (url: string) => () => void openWork(url, roles)

  // Back from triage or the queue the counts must drop.
  useDidShow(() => {
    if (shown.current) void Promise.all([waiting.reload(), latest.reload()])
    shown.current = true
  })
  usePullDownRefresh(() => void Promise.all([waiting.reload(), latest.reload()]))

  const office = waiting.data?.office
  const newest = latest.data?.items[0]
  const draft = newest?.status === 'draft' ? newest : undefined
  const rest = office ? [office.assign && `待交办 ${office.assign}`, office.verify && `待核查 ${office.verify}`, office.extensions && `延期申请 ${office.extensions}`].filter(Boolean) : []
  return (
    <>
      {roles.includes('admin') && (
        <Cell.Group className="me__cells me__office" title="创文办管理">
          <Cell title="待受理" description="新上报的随手拍逐件甄别" extra={<Waiting count={office?.triage ?? 0} />} clickable onClick={work('/packages/staff/triage/index')} />
          <Cell
            title="问题台账"
            description={rest.length ? rest.join(' · ') : '统计、筛选与导出'}
            extra={<Waiting count={office ? office.assign + office.verify + office.extensions : 0} />}
            clickable
            onClick={work('/packages/staff/ledger/index')}
          />
          <Cell title="督办" description="督办建议一键开具，督办单与回复" extra={<ArrowRight size={12} />} clickable onClick={work('/packages/orders/list/index')} />
          <Cell
            title="通报"
            description={draft ? `${draft.no}草稿待发布` : newest ? `最新 ${newest.no} · 周通报、月通报与红黑榜` : '周通报、月通报与红黑榜'}
            extra={<Waiting count={draft ? 1 : 0} />}
            clickable
            onClick={() => go('/packages/bulletins/list/index')}
          />
          <Cell title="考核排名" description="各单位月度得分与扣分" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/bulletins/ranking/index')} />
          <Cell title="系统设置" description="类别、单位、网格、督办阈值、考核权重等" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/staff/settings/index')} />
          <Cell title="用户与角色" description="授予志愿者、办理人、组织者等角色" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/admin/users/index')} />
        </Cell.Group>
      )}
      {roles.includes('handler') && (
        <Cell.Group className="me__cells me__department" title={`责任单位 · ${department ?? '未设所属单位'}`}>
          <Cell title="本单位待办" description="按整改时限先后办理" extra={<Waiting count={waiting.data?.department ?? 0} />} clickable onClick={work('/packages/staff/queue/index')} />
          <Cell title="督办单" description="创文办下发的督办单，签收并回复" extra={<Waiting count={waiting.data?.orders ?? 0} />} clickable onClick={work('/packages/orders/list/index')} />
          <Cell title="通报" description={newest ? `最新 ${newest.no}，本单位一行突出显示` : '创文办发布的通报'} extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/bulletins/list/index')} />
          <Cell title="考核得分" description="本单位每月得分、排名与扣分明细" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/bulletins/unit/index')} />
        </Cell.Group>
      )}
    </>
  )
}
