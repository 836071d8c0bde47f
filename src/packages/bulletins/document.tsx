import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { BULLETIN_KIND_LABELS, CASE_SOURCES, ORDER_LEVEL_LABELS, ORDER_LEVELS, type BoardEntry, type BulletinUnitRow, type BulletinView, type CaseFigures } from '@contract'
import { StatGrid } from '@/components/stat-grid'
import { figure, percent } from './format'
import { formatDateTime, formatDay, formatFullDay } from '@/utils/format'
import './document.scss'

const prefix = 'bulletin-doc'
const NUMBERS = ['一', '二', '三', '四', '五', '六']

const openCase = (id: string) => Taro.navigateTo({ url: `/packages/staff/case/index?id=${id}` })

/** The columns of the per-unit table, each read from a unit's frozen row. */
const COLUMNS: { title: string; value: (r: BulletinUnitRow) => string }[] = [
  { title: '得分', value: (r) => String(r.score) },
  { title: '新增', value: (r) => String(r.newCases) },
  ...CASE_SOURCES.map((source) => ({ title: source, value: (r: BulletinUnitRow) => String(r.bySource[source] ?? 0) })),
  { title: '交办', value: (r) => String(r.assigned) },
  { title: '立行立改', value: (r) => String(r.onSpot) },
  { title: '限期整改', value: (r) => String(r.byDeadline) },
  { title: '已整改', value: (r) => String(r.fixed) },
  { title: '整改率', value: (r) => percent(r.fixRate) },
  { title: '按期整改率', value: (r) => percent(r.onTimeRate) },
  { title: '超期', value: (r) => String(r.overdue) },
  { title: '平均用时', value: (r) => figure(r.avgDaysToFix) },
  { title: '满意度', value: (r) => figure(r.rating) },
  { title: '未解决', value: (r) => percent(r.unresolvedRate) },
  ...ORDER_LEVELS.map((l) => ({ title: `${ORDER_LEVEL_LABELS[l]}督办`, value: (r: BulletinUnitRow) => String(r.orders[l]) })),
  { title: '督查点位', value: (r) => String(r.inspection.inspected) },
  { title: '达标率', value: (r) => percent(r.inspection.passRate) }
]

function overallItems(o: CaseFigures) {
  return [
    { label: '新增问题', value: o.newCases },
    { label: '交办', value: o.assigned },
    { label: '立行立改', value: o.onSpot },
    { label: '限期整改', value: o.byDeadline },
    { label: '已整改', value: o.fixed },
    { label: '整改率', value: percent(o.fixRate) },
    { label: '按期整改率', value: percent(o.onTimeRate) },
    { label: '超期未改', value: o.overdue, alert: o.overdue > 0 },
    { label: '平均整改(工作日)', value: figure(o.avgDaysToFix) },
    { label: '群众评分', value: figure(o.rating) },
    { label: '反馈未解决', value: percent(o.unresolvedRate) }
  ]
}

function Board({ tone, title, entries }: { tone: 'red' | 'black'; title: string; entries: BoardEntry[] }) {
  return (
    <View className={`${prefix}__board ${prefix}__board--${tone}`}>
      <Text className={`${prefix}__board-title`}>{title}</Text>
      {entries.length ? (
        entries.map((e) => (
          <View key={e.department.id} className={`${prefix}__board-row`}>
            <Text className={`${prefix}__board-name`}>{e.department.name}</Text>
            <Text className={`${prefix}__board-reason`}>{e.reason}</Text>
          </View>
        ))
      ) : (
        <Text className={`${prefix}__board-reason`}>本期无</Text>
      )}
    </View>
  )
}

function Heading({ n, children }: { n: number; children: string }) {
  return (
    <Text className={`${prefix}__heading`}>
      {NUMBERS[n]}、{children}
    </Text>
  )
}

/**
 * A bulletin as the units read it, in the order of the document the office forwards: masthead, number and
 * date, preface, overall figures, the unit table (wide: it scrolls sideways), 红黑榜, overdue cases,
 * 志愿服务 and 知识答题. The reader's own unit is highlighted.
 */
