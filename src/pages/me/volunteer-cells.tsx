import { ArrowRight } from '@nutui/icons-react-taro'
import { Cell } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'

const go = (url: string) => Taro.navigateTo({ url })

/** 我的 → 志愿服务: my hours once registered, the way to register before. */
export function VolunteerCells() {
  const me = useRequest(() => api.call('volunteer', 'me'), [])
  // Back from registering or from an activity, the hours and the first cell may have changed.
  useReloadOnShow(me.reload)
  usePullDownRefresh(() => void me.reload())

  return (
    <Cell.Group className="me__cells me__volunteer" title="志愿服务">
      {me.data === null ? (
        <Cell title="志愿者注册" description="报名活动、累计服务时长" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/volunteer/register/index')} />
      ) : (
        <Cell
          title="我的志愿服务"
          description="报名的活动、服务记录与证明"
          extra={
            <Text className="me__extra">
              {me.data ? `${me.data.hours} 小时` : ''}
              <ArrowRight size={12} />
            </Text>
          }
          clickable
          onClick={() => go('/packages/volunteer/mine/index')}
        />
      )}
      <Cell title="志愿活动" description="本月及近期的志愿活动" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/volunteer/list/index')} />
      <Cell title="志愿服务之星" extra={<ArrowRight size={12} />} clickable onClick={() => go('/packages/volunteer/stars/index')} />
    </Cell.Group>
  )
}
