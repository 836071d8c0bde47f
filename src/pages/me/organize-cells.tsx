import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { Role } from '@contract'

const go = (url: string) => Taro.navigateTo({ url })
const arrow = <ArrowRight size={12} />

/** 我的 for organizers (their activities) and for the office (the monthly stars, make-up hours). */
export function OrganizeCells({ roles }: { roles: Role[] }) {
  return (
    <>
      {roles.includes('organizer') && (
        <Cell.Group className="me__cells me__organize" title="活动组织">
          <Cell title="组织的活动" description="发布活动、签到码、名单确认与导出" extra={arrow} clickable onClick={() => go('/packages/organize/list/index')} />
        </Cell.Group>
      )}
      {roles.includes('admin') && (
        <Cell.Group className="me__cells me__volunteer-admin" title="志愿服务管理">
          <Cell title="志愿服务之星评选" description="按月评选、公示与发布" extra={arrow} clickable onClick={() => go('/packages/organize/stars/index')} />
          <Cell title="补录服务时长" description="线下服务，与核实时长分开统计" extra={arrow} clickable onClick={() => go('/packages/organize/makeup/index')} />
        </Cell.Group>
      )}
    </>
  )
}