export function BulletinDocument({ b }: { b: BulletinView }) {
  const f = b.figures
  const o = f.overall
  const remarks = f.units.filter((u) => u.remark)
  const mine = f.units.find((u) => u.department.id === b.mine)
  return (
    <View className={prefix}>
      <View className={`${prefix}__mast`}>
        <Text className={`${prefix}__org`}>创建全国文明城市工作{BULLETIN_KIND_LABELS[b.kind]}</Text>
        <Text className={`${prefix}__no`}>{b.no}</Text>
        <View className={`${prefix}__line`}>
          <Text>市创文办</Text>
          <Text>{formatFullDay(b.publishedAt ?? b.createdAt)}</Text>
        </View>
      </View>

      <Text className={`${prefix}__title`}>通报期间：{b.title}</Text>
      {b.preface ? <Text className={`${prefix}__preface`}>{b.preface}</Text> : <Text className={`${prefix}__empty`}>（尚未撰写导语）</Text>}
      {mine && (
        <Text className={`${prefix}__mine`}>
          本单位 {mine.department.name}：得分 {mine.score}，第 {mine.rank} 名（共 {f.units.length} 个单位）
        </Text>
      )}

      <Heading n={0}>总体情况</Heading>
      <StatGrid className={`${prefix}__stats`} items={overallItems(o)} columns={4} />
      <Text className={`${prefix}__line-note`}>
        问题来源：{CASE_SOURCES.map((s) => `${s} ${o.bySource[s] ?? 0} 件`).join('，')}；督办单：{ORDER_LEVELS.map((l) => `${ORDER_LEVEL_LABELS[l]} ${o.orders[l]} 件`).join('，')}；督查点位 {o.inspection.inspected} 个，达标率 {percent(o.inspection.passRate)}。
      </Text>

      <Heading n={1}>各责任单位情况</Heading>
      <Text className={`${prefix}__hint`}>按考核得分排序，左右滑动查看全部数据</Text>
      <ScrollView scrollX className={`${prefix}__scroll`}>
        <View className={`${prefix}__table`}>
          <View className={`${prefix}__tr ${prefix}__tr--head`}>
            <Text className={`${prefix}__td ${prefix}__td--rank`}>名次</Text>
            <Text className={`${prefix}__td ${prefix}__td--unit`}>责任单位</Text>
            {COLUMNS.map((c) => (
              <Text key={c.title} className={`${prefix}__td`}>
                {c.title}
              </Text>
            ))}
          </View>
          {f.units.map((u) => (
            <View key={u.department.id} className={`${prefix}__tr ${u.department.id === b.mine ? `${prefix}__tr--mine` : ''}`}>
              <Text className={`${prefix}__td ${prefix}__td--rank`}>{u.rank}</Text>
              <Text className={`${prefix}__td ${prefix}__td--unit`}>{u.department.name}</Text>
              {COLUMNS.map((c) => (
                <Text key={c.title} className={`${prefix}__td`}>
                  {c.value(u)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
      {remarks.map((u) => (
        <Text key={u.department.id} className={`${prefix}__remark ${u.department.id === b.mine ? `${prefix}__remark--mine` : ''}`}>
          <Text className={`${prefix}__remark-unit`}>{u.department.name}：</Text>
          {u.remark}
        </Text>
      ))}

      <Heading n={2}>红黑榜</Heading>
      <View className={`${prefix}__boards`}>
        <Board tone="red" title="红榜" entries={f.red} />
        <Board tone="black" title="黑榜" entries={f.black} />
      </View>

      <Heading n={3}>超期问题清单</Heading>
      {f.overdueCases.length ? (
        f.overdueCases.map((c) => (
          <View key={c.id} className={`${prefix}__overdue`} onClick={() => openCase(c.id)}>
            {c.photo && b.photoUrls[c.id] ? <Image className={`${prefix}__photo`} src={b.photoUrls[c.id]} mode="aspectFill" /> : <View className={`${prefix}__photo`} />}
            <View className={`${prefix}__overdue-body`}>
              <Text className={`${prefix}__overdue-no`}>
                {c.no} · {c.categoryName}
              </Text>
              <Text className={`${prefix}__overdue-meta`}>
                {c.department?.name ?? '未交办'} · {formatDay(c.deadline)}到期 · {c.address}
              </Text>
              <Text className={`${prefix}__overdue-link`}>查看照片与办理经过 ›</Text>
            </View>
            <View className={`${prefix}__days`}>
              <Text className={`${prefix}__days-unit`}>超期</Text>
              <Text className={`${prefix}__days-n`}>{c.daysOverdue}</Text>
              <Text className={`${prefix}__days-unit`}>天</Text>
            </View>
          </View>
        ))
      ) : (
        <Text className={`${prefix}__para`}>本期末无超期未整改问题。</Text>
      )}

      <Heading n={4}>志愿服务</Heading>
      <Text className={`${prefix}__para`}>
        本期开展志愿服务活动 {f.volunteer.activities} 场，参与志愿者 {f.volunteer.attendances} 人次，核定服务时长 {f.volunteer.hours} 小时。
        {f.volunteer.stars ? `${dayjs(`${f.volunteer.stars.month}-01`).format('M月')}志愿服务之星：${f.volunteer.stars.names.join('、')}。` : ''}
      </Text>

      <Heading n={5}>知识答题</Heading>
      <Text className={`${prefix}__para`}>
        {f.quiz.quiz
          ? `「${f.quiz.quiz.title}」参与 ${f.quiz.participants} 人，通过 ${f.quiz.passed} 人，知晓率 ${percent(f.quiz.rate)}。`
          : '本期没有进行中的应知应会答题活动。'}
      </Text>
      <Text className={`${prefix}__foot`}>
        数据统计至 {formatDay(b.end)} 24 时，{formatDateTime(f.filledAt)}生成{b.status === 'published' ? '，已随通报发布固定' : ''}
      </Text>
    </View>
  )
}
