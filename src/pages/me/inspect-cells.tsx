import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { Role } from '@contract'
import { openWork } from '@/services/subscribe'

const go = (url: string) => Taro.navigateTo({ url })
const arrow = <ArrowRight size={12} />

/** 我的 for inspectors (today's rounds) and for the office (points, rounds and their figures). */
export function InspectCells({ roles }: { roles: Role[] }) {
  return (
    <>
      {roles.includes('inspector') && (
        <Cell.Group className="me__cells me__inspector" title="督查">
          <Cell title="今日督查" description="当天的督查点位，逐项评定、拍照取证" extra={arrow} clickable onClick={() => void openWork('/packages/inspect/today/index', roles)} />
        </Cell.Group>
      )}
      {roles.includes('admin') && (
        <Cell.Group className="me__cells me__inspect-office" title="督查管理">
          <Cell title="督查" description="安排督查、随机抽取点位、督查数据" extra={arrow} clickable onClick={() => go('/packages/inspect/rounds/index')} />
          <Cell title="测评点位" description="点位、责任单位，Excel 导入导出" extra={arrow} clickable onClick={() => go('/packages/inspect/points/index')} />
        </Cell.Group>
      )}
    </>
  )
}
