import { ArrowRight, Edit, Heart, Location, Order, Photograph } from '@nutui/icons-react-taro'
import { Button, Cell, Collapse, Grid, Tag } from '@nutui/nutui-react-taro'
import { useDeferredValue } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { IdentitySwitch } from '@/components/identity-switch'
import { LoadState } from '@/components/load-state'
import { StatGrid } from '@/components/stat-grid'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { loadEarly, useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { openWork } from '@/services/subscribe'
import { useShellUntil } from '@/utils/shell'
import { ModeMeta } from '@/components/mode-meta'
import { UnitPanel } from './unit-panel'
import './index.scss'

const go = (url: string) => Taro.navigateTo({ url })
const COCKPIT = '/packages/cockpit/index/index'

// The live figures are what this page is opened for: their request leaves as soon as the page's code is in.
const loadOverview = loadEarly(() => api.call('campaign', 'overview'))
// Who is looking decides what else the page holds: the office's cockpit, a unit's workbench.
const loadMe = loadEarly(() => api.call('users', 'me'))

export default function Home() {
  const overview = useRequest(loadOverview, [])
  const me = useRequest(loadMe, [])
  const roles = me.data?.roles ?? []
  const admin = roles.includes('admin')
  const handler = roles.includes('handler')
  const unit = useRequest(() => (handler ? api.call('reports', 'cockpit', {}) : Promise.resolve(null)), [handler])
  const ranking = useRequest(() => (handler ? api.call('reports', 'ranking', {}) : Promise.resolve(null)), [handler])
  const categories = useRequest(() => api.call('campaign', 'categories'), [])

  // The list below the fold is built after the figures are shown, not in the same pass when both come in at once.
  const kinds = useDeferredValue(categories.data)

  const refresh = () => Promise.all([overview.reload(), categories.reload(), unit.reload(), ranking.reload()])

  // Back from another tab or page, the figures may have moved.
  useReloadOnShow(refresh)
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })

  // Opened first, the page is drawn once its figures are in (briefly, while src/index.html's copy of its top stands in).
  const draw = useShellUntil(!overview.loading)

  const counts = overview.data?.counts
  if (!draw) return null
  return (
    <View className="home">
      <ModeMeta />
      <View className="home__hero">
        <View className="home__hero-top">
          <Text className="home__date">{dayjs().format('M月D日 dddd')}</Text>
          <IdentitySwitch reloadTo="/pages/index/index" />
        </View>
        <Text className="home__title">创文通</Text>
        <Text className="home__slogan">人人参与创建，共享文明城市</Text>
      </View>

      <View className="cwt-section home__actions">
        <Button className="home__shoot" type="primary" size="xlarge" block icon={<Photograph size="var(--cwt-icon-lg)" />} onClick={() => go('/packages/report/new/index?pick=1')}>
          随手拍
        </Button>
        <Text className="home__shoot-hint">看到问题拍一拍，创文办交办责任单位限期整改</Text>
        <Grid className="home__entries" columns={2} square={false} direction="horizontal" gap={12}>
          <Grid.Item text="附近问题" onClick={() => go('/packages/report/feed/index')}>
            <Location size="var(--cwt-icon-lg)" color="var(--cwt-brand)" />
          </Grid.Item>
          <Grid.Item text="我的随手拍" onClick={() => go('/packages/report/mine/index')}>
            <Order size="var(--cwt-icon-lg)" color="var(--cwt-brand)" />
          </Grid.Item>
          <Grid.Item className="home__volunteer" text="志愿服务" onClick={() => go('/packages/volunteer/list/index')}>
            <Heart size="var(--cwt-icon-lg)" color="var(--cwt-brand)" />
          </Grid.Item>
          <Grid.Item className="home__quiz" text="知识答题" onClick={() => go('/packages/quiz/home/index')}>
            <Edit size="var(--cwt-icon-lg)" color="var(--cwt-brand)" />
          </Grid.Item>
        </Grid>
      </View>

      {admin && (
        <Cell.Group className="home__office">
          <Cell title="创文办驾驶舱" description="本周动态、待办、近12周趋势与单位排名" extra={<ArrowRight size={14} />} clickable onClick={() => void openWork(COCKPIT, roles)} />
        </Cell.Group>
      )}

      {unit.data?.unit && <UnitPanel unit={unit.data.unit} ranking={ranking.data ?? null} />}

      <LoadState loading={overview.loading} error={overview.error} ready={!!counts} onRetry={overview.reload}>
        {counts && (
          <View className="cwt-section home__stats">
            <View className="cwt-section__title">
              <Text>创建动态</Text>
              <Text className="cwt-section__hint">更新于 {dayjs(overview.data!.generatedAt).format('HH:mm')}</Text>
            </View>
            <StatGrid
              items={[
                { label: '问题上报', value: counts.reports },
                { label: '整改中', value: counts.reportsOpen, alert: counts.reportsOpen > 0 },
                { label: '已办结', value: counts.reportsClosed },
                { label: '参与市民', value: counts.users },
                { label: '志愿活动', value: counts.activities },
                { label: '注册志愿者', value: counts.volunteers },
                { label: '知识答题', value: counts.quizzes },
                { label: '答题人次', value: counts.quizAttempts }
              ]}
            />
            <Text className="home__footnote">
              {overview.data!.departments} 个责任单位 · {overview.data!.categoryGroups.reduce((n, g) => n + g.kinds, 0)} 类问题可随手拍反映
            </Text>
          </View>
        )}
      </LoadState>

      <LoadState loading={categories.loading} error={categories.error} ready={!!kinds} onRetry={categories.reload} rows={6}>
        <View className="cwt-section home__kinds">
          <View className="cwt-section__title">
            <Text>可以反映的问题</Text>
            <Text className="cwt-section__hint">默认办理单位 · 整改时限</Text>
          </View>
          <Collapse accordion defaultActiveName={kinds?.[0]?.id}>
            {kinds?.map((group) => (
              <Collapse.Item key={group.id} name={group.id} title={`${group.name}（${group.kinds.length}）`}>
                {group.kinds.map((kind) => (
                  <View key={kind.id} className="home__kind">
                    <Text className="home__kind-name">{kind.name}</Text>
                    <View className="home__kind-meta">
                      {kind.department && <Text className="home__kind-dept">{kind.department.name}</Text>}
                      <Tag background="var(--cwt-brand-soft)" color="var(--cwt-brand)">
                        {kind.deadlineDays} 个工作日
                      </Tag>
                    </View>
                  </View>
                ))}
              </Collapse.Item>
            ))}
          </Collapse>
        </View>
      </LoadState>
    </View>
  )
}
